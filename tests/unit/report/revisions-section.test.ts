/**
 * The source of record in the reports: the "Changes to the source text" section lists each revision
 * of a document — when, who, why, each change's exact characters before and after, the
 * fingerprints — in Markdown (read back by markdown-it and by pandoc), HTML and PDF; a claim whose
 * words a revision changed quotes them as imported, a claim elsewhere says nothing; a document
 * without revisions is "as imported", with its fingerprint.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { requireTestTool } from '../../tools/test-tools.js';
import { pdfReport } from '../../../main/services/export/pdf/index.js';
import type { StoredDocument } from '../../../shared/model/document.js';
import type { Revision, TextChange } from '../../../shared/model/revision.js';
import { htmlReport } from '../../../shared/report/html.js';
import type { ReportInput } from '../../../shared/report/input.js';
import { reportContext } from '../../../shared/report/markdown/context.js';
import { markdownReport } from '../../../shared/report/markdown/index.js';
import { applyChanges } from '../../../shared/revision-text.js';
import { contentToText } from '../../../shared/text.js';
import { options, REPLY_TEXT, reportInput, SPEECH_TEXT } from './formats.fixture.js';
import { pdfText } from './pdf-text.js';

const md = new MarkdownIt();
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const IMPORTED_AT = '2026-12-01T08:00:00.000Z';

/**
 * The speech as imported: a different greeting, a doubled "to", no handshake emoji, and the chart
 * emoji as mojibake. Two revisions turn it into the fixture's SPEECH_TEXT, on which the claims sit.
 */
const IMPORTED = [
  'اهلا 👋 بالجميع. The minister said unemployment fell by 40 percent ðŸ“‰ since 2020.',
  'He added that "exports doubled" according to to a UN representative, and "نحن شركاء استراتيجيون".',
].join('\n');

/** A change of `text`: `before` (right after `lead`, its first occurrence) becomes `after`; offsets in code points. */
function change(text: string, lead: string, before: string, after: string): TextChange {
  const at = text.indexOf(lead) + lead.length;
  if (at < lead.length || !text.startsWith(before, at)) throw new Error(`"${lead}${before}" is not in the text`);
  const start = [...text.slice(0, at)].length;
  return { start, end: start + [...before].length, before, after };
}

const EDIT_CHANGES = [change(IMPORTED, '', 'اهلا', 'مرحبا'), change(IMPORTED, 'according to ', 'to ', ''), change(IMPORTED, 'استراتيجيون"', '', ' 🤝')];
const AFTER_EDIT = applyChanges(IMPORTED, EDIT_CHANGES);
const REPAIR_CHANGES = [change(AFTER_EDIT, '40 percent ', 'ðŸ“‰', '📉')];
const REPAIR_DETAIL = 'Mojibake: “ðŸ“‰” is UTF-8 read as Windows-1252';

function revision(id: string, at: string, analyst: string, reason: Revision['reason'], detail: string, changes: TextChange[], before: string): Revision {
  return { id, at, analyst, reason, detail, changes, fingerprintBefore: sha256(before), fingerprintAfter: sha256(applyChanges(before, changes)) };
}

/** The fixture's project with the speech revised twice (an edit, then a repair) and the reply as imported. */
function revisedInput(): ReportInput {
  const input = reportInput();
  const [speech, reply] = input.documents as [StoredDocument, StoredDocument];
  const revised: StoredDocument = {
    ...speech,
    fingerprint: sha256(SPEECH_TEXT),
    original: { fingerprint: sha256(IMPORTED), at: IMPORTED_AT },
    revisions: [
      revision('rev-edit', '2026-12-07T09:15:00.000Z', 'Sara Ahmed', 'edit', '', EDIT_CHANGES, IMPORTED),
      revision('rev-repair', '2026-12-07T10:00:00.000Z', '', 'repair', REPAIR_DETAIL, REPAIR_CHANGES, AFTER_EDIT),
    ],
  };
  const asImported: StoredDocument = { ...reply, fingerprint: sha256(REPLY_TEXT), original: { fingerprint: sha256(REPLY_TEXT), at: IMPORTED_AT } };
  return { ...input, documents: [revised, asImported] };
}

/** The Markdown between `### heading` and the next heading of level `level` or higher. */
function subsection(markdown: string, heading: string, level = 3): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const next = markdown.slice(start + heading.length + 2).search(new RegExp(`^#{1,${level}} `, 'm'));
  return next < 0 ? markdown.slice(start) : markdown.slice(start, start + heading.length + 2 + next);
}

