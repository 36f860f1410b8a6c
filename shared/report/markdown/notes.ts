/**
 * The notes that stand apart from every reported claim (a note on a claim's words is shown in that
 * claim's section): per document, in text order, each with its words quoted in context (the words
 * in bold), its text and its tags. Which notes are reported is decided in select.ts.
 */
import { quoteBlock, wholeWordContext } from './quote.js';
import type { ReportContext } from './context.js';
import { escapeCell, escapeParagraph } from './escape.js';
import { field } from './header.js';

/** The "Notes" section; empty when no reported note stands apart from the claims. */
export function notesSection(context: ReportContext): string[] {
  const parts = context.input.documents.flatMap((document) => {
    const notes = (context.notes.get(document.id) ?? []).filter((n) => !n.onClaim).map((n) => n.note);
    if (notes.length === 0) return [];
    return [
      `### Notes on: ${escapeCell(document.title)}`,
      ...notes.flatMap((note) => {
        const { quote } = note.anchor;
        const around = wholeWordContext(quote.prefix, quote.suffix);
        const tags = note.tagIds.map((id) => context.tags.get(id)?.name).filter((name): name is string => name !== undefined);
        const details = [
          ...(note.orphaned ? ['- **Orphaned:** its words are no longer in the text; the quote is the last known wording.'] : []),
          ...(tags.length > 0 ? [field('Tags', tags.join(', '))] : []),
        ];
        return [
          quoteBlock(around.prefix, quote.exact, around.suffix),
          ...(note.body === '' ? [] : [escapeParagraph(note.body)]),
          ...(details.length > 0 ? [details.join('\n')] : []),
        ];
      }),
    ];
  });
  if (parts.length === 0) return [];
  return ['## Notes', 'Notes on words outside the reported claims, in text order (a note on the words of a claim is in that claim\'s section).', ...parts];
}
