/**
 * `factmark export`, in-process on a project made in the test: Markdown and CSV files read back,
 * the same bytes twice with --generated-at, choices of documents and statuses, and the errors.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { helpText } from '../../main/cli/run.js';
import { runCapturing } from './support/cli.js';
import { ProjectStore } from '../../main/services/store/project-store.js';
import { REPORT_FORMATS } from '../../shared/report/index.js';
import { pdfText } from './report/pdf-text.js';

const AT = '2026-11-27T17:29:22.000Z';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'factmark-cli-export-'));
  const store = await ProjectStore.create(join(work, 'Desk'), 'Desk');
  await store.createDocument('Speech', 'The minister said unemployment fell by 40 percent.');
  await store.createDocument('Reply', 'Exports doubled, said the spokesman.');
  await store.close();
  await cli('claim', 'add', 'Desk.factmark', '--doc', 'Speech', '--quote', 'unemployment fell by 40 percent', '--claimant', 'The minister', '--status', 'done', '--verdict', 'unverifiable');
  await cli('claim', 'add', 'Desk.factmark', '--doc', 'Reply', '--quote', 'Exports doubled', '--status', 'new');
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

const cli = (...argv: string[]) => runCapturing(work, argv);

describe('factmark export', () => {
  it('writes the Markdown report, prints its path, and writes the same bytes again', async () => {
    const first = await cli('export', 'Desk.factmark', '--format', 'md', '--out', 'one.md', '--generated-at', AT, '--analyst', 'Sara');
    expect(first).toEqual({ code: 0, stdout: `${join(work, 'one.md')}\n`, stderr: '' });
    const text = await readFile(join(work, 'one.md'), 'utf8');
    expect(text).toMatch(/^# Desk: fact-check report\n/);
    expect(text).toContain('Prepared by Sara on 2026-11-27 17:29 UTC.');
    expect(text).toContain('unemployment fell by 40 percent');
    expect(text).toContain('Document: Reply');
    await cli('export', 'Desk.factmark', '--format', 'md', '--out', 'two.md', '--generated-at', AT, '--analyst', 'Sara');
    expect(await readFile(join(work, 'two.md'))).toEqual(await readFile(join(work, 'one.md')));
    // Exporting over the same file again replaces it without leaving a backup beside it.
    expect((await cli('export', 'Desk.factmark', '--format', 'md', '--out', 'one.md', '--generated-at', AT)).code).toBe(0);
    expect(await readdir(work)).not.toContain('one.md.bak');
  });

  it('writes the claims CSV of the chosen documents and statuses, with --json', async () => {
    const result = await cli('export', 'Desk.factmark', '--format', 'csv', '--out', 'claims.csv', '--doc', 'Speech', '--status', 'done', '--generated-at', AT, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ format: 'csv', path: join(work, 'claims.csv'), mimeType: expect.stringContaining('text/csv') });
    const csv = await readFile(join(work, 'claims.csv'), 'utf8');
    expect(csv).toContain('unemployment fell by 40 percent');
    expect(csv).not.toContain('Exports doubled');
    await cli('export', 'Desk.factmark', '--format', 'csv', '--out', 'again.csv', '--doc', 'Speech', '--status', 'done', '--generated-at', AT);
    expect(await readFile(join(work, 'again.csv'), 'utf8')).toBe(csv);
  });

  it('writes the PDF report atomically: a PDF whose text holds the claims, the same bytes again, no temporary file left', async () => {
    const result = await cli('export', 'Desk.factmark', '--format', 'pdf', '--out', 'report.pdf', '--generated-at', AT, '--analyst', 'Sara', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ format: 'pdf', path: join(work, 'report.pdf'), mimeType: 'application/pdf' });
    const bytes = await readFile(join(work, 'report.pdf'));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('Desk: fact-check report');
    expect(text).toContain('Prepared by Sara on 2026-11-27 17:29 UTC.');
    expect(text).toContain('unemployment fell by 40 percent');
    expect(text).toContain('Exports doubled');
    expect(text).toContain('Unverifiable');
    await cli('export', 'Desk.factmark', '--format', 'pdf', '--out', 'again.pdf', '--generated-at', AT, '--analyst', 'Sara');
    expect((await readFile(join(work, 'again.pdf'))).equals(bytes)).toBe(true);
    expect((await readdir(work)).sort()).toEqual(['Desk.factmark', 'again.pdf', 'report.pdf']);
  });

  it('fails with exit code 1 on an unknown format, status, tag or document, and 2 on a wrong command line', async () => {
    const format = await cli('export', 'Desk.factmark', '--format', 'docx', '--out', 'x.docx');
    expect(format.code).toBe(1);
    expect(format.stderr).toContain(REPORT_FORMATS.map((f) => f.id).join(', '));
    expect((await cli('export', 'Desk.factmark', '--format', 'md', '--out', 'x.md', '--status', 'finished')).code).toBe(1);
    expect((await cli('export', 'Desk.factmark', '--format', 'md', '--out', 'x.md', '--tag', 'Economy')).stderr).toContain('no tag “Economy”');
    expect((await cli('export', 'Desk.factmark', '--format', 'md', '--out', 'x.md', '--doc', 'Nope')).code).toBe(1);
    expect((await cli('export', 'Desk.factmark', '--format', 'md', '--out', 'x.md', '--generated-at', 'yesterday')).code).toBe(1);
    expect((await cli('export', 'Desk.factmark', '--format', 'md')).code).toBe(2);
  });

  it('takes the layout and the report address: verdict-first by default, audit on request, ClaimReview named at the address', async () => {
    expect((await cli('export', 'Desk.factmark', '--format', 'md', '--out', 'first.md', '--generated-at', AT)).code).toBe(0);
    expect((await cli('export', 'Desk.factmark', '--format', 'md', '--out', 'audit.md', '--generated-at', AT, '--layout', 'audit')).code).toBe(0);
    expect(await readFile(join(work, 'first.md'), 'utf8')).toContain('## Fact-checks');
    const audit = await readFile(join(work, 'audit.md'), 'utf8');
    expect(audit).toContain('## Claim details');
    expect(audit).not.toContain('## Fact-checks');
    const published = await cli('export', 'Desk.factmark', '--format', 'claimreview', '--out', 'reviews.json', '--generated-at', AT, '--report-url', 'https://desk.example/checks/desk');
    expect(published.code).toBe(0);
    expect(await readFile(join(work, 'reviews.json'), 'utf8')).toContain('"url": "https://desk.example/checks/desk#c1"');
    expect((await cli('export', 'Desk.factmark', '--format', 'md', '--out', 'x.md', '--layout', 'newest')).stderr).toContain('--layout is one of verdict-first, audit');
    expect((await cli('export', 'Desk.factmark', '--format', 'claimreview', '--out', 'x.json', '--report-url', 'javascript:alert(1)')).code).toBe(1);
  });

  it('lists every report format in its help', () => {
    const help = helpText('export');
    for (const format of REPORT_FORMATS) expect(help).toContain(format.id);
    expect(helpText()).toContain('factmark export <project> --format md|html|');
  });
});