/** The text of each list item of `markdown`, as markdown-it reads it (escapes resolved, hard breaks as newlines). */
function listItems(markdown: string): string[] {
  const tokens = md.parse(markdown, {});
  return tokens
    .filter((t, i) => t.type === 'inline' && tokens[i - 1]?.type === 'paragraph_open' && tokens[i - 2]?.type === 'list_item_open')
    .map((t) => t.children!.map((c) => (c.type === 'hardbreak' ? '\n' : c.content)).join(''));
}

const point = (text: string, lead: string): number => [...text.slice(0, text.indexOf(lead) + lead.length)].length;

describe('the "Changes to the source text" section', () => {
  it('starts from the fixture text: the two revisions lead from the imported text to the claims’ text', () => {
    expect(applyChanges(AFTER_EDIT, REPAIR_CHANGES)).toBe(SPEECH_TEXT);
    expect(contentToText(revisedInput().documents[0]!.content)).toBe(SPEECH_TEXT);
  });

  it('lists both revisions of the speech with when, who, why, the fingerprints and every change exactly', () => {
    const speech = subsection(markdownReport(revisedInput(), options()), '### Changes to: Speech');
    expect(speech).toContain(`The text as imported on 2026-12-01 08:00 UTC (SHA-256 \`${sha256(IMPORTED)}\`) was changed in 2 revisions since, oldest first. SHA-256 of the text now: \`${sha256(SPEECH_TEXT)}\`.`);
    expect(speech).not.toContain('incomplete');
    const edit = listItems(subsection(speech, '#### Revision 1', 4));
    expect(edit).toEqual([
      'When: 2026-12-07 09:15 UTC',
      'By: Sara Ahmed',
      'Why: Edit in edit mode',
      `Fingerprint before (SHA-256): ${sha256(IMPORTED)}`,
      `Fingerprint after (SHA-256): ${sha256(AFTER_EDIT)}`,
      'At code point 0: “اهلا” replaced by “مرحبا”',
      // Counted in code points: the 👋 before it is one, not two UTF-16 units.
      `At code point ${point(IMPORTED, 'according to ')}: removed “to ”`,
      `At code point ${point(IMPORTED, 'استراتيجيون"')}: inserted “ 🤝”`,
    ]);
    expect(point(IMPORTED, 'according to ')).toBe(IMPORTED.indexOf('according to ') + 'according to '.length - 1);
    const repair = listItems(subsection(speech, '#### Revision 2', 4));
    expect(repair).toEqual([
      'When: 2026-12-07 10:00 UTC',
      'By: not recorded',
      `Why: Damage repair: ${REPAIR_DETAIL}`,
      `Fingerprint before (SHA-256): ${sha256(AFTER_EDIT)}`,
      `Fingerprint after (SHA-256): ${sha256(SPEECH_TEXT)}`,
      `At code point ${point(AFTER_EDIT, '40 percent ')}: “ðŸ“‰” replaced by “📉”`,
    ]);
  });

  it('says a document without revisions is as imported, with the fingerprint of the text as imported', () => {
    const reply = subsection(markdownReport(revisedInput(), options()), `### Changes to: الرد`);
    expect(reply).toContain(`The text is as imported on 2026-12-01 08:00 UTC, unchanged since. SHA-256 of the text as imported: \`${sha256(REPLY_TEXT)}\`.`);
    expect(reply).not.toContain('#### Revision');
  });

  it('gives only the fingerprint of a text with no record of its import and no revisions', () => {
    const report = markdownReport(reportInput(), options());
    expect(subsection(report, '### Changes to: Speech')).toContain(`No changes to the text are recorded. SHA-256 of the text: \`${'0'.repeat(64)}\`.`);
    expect(report).not.toContain('Every change made to a text after import');
  });

  it('says the record is incomplete when the fingerprints do not follow on from each other', () => {
    const input = revisedInput();
    const speech = input.documents[0]!;
    const broken = { ...input, documents: [{ ...speech, revisions: [speech.revisions[1]!] }] };
    expect(subsection(markdownReport(broken, options()), '### Changes to: Speech')).toContain('the record of changes is incomplete');
    const changedUnrecorded = { ...input, documents: [{ ...speech, revisions: [] }] };
    expect(subsection(markdownReport(changedUnrecorded, options()), '### Changes to: Speech')).toMatch(/is not the text as imported .* yet no change is recorded/);
  });

  it('keeps before and after exact whatever they hold: Markdown syntax, blanks, line breaks, in any item of the list', () => {
    const hostile: [string, string][] = [
      ['*not* `code` <b>x</b> [a](b) | \\ # 1. - &amp; ', '\n- item\n  indented\n\n1) one\n'],
      ['   ', '\t'],
      ['a\n', ''],
      ['', '> quote\n# head\n    code'],
    ];
    // Ten changes or more: the tenth item's text is indented by four, not three.
    const pairs = [...hostile, ...Array.from({ length: 5 }, (_, i): [string, string] => [`w${i}`, `v${i}`]), ['x\ny', '=\n---']] as [string, string][];
    const changes = pairs.map(([before, after], i) => ({ start: i * 100, end: i * 100 + [...before].length, before, after }));
    const input = revisedInput();
    const reply = input.documents[1]!;
    // Only the section is read: the changes need not fit the reply's text.
    const restore: Revision = { id: 'rev-x', at: '2026-12-08T00:00:00.000Z', analyst: '', reason: 'restore', detail: '', changes, fingerprintBefore: sha256('a'), fingerprintAfter: sha256('b') };
    const withHostile = { ...reply, revisions: [restore] };
    const section = subsection(markdownReport({ ...input, documents: [withHostile] }, options()), '#### Revision 1', 4);
    const items = listItems(section).slice(5);
    expect(items).toEqual(
      changes.map(({ start, before, after }) =>
        before === '' ? `At code point ${start}: inserted “${after}”` : after === '' ? `At code point ${start}: removed “${before}”` : `At code point ${start}: “${before}” replaced by “${after}”`,
      ),
    );
    expect(listItems(section)[2]).toBe('Why: Original restored');
  });

  it('gives every change’s characters back exactly through pandoc', () => {
    const plain = execFileSync(requireTestTool('pandoc'), ['-f', 'gfm', '-t', 'plain', '--wrap=none'], { input: markdownReport(revisedInput(), options()), encoding: 'utf8' });
    expect(plain).toContain('Changes to the source text');
    expect(plain).toContain('At code point 0: “اهلا” replaced by “مرحبا”');
    expect(plain).toContain(`At code point ${point(IMPORTED, 'according to ')}: removed “to ”`);
    expect(plain).toContain(`At code point ${point(IMPORTED, 'استراتيجيون"')}: inserted “ 🤝”`);
    expect(plain).toContain(`At code point ${point(AFTER_EDIT, '40 percent ')}: “ðŸ“‰” replaced by “📉”`);
    expect(plain).toContain(`Why: Damage repair: ${REPAIR_DETAIL}`);
    expect(plain).toContain('as imported they read “unemployment fell by 40 percent ðŸ“‰”.');
  });

  it('is in the HTML report, a heading with its id and the changes as text', () => {
    const html = htmlReport(revisedInput(), options());
    expect(html).toContain('<h2 dir="auto" id="changes-to-the-source-text">Changes to the source text</h2>');
    expect(html).toContain('<h3 dir="auto" id="changes-to-speech">Changes to: Speech</h3>');
    expect(html).toContain('At code point 0: “اهلا” replaced by “مرحبا”');
    expect(html).toContain(': inserted “ 🤝”');
  });

  it('is in the PDF report', async () => {
    const text = await pdfText(await pdfReport(revisedInput(), options()));
    expect(text).toContain('Changes to the source text');
    expect(text).toContain('Changes to: Speech');
    expect(text).toContain('Why: Damage repair: Mojibake:');
    expect(text).toContain('Words changed after import');
  });
});

