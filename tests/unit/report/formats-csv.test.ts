/**
 * The CSV exports parsed back with an RFC 4180 reader: every cell comes back as written (formula-like
 * cells, and claims cells starting with `'`, with a neutralising `'`), for hostile text too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimsCsv, sourcesCsv } from '../../../shared/report/csv.js';
import { options, reportInput } from './formats.fixture.js';

/** An RFC 4180 reader: CRLF records, quoted fields with doubled quotes. Throws on anything else. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const next = text.indexOf('"', i);
        if (next < 0) throw new Error('unterminated quote');
        cell += text.slice(i, next);
        i = next + 1;
        if (text[i] !== '"') break;
        cell += '"';
        i++;
      }
    } else {
      const end = text.slice(i).search(/[,\r\n"]/);
      cell = end < 0 ? text.slice(i) : text.slice(i, i + end);
      i += cell.length;
      if (text[i] === '"' || text[i] === '\n') throw new Error(`bad character at ${i}`);
    }
    row.push(cell);
    if (text[i] === ',') { i++; continue; }
    if (text.startsWith('\r\n', i)) { rows.push(row); row = []; i += 2; if (i === text.length) return rows; continue; }
    throw new Error(`record not ended by CRLF at ${i}`);
  }
}

const read = (text: string) => {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parseCsv(text.slice(1));
  return rows.map((row) => Object.fromEntries(header!.map((name, k) => [name, row[k]])));
};
/** A cell as the export writes it: a formula start, or a `'` of the cell's own, gets a leading `'`. */
const neutral = (cell: string) => (/^[=+\-@\t\r']/.test(cell) ? `'${cell}` : cell);

describe('claims CSV', () => {
  it('has one header and one row per included claim, with quote, verdict, tags and code-point positions', () => {
    const rows = read(claimsCsv(reportInput(), options()));
    expect(rows.map((r) => r.Claim)).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(rows[0]).toMatchObject({ Document: 'Speech', Quote: 'unemployment fell by 40 percent 📉', Verdict: 'Mostly false', Tags: 'Economy; سياسة', Evidence: '2' });
    expect(rows[3]).toMatchObject({ Document: 'الرد', Verdict: 'Unverifiable' });
    expect(read(claimsCsv(reportInput(), options({ tagIds: ['t-trade'] }))).map((r) => r.Claim)).toEqual(['C2']);
  });

  it('writes the evidence addresses for a re-import, without tracking parameters, a withheld source’s left out when anonymised', () => {
    const input = reportInput();
    input.project.sources[0]!.url = 'https://stats.example.org/lfs?utm_source=mail';
    expect(read(claimsCsv(input, options())).map((r) => r['Evidence URLs'])).toEqual(['https://stats.example.org/lfs', 'https://trade.example.org/yearbook', '', '']);
    expect(read(claimsCsv(input, options({ anonymiseWithheld: false })))[0]!['Evidence URLs']).toBe('https://stats.example.org/lfs https://private.example.org/notes');
  });

  it('gives a cell’s own leading apostrophe one more, so a re-import tells it from the neutralising one', () => {
    const [c1] = read(claimsCsv(reportInput({ claimant: "'=x", restatement: "'tis" }), options()));
    expect([c1!.Claimant, c1!.Restatement]).toEqual(["''=x", "''tis"]);
  });

  it('gives every hostile text back exactly, formulas neutralised', () => {
    const hostile = fc.string({ unit: fc.constantFrom('"', ',', '\n', '\r', '=', '+', '-', '@', '\t', 'a', ' ', 'ب', '\u202e', '😀', "'", ';') , maxLength: 30 });
    fc.assert(
      fc.property(hostile, hostile, hostile, (restatement, claimant, tagName) => {
        const text = claimsCsv(reportInput({ restatement, claimant, tagName: tagName === '' ? 'x' : tagName }), options());
        const [c1] = read(text);
        expect(c1!.Restatement).toBe(neutral(restatement));
        expect(c1!.Claimant).toBe(neutral(claimant));
      }),
      { numRuns: 300 },
    );
  });

  it('neutralises every formula start, and ends every record with CRLF', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      const [c1] = read(claimsCsv(reportInput({ restatement: `${start}HYPERLINK("http://evil")` }), options()));
      expect(c1!.Restatement).toBe(`'${start}HYPERLINK("http://evil")`);
    }
    const text = claimsCsv(reportInput(), options());
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toBe(claimsCsv(reportInput(), options()));
  });
});

describe('sources CSV', () => {
  it('lists the cited sources in library order with the claims citing them; a withheld one anonymised', () => {
    const rows = read(sourcesCsv(reportInput(), options()));
    expect(rows.map((r) => r['Source ID'])).toEqual(['s-stats', 's-trade', 's-secret']);
    expect(rows[1]).toMatchObject({ Title: 'Trade "yearbook", 2026', Authors: 'Haddad, Lina', Reliability: 'B', 'Cited by': 'C2' });
    expect(rows[2]).toMatchObject({ Title: 'Withheld source', Authors: '', URL: '', Withheld: 'yes', Reliability: 'C', 'Cited by': 'C1' });
    expect(sourcesCsv(reportInput(), options())).not.toMatch(/Karimi|private\.example|Erbil/);
    expect(read(sourcesCsv(reportInput(), options({ anonymiseWithheld: false })))[2]).toMatchObject({ Title: 'Interview with a ministry official', Authors: 'Karimi, Reza' });
  });
});
