/**
 * The claim and source commands of `factmark`, in-process on real project folders: adding a claim
 * on exact or approximately matched words, importing a claims list (CSV and JSON) with rows that
 * cannot be placed reported by number, re-importing Factmark's own claims CSV, spreadsheets'
 * semicolon and tab files, listing claims, adding a source, and refusing a project open elsewhere.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../main/cli/args.js';
import { helpText } from '../../main/cli/run.js';
import { runCapturing } from './support/cli.js';
import { ProjectStore } from '../../main/services/store/project-store.js';
import { StoredProject, type Claim } from '../../shared/model/index.js';

const SPEECH = 'The minister said unemployment fell to 4% last year.\nShe added that “exports doubled since 2020”, according to a UN representative.\nExports matter, she said: Exports matter.';

let work: string;
let project: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'factmark-cli-claims-'));
  const store = await ProjectStore.create(join(work, 'Desk'), 'Desk');
  await store.createDocument('Speech', SPEECH);
  await store.close();
  project = store.path;
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

const cli = (...argv: string[]) => runCapturing(work, argv);

const projectFile = async () => StoredProject.parse(JSON.parse(await readFile(join(project, 'project.json'), 'utf8')));
const claimsJson = async () => JSON.parse((await cli('claims', 'Desk.factmark', '--json')).stdout) as { claims: { documentTitle: string; claim: { shortId: string; claimant: string; status: string; claimKind: string; anchor: { quote: { exact: string } }; verdict: { levelId: string | null; special: string | null; conclusion: string }; evidence: { sourceId: string }[] } }[] };

describe('parsing the claim commands', () => {
  it('takes two-word commands, repeated --evidence, and refuses a missing required option', () => {
    expect(parseCliArgs(['claim', 'add', 'P', '--doc', 'Speech', '--quote', 'x', '--evidence', 'https://a.example', '--evidence', 'https://b.example'])).toEqual({
      kind: 'run',
      command: 'claim add',
      input: { positionals: ['P'], options: { doc: 'Speech', quote: 'x', evidence: ['https://a.example', 'https://b.example'] } },
    });
    expect(parseCliArgs(['claims', 'P', '--json'])).toMatchObject({ command: 'claims', input: { positionals: ['P'] } });
    expect(parseCliArgs(['claims', 'import', 'P', 'list.csv', '--doc', 'Speech'])).toMatchObject({ command: 'claims import', input: { positionals: ['P', 'list.csv'] } });
    expect(parseCliArgs(['claim', 'add', 'P', '--doc', 'Speech'])).toEqual({ kind: 'usageError', message: '"claim add" needs --quote' });
    expect(parseCliArgs(['claim', 'P'])).toEqual({ kind: 'usageError', message: '"claim" is followed by add' });
    expect(parseCliArgs(['claim', 'add', '--help'])).toEqual({ kind: 'help', command: 'claim add' });
  });

  it('lists the new commands in the help', () => {
    for (const usage of ['factmark claim add <project> --doc ID|TITLE --quote WORDS', 'factmark claims <project> [--json]', 'factmark claims import <project> --doc ID|TITLE <file.csv|file.json>', 'factmark source add <project> --title TITLE']) {
      expect(helpText()).toContain(usage);
    }
    expect(helpText('claims import')).toMatch(/^Usage: factmark claims import <project> --doc/);
  });
});

describe('factmark claim add', () => {
  it('adds a claim on the exact words, with a verdict of the active scale and evidence as library sources', async () => {
    const result = await cli('claim', 'add', 'Desk.factmark', '--doc', 'speech', '--quote', 'unemployment fell to 4% last year', '--claimant', 'The minister', '--kind', 'statistic', '--status', 'in review', '--verdict', 'mostly TRUE', '--evidence', 'https://www.stats.example/labour?utm_source=x', '--evidence', 'https://stats.example/labour/');
    expect(result).toEqual({ code: 0, stdout: 'added C1 to “Speech” on the exact words “unemployment fell to 4% last year” (1 new source in the library, reliability F until graded)\n', stderr: '' });
    const { claims } = await claimsJson();
    expect(claims).toMatchObject([{ documentTitle: 'Speech', claim: { shortId: 'C1', claimant: 'The minister', claimKind: 'statistic', status: 'inReview', verdict: { levelId: 'truth-mostly-true' } } }]);
    const { sources, lastClaimNumber } = await projectFile();
    expect(sources).toMatchObject([{ url: 'https://www.stats.example/labour?utm_source=x', reliability: 'F' }]);
    expect(claims[0]!.claim.evidence.map((e) => e.sourceId)).toEqual([sources[0]!.id]);
    expect(lastClaimNumber).toBe(1);
  });

  it('matches words approximately and prints the words it took', async () => {
    const result = await cli('claim', 'add', 'Desk.factmark', '--doc', 'Speech', '--quote', '"exports doubled since 2020"', '--verdict', 'unverifiable');
    expect(result.stdout).toBe('added C1 to “Speech” matched approximately, on the words ““exports doubled since 2020””\n');
    expect((await claimsJson()).claims[0]!.claim).toMatchObject({ anchor: { quote: { exact: '“exports doubled since 2020”' } }, verdict: { special: 'unverifiable' } });
  });

  it('refuses words found twice or not at all, an unknown verdict, and a done claim without a verdict (exit 1, nothing added)', async () => {
    const twice = await cli('claim', 'add', 'Desk.factmark', '--doc', 'Speech', '--quote', 'Exports matter');
    expect(twice).toEqual({ code: 1, stdout: 'not added: its quote fits 2 places in “Speech”: quote more words, so it is found once\n', stderr: 'factmark: 1 of 1 claim was not added.\n' });
    expect((await cli('claim', 'add', 'Desk.factmark', '--doc', 'Speech', '--quote', 'inflation rose sharply in May')).stdout).toMatch(/not added: its quote is not in “Speech”, not even approximately/);
    expect((await cli('claim', 'add', 'Desk.factmark', '--doc', 'Speech', '--quote', 'last year', '--verdict', 'Sort of')).stdout).toMatch(/not added: “Sort of” is not a verdict here: use a level of “Truth scale” \(True, Mostly true/);
    expect((await cli('claim', 'add', 'Desk.factmark', '--doc', 'Speech', '--quote', 'last year', '--status', 'done')).stdout).toMatch(/not added: A claim marked done needs a verdict/);
    expect((await cli('claim', 'add', 'Desk.factmark', '--doc', 'Memo', '--quote', 'x')).stderr).toBe('factmark: There is no document “Memo” in this project. Its documents: “Speech”.\n');
    expect((await claimsJson()).claims).toEqual([]);
  });

  it('refuses a project open in the app, with the lock’s message', async () => {
    const open = await ProjectStore.open(project);
    try {
      const result = await cli('claim', 'add', 'Desk.factmark', '--doc', 'Speech', '--quote', 'last year');
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^factmark: .*(open|in use)/i);
    } finally {
      await open.close();
    }
  });
});

describe('factmark claims import', () => {
  it('imports a CSV (BOM, header in any case, quoted fields), places rows exactly or approximately, and reports the row it cannot place', async () => {
    const csv = [
      '\uFEFFQuote,Claimant,KIND,Status,Verdict,Conclusion,Evidence',
      '"unemployment fell to 4% last year",The minister,statistic,done,False,"The survey says 5.1%, not 4%.",https://stats.example/labour https://www.stats.example/labour/',
      '"""exports doubled since 2020""","Minister, trade",comparison,,,,',
      'inflation rose sharply in May,,,,,,',
      '"Exports matter",,,,,,',
    ].join('\r\n');
    await writeFile(join(work, 'claims.csv'), csv);
    const result = await cli('claims', 'import', 'Desk.factmark', '--doc', 'Speech', 'claims.csv');
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      'row 2: added C1 to “Speech” on the exact words “unemployment fell to 4% last year” (1 new source in the library, reliability F until graded)',
      'row 3: added C2 to “Speech” matched approximately, on the words ““exports doubled since 2020””',
      'row 4: not added: its quote is not in “Speech”, not even approximately',
      'row 5: not added: its quote fits 2 places in “Speech”: quote more words, so it is found once',
      '',
    ]);
    expect(result.stderr).toBe('factmark: 2 of 4 claims were not added.\n');
    const { claims } = await claimsJson();
    expect(claims.map((c) => [c.claim.shortId, c.claim.claimant, c.claim.status, c.claim.verdict.levelId, c.claim.verdict.conclusion])).toEqual([
      ['C1', 'The minister', 'done', 'truth-false', 'The survey says 5.1%, not 4%.'],
      ['C2', 'Minister, trade', 'new', null, ''],
    ]);
  });

  it('imports a JSON array with the same keys', async () => {
    await writeFile(join(work, 'claims.json'), JSON.stringify([{ quote: 'a UN representative', kind: 'attribution', evidence: ['https://un.example/statement'] }, { Quote: 'last year', Verdict: 'retracted' }]));
    const result = await cli('claims', 'import', 'Desk.factmark', '--doc', 'Speech', 'claims.json', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ document: 'Speech', outcomes: [{ row: 1, added: true, shortId: 'C1', placed: 'exact', sourcesAdded: 1 }, { row: 2, added: true, shortId: 'C2' }] });
  });

  it('writes nothing when the file cannot be read at all', async () => {
    const before = await readFile(join(project, 'project.json'), 'utf8');
    await writeFile(join(work, 'broken.csv'), 'quote,claimant\n"never closed,x\n');
    expect(await cli('claims', 'import', 'Desk.factmark', '--doc', 'Speech', 'broken.csv')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'factmark: broken.csv could not be read as a claims list: a quoted field opened on line 2 is never closed. Nothing was added.\n',
    });
    await writeFile(join(work, 'nocolumn.csv'), 'words,who\nx,y\n');
    expect((await cli('claims', 'import', 'Desk.factmark', '--doc', 'Speech', 'nocolumn.csv')).stderr).toMatch(/names no “quote” column/);
    expect((await cli('claims', 'import', 'Desk.factmark', '--doc', 'Speech', 'missing.csv')).code).toBe(1);
    expect(await readFile(join(project, 'project.json'), 'utf8')).toBe(before);
  });
});

describe('factmark claims and source add', () => {
  it('lists claims as text', async () => {
    expect((await cli('claims', 'Desk.factmark')).stdout).toBe('No claims yet.\n');
    await cli('claim', 'add', 'Desk.factmark', '--doc', 'Speech', '--quote', 'unemployment fell to 4% last year', '--claimant', 'The minister', '--verdict', 'Half true');
    expect((await cli('claims', 'Desk.factmark')).stdout).toBe('C1    Speech  [new, Half true] The minister: “unemployment fell to 4% last year”\n');
  });

  it('adds a source, and refuses its address a second time, naming the first', async () => {
    const added = await cli('source', 'add', 'Desk.factmark', '--title', 'Labour survey', '--url', 'https://stats.example/labour', '--type', 'report', '--reliability', 'b', '--json');
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout).source).toMatchObject({ title: 'Labour survey', type: 'report', reliability: 'B' });
    const again = await cli('source', 'add', 'Desk.factmark', '--title', 'Again', '--url', 'https://www.stats.example/labour/');
    expect(again).toEqual({ code: 1, stdout: '', stderr: 'factmark: The library already holds this source: “Labour survey” has the same web address. Use that one, or merge the two.\n' });
    expect((await cli('source', 'add', 'Desk.factmark', '--title', 'X', '--reliability', 'Z')).stderr).toMatch(/“Z” is not a source reliability grade: use one of A, B, C, D, E, F/);
  });
});

describe('factmark claims import of spreadsheets (issue 16)', () => {
  const FORMULA = "=cmd|' /C calc'!A0";
  const second = [...SPEECH.slice(0, SPEECH.lastIndexOf('Exports matter'))].length;

  /** The claims of project `name` as the import can hold them, with their evidence as the library's addresses. */
  const heldClaims = async (name: string) => {
    const { claims } = JSON.parse((await cli('claims', `${name}.factmark`, '--json')).stdout) as { claims: { claim: Claim }[] };
    const { sources } = StoredProject.parse(JSON.parse(await readFile(join(work, `${name}.factmark`, 'project.json'), 'utf8')));
    return claims.map(({ claim }) => ({
      shortId: claim.shortId,
      words: claim.anchor.quote.exact,
      position: claim.anchor.position,
      claimant: claim.claimant,
      kind: claim.claimKind,
      status: claim.status,
      verdict: claim.verdict,
      evidence: claim.evidence.map((e) => sources.find((s) => s.id === e.sourceId)?.url),
      details: { restatement: claim.restatement, claimantKind: claim.claimantKind, appearance: claim.appearance, worthChecking: claim.worthChecking, analyst: claim.analyst },
    }));
  };

  it('re-imports its own claims CSV into a fresh project’s same document, losing nothing the import holds', async () => {
    expect(await cli('claim', 'add', 'Desk.factmark', '--doc', 'Speech', '--quote', 'unemployment fell to 4% last year', '--claimant', FORMULA, '--kind', 'statistic', '--status', 'done', '--verdict', 'False', '--conclusion=- The survey says 5.1%.\n- Not 4%, "rounded" down.', '--evidence', 'https://stats.example/labour', '--evidence', 'https://archive.example/labour')).toMatchObject({ code: 0 });
    await cli('claim', 'add', 'Desk.factmark', '--doc', 'Speech', '--quote', 'a UN representative', '--claimant', "'t Hooft; UN, Geneva", '--kind', 'attribution', '--status', 'in review', '--verdict', 'unverifiable', '--evidence', 'https://un.example/statement');
    // The second of two equal passages, placed by its position.
    await writeFile(
      join(work, 'second.csv'),
      `quote,claimant,start,end,restatement,claimant kind,appearance url,appearance date,why it is worth checking,analyst\r\nExports matter,+Trade desk,${second},${second + 14},"Exports matter, twice.",organization,https://news.example/speech,2026-11-19,"Said twice;\nwidely shared",Sara Ahmed\r\n`,
    );
    expect((await cli('claims', 'import', 'Desk.factmark', '--doc', 'Speech', 'second.csv')).code).toBe(0);
    const exported = await cli('export', 'Desk.factmark', '--format', 'csv', '--out', 'claims.csv');
    expect(exported.code).toBe(0);
    expect(await readFile(join(work, 'claims.csv'), 'utf8')).toContain(`'${FORMULA}`);

    const fresh = await ProjectStore.create(join(work, 'Fresh'), 'Fresh');
    await fresh.createDocument('Speech', SPEECH);
    await fresh.close();
    const imported = await cli('claims', 'import', 'Fresh.factmark', '--doc', 'Speech', 'claims.csv');
    expect(imported.stderr).toBe('');
    expect(imported.stdout.split('\n').filter((line) => line !== '')).toEqual([
      'row 2: added C1 to “Speech” on the exact words “unemployment fell to 4% last year” (2 new sources in the library, reliability F until graded)',
      'row 3: added C2 to “Speech” on the exact words “a UN representative” (1 new source in the library, reliability F until graded)',
      'row 4: added C3 to “Speech” on the exact words “Exports matter”',
    ]);
    const before = await heldClaims('Desk');
    expect(before.map((c) => c.claimant)).toEqual([FORMULA, "'t Hooft; UN, Geneva", '+Trade desk']);
    expect(before[2]).toMatchObject({ position: { start: second, end: second + 14 }, details: { restatement: 'Exports matter, twice.', claimantKind: 'organization', appearance: { url: 'https://news.example/speech', date: '2026-11-19' }, worthChecking: 'Said twice;\nwidely shared', analyst: 'Sara Ahmed' } });
    expect(await heldClaims('Fresh')).toEqual(before);
  });

  it('takes off the export’s neutralising apostrophe exactly where it put one, and nowhere else', async () => {
    const csv = ['Quote,Claimant,Conclusion', `unemployment fell to 4% last year,"'${FORMULA}","'- one"`, "a UN representative,'t Hooft,", "last year,''quoted,"].join('\r\n');
    await writeFile(join(work, 'apostrophes.csv'), csv);
    expect((await cli('claims', 'import', 'Desk.factmark', '--doc', 'Speech', 'apostrophes.csv')).code).toBe(0);
    expect((await claimsJson()).claims.map((c) => [c.claim.claimant, c.claim.verdict.conclusion])).toEqual([
      [FORMULA, '- one'],
      ["'quoted", ''],
      ["'t Hooft", ''],
    ]);
  });

  it('reads a semicolon-separated file as Excel writes it in German (BOM, CRLF, quoted fields with doubled quotes), and a tab-separated one', async () => {
    const excel = [
      '\uFEFFQuote;Claimant;Kind;Status;Verdict;Conclusion;Evidence',
      'unemployment fell to 4% last year;"Minister; Labour";statistic;done;False;"Says ""5,1 %"";\r\nnot 4 %.";https://stats.example/labour',
      ';;;;;;',
      '"a UN representative";;attribution;;;;',
      '',
    ].join('\r\n');
    await writeFile(join(work, 'excel.csv'), excel, 'utf8');
    const result = await cli('claims', 'import', 'Desk.factmark', '--doc', 'Speech', 'excel.csv');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^row 2: added C1 .*\nrow 4: added C2 .*\n$/);
    expect((await claimsJson()).claims.map((c) => [c.claim.claimant, c.claim.claimKind, c.claim.verdict.conclusion])).toEqual([
      ['Minister; Labour', 'statistic', 'Says "5,1 %";\r\nnot 4 %.'],
      ['', 'attribution', ''],
    ]);
    await writeFile(join(work, 'tabs.csv'), 'quote\tclaimant\r\nExports matter, she said\tThe minister, again\r\n');
    expect((await cli('claims', 'import', 'Desk.factmark', '--doc', 'Speech', 'tabs.csv')).stdout).toMatch(/^row 2: added C3 /);
    expect((await claimsJson()).claims[2]!.claim.claimant).toBe('The minister, again');
    // Excel's `sep=` line names the delimiter and is no row of the sheet.
    await writeFile(join(work, 'sep.csv'), 'sep=;\r\nquote;claimant\r\ninflation rose;Someone\r\n');
    expect((await cli('claims', 'import', 'Desk.factmark', '--doc', 'Speech', 'sep.csv')).stdout).toMatch(/^row 2: not added: its quote is not in/);
  });

  it('refuses, saying why, a file whose delimiter cannot be told', async () => {
    await writeFile(join(work, 'mixed.csv'), 'quote,notes;quote;notes,x\r\nx;y,z;w\r\n');
    expect((await cli('claims', 'import', 'Desk.factmark', '--doc', 'Speech', 'mixed.csv')).stderr).toBe(
      'factmark: mixed.csv could not be read as a claims list: its delimiter cannot be told: its first row reads as columns separated by commas and as columns separated by semicolons; save it again with one of them only. Nothing was added.\n',
    );
    await writeFile(join(work, 'pipes.csv'), 'quote|claimant\r\nx|y\r\n');
    expect((await cli('claims', 'import', 'Desk.factmark', '--doc', 'Speech', 'pipes.csv')).stderr).toMatch(/its first row \(“quote\|claimant”\) names no “quote” column, with its fields separated by commas, semicolons or tabs/);
  });

  it('reports rows as a spreadsheet numbers them, a multi-line cell counting once, the header as row 1', async () => {
    const csv = ['quote,conclusion', 'unemployment fell,"one', 'two', 'three"', '', 'inflation rose sharply in May,'].join('\n');
    await writeFile(join(work, 'lines.csv'), csv);
    const result = await cli('claims', 'import', 'Desk.factmark', '--doc', 'Speech', 'lines.csv');
    expect(result.stdout).toMatch(/^row 2: added C1 .*\nrow 4: not added: its quote is not in “Speech”/);
  });
});