describe('a claim on words changed after import', () => {
  const report = markdownReport(revisedInput(), options());

  it('names the revision that changed them and quotes them as imported', () => {
    const fields = listItems(subsection(report, '### C1', 3).split('\n#### ')[0]!);
    const changed = fields.filter((line) => line.startsWith('Words changed after import'));
    expect(changed).toEqual([`Words changed after import (revision 2 of 2026-12-07 10:00 UTC, Damage repair: ${REPAIR_DETAIL}): as imported they read “unemployment fell by 40 percent ðŸ“‰”.`]);
  });

  it('says nothing for claims on words no revision touched, even next to a change', () => {
    for (const id of ['C2', 'C3', 'C4']) {
      const section = subsection(report, `### ${id}`, 3);
      expect(listItems(section).length, id).toBeGreaterThan(3);
      expect(section, id).not.toContain('changed after import');
    }
  });

  it('says the words cannot be recovered when the revisions do not fit the text', () => {
    const input = revisedInput();
    const speech = input.documents[0]!;
    const wrong = { ...speech.revisions[1]!, changes: [{ ...REPAIR_CHANGES[0]!, after: '📊' }] };
    const damaged = markdownReport({ ...input, documents: [{ ...speech, revisions: [speech.revisions[0]!, wrong] }] }, options());
    expect(subsection(damaged, '### C1', 3)).toContain('the words as imported cannot be recovered');
  });

  it('rebuilds the text as imported once per document with revisions and claims, not per claim', () => {
    const { originals } = reportContext(revisedInput(), options());
    expect([...originals.keys()]).toEqual(['speech']);
    expect(originals.get('speech')?.text).toBe(IMPORTED);
  });
});
