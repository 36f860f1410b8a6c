/**
 * Evidence that points at words of another document of the project carries those words, and which
 * document holds them, in every export: the Markdown report's excerpt cell (so the HTML and PDF
 * too) and the W3C evidence annotation, as a SpecificResource on that document with its selectors.
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { htmlReport } from '../../../shared/report/html.js';
import { markdownReport } from '../../../shared/report/markdown/index.js';
import { webAnnotations } from '../../../shared/report/w3c.js';
import { anchorOf, claimOf, options, REPLY_TEXT, reportInput } from './formats.fixture.js';

const WORDS = 'البطالة انخفضت';

/** The fixture with C1's first evidence pointing at words of the Arabic reply. */
function withSpan() {
  const input = reportInput();
  claimOf(input, 'a-unemployment').evidence[0]!.documentSpan = { documentId: 'reply', anchor: anchorOf(REPLY_TEXT, WORDS) };
  return input;
}

type Json = Record<string, unknown>;

describe('evidence on words of another document', () => {
  it('shows the words and the document in the evidence table of the Markdown and HTML reports', () => {
    const markdown = markdownReport(withSpan(), options());
    expect(new MarkdownIt().render(markdown)).toContain(`<td>Unemployment: 7.1% → 6.1% — in “الرد”: “${WORDS}”</td>`);
    expect(htmlReport(withSpan(), options())).toContain(`in “الرد”: “${WORDS}”`);
  });

  it('names a document that was deleted from the project as such', () => {
    const input = withSpan();
    input.project.documents = input.project.documents.filter((d) => d.id !== 'reply');
    expect(markdownReport(input, options())).toContain(`in a document no longer in the project: “${WORDS}”`);
  });

  it('gives the W3C evidence annotation the words as a SpecificResource on that document, with quote and position selectors', () => {
    const items = ((JSON.parse(webAnnotations(withSpan(), options())) as Json).first as Json).items as Json[];
    const evidence = items.find((item) => item.id === 'urn:factmark:project:p1:annotation:a-unemployment:evidence:e1')!;
    const span = (evidence.body as Json[]).find((body) => body.type === 'SpecificResource' && body.selector !== undefined);
    const { quote, position } = anchorOf(REPLY_TEXT, WORDS);
    expect(span).toEqual({
      type: 'SpecificResource',
      purpose: 'linking',
      source: { id: 'urn:factmark:project:p1:document:reply', type: 'Text', label: 'الرد' },
      selector: [
        { type: 'TextQuoteSelector', ...quote },
        { type: 'TextPositionSelector', ...position },
      ],
    });
  });
});
