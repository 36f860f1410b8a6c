/**
 * Notes in the reports: a note on a reported claim's words is shown in that claim's section; every
 * other note is listed in the "Notes" section, per document and in text order, with its words quoted
 * in context, its text and its tags. The tag filter keeps only the stand-alone notes carrying a chosen
 * tag; the status filter does not apply to notes (they have none); the W3C export carries the same notes.
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { Annotation } from '../../../shared/model/annotation.js';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '../../../shared/report/input.js';
import { markdownReport } from '../../../shared/report/markdown/index.js';
import { reportedNotes } from '../../../shared/report/select.js';
import { webAnnotations } from '../../../shared/report/w3c.js';
import { mark, sampleInput } from './markdown-sample.js';

const report = (options: Partial<ReportOptions> = {}, input = sampleInput()): string => markdownReport(input, { ...DEFAULT_REPORT_OPTIONS, ...options });

/** The text of the report from `## heading` to the next `## ` heading. */
function section(markdown: string, heading: string): string | null {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) return null;
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start + 1, end < 0 ? undefined : end).trimEnd();
}

describe('notes in the Markdown report', () => {
  it('lists a note that overlaps no reported claim in the Notes section: its words in context, its text, its tags', () => {
    const notes = section(report(), 'Notes');
    expect(notes).toBe(
      [
        '## Notes',
        "Notes on words outside the reported claims, in text order (a note on the words of a claim is in that claim's section).",
        '### Notes on: Khamenei calls for US withdrawal from Iraq',
        '> … railway connection, **which has long been delayed**. President Pazeshkian …',
        'Delayed since when? Find the \\*contract\\* date.',
        '- **Tags:** Infrastructure',
      ].join('\n\n'),
    );
    const tokens = new MarkdownIt().parse(notes!, {});
    expect(tokens.filter((t) => t.type === 'inline').map((t) => t.content)).toContain('Delayed since when? Find the \\*contract\\* date.');
    expect(new MarkdownIt().render(notes!)).toContain('<p>Delayed since when? Find the *contract* date.</p>');
  });

  it('keeps a note on a reported claim in that claim’s section only', () => {
    const markdown = report();
    const claim = markdown.slice(markdown.indexOf('### C2'), markdown.indexOf('\n## Notes'));
    expect(claim).toContain("#### Notes\n\nTerm used by Iran's allies\\_ check it.");
    expect(section(markdown, 'Notes')).not.toContain('Term used by Iran');
  });

  it('moves a note into the Notes section when its claim is filtered out (statuses do not filter notes)', () => {
    const notes = section(report({ statuses: ['done'] }), 'Notes')!;
    expect(notes).toContain("> **recently emphasised**\n\nTerm used by Iran's allies\\_ check it.");
    // In text order: the UN remark comes before the railway.
    expect(notes.indexOf('recently emphasised')).toBeLessThan(notes.indexOf('which has long been delayed'));
  });

  it('with a tag filter lists only the stand-alone notes carrying a chosen tag', () => {
    expect(section(report({ tagIds: ['tag-history'] }), 'Notes')).toBeNull();
    const infra = section(report({ tagIds: ['tag-infra'] }), 'Notes')!;
    expect(infra).toContain('which has long been delayed');
    expect(infra).not.toContain('recently emphasised');
  });

  it('leaves every note out when notes are not chosen', () => {
    const markdown = report({ includeNotes: false });
    expect(section(markdown, 'Notes')).toBeNull();
    expect(markdown).not.toContain('Delayed since when');
    expect(markdown).not.toContain('Term used by Iran');
  });

  it('marks an orphaned note, and leaves out an empty text and an empty tag list', () => {
    const input = sampleInput();
    const [document] = input.documents;
    const at = mark(document!.content, 'Mutual understanding', 'note-orphan');
    document!.annotations.push(
      Annotation.parse({ id: 'note-orphan', kind: 'note', orphaned: true, createdAt: '2026-11-27T12:00:00.000Z', updatedAt: '2026-11-27T12:00:00.000Z', anchor: { quote: { exact: 'Mutual understanding', prefix: '', suffix: '' }, position: { start: at.start, end: at.end } } }),
    );
    const notes = section(report({}, input), 'Notes')!;
    expect(notes).toContain('> **Mutual understanding**\n\n- **Orphaned:** its words are no longer in the text; the quote is the last known wording.');
  });
});

describe('reportedNotes (every export)', () => {
  it('says which notes are on a reported claim, and the W3C export carries the same notes', () => {
    const input = sampleInput();
    const [document] = input.documents;
    const ids = (options: Partial<ReportOptions>) => reportedNotes(document!, { ...DEFAULT_REPORT_OPTIONS, ...options }).map((n) => `${n.note.id}${n.onClaim ? ' (on a claim)' : ''}`);
    expect(ids({})).toEqual(['note-axis (on a claim)', 'note-railway']);
    expect(ids({ statuses: ['done'] })).toEqual(['note-axis', 'note-railway']);
    expect(ids({ tagIds: ['tag-history'] })).toEqual([]);
    expect(ids({ tagIds: ['tag-infra'] })).toEqual(['note-railway']);
    expect(ids({ includeNotes: false })).toEqual([]);
    const w3cNotes = (options: Partial<ReportOptions>) =>
      (JSON.parse(webAnnotations(input, { ...DEFAULT_REPORT_OPTIONS, ...options })) as { first?: { items: { id: string; motivation: string }[] } }).first?.items.filter((a) => a.motivation === 'commenting').map((a) => a.id.split(':').pop()) ?? [];
    expect(w3cNotes({})).toEqual(['note-axis', 'note-railway']);
    expect(w3cNotes({ tagIds: ['tag-infra'] })).toEqual(['note-railway']);
  });
});
