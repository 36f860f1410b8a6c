/**
 * The source library as CSL-JSON: a Zotero export read entry by entry (unreadable entries reported,
 * the rest kept), and a round trip through Factmark's own export that keeps every field, including
 * what CSL has no field for (our types, reliability, withholding).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCslJson, sourcesToCslJson, sourceToCsl } from '../../../shared/check/csl.js';
import { SOURCE_TYPES, type Source } from '../../../shared/model/index.js';

const ZOTERO = readFileSync(join(import.meta.dirname, '../../fixtures/csl/zotero-export.json'), 'utf8');
const at = '2026-01-01T00:00:00.000Z';

function read(text: string) {
  const reading = parseCslJson(text);
  if ('problem' in reading) throw new Error(reading.problem);
  return reading;
}

describe('reading a Zotero export', () => {
  const { entries, refused } = read(ZOTERO);
  const byTitle = (start: string) => entries.find((e) => e.draft.title.startsWith(start))!.draft;

  it('reads every readable entry and reports the others by number', () => {
    expect(entries).toHaveLength(6);
    expect(refused).toEqual(['Entry 7: it has no title.', 'Entry 8: it is not a CSL item (an object).']);
  });

  it('reads a news article: authors, outlet, dates (year given as text), address, grade from the note line', () => {
    expect(byTitle('Iraq and Iran sign')).toEqual({
      type: 'article-newspaper',
      title: 'Iraq and Iran sign railway deal linking Basra and Shalamcheh',
      authors: [{ family: 'Rasheed', given: 'Ahmed' }, { family: 'Davison', given: 'John' }],
      publisher: 'Reuters',
      published: '2023-09-04',
      accessed: '2024-09-18',
      url: 'https://www.reuters.com/world/middle-east/iraq-iran-sign-railway-deal-2023-09-04/?utm_source=twitter&utm_medium=social',
      archiveUrl: '',
      language: 'en',
      notes: '',
      reliability: 'B',
      withhold: false,
    });
  });

  it('reads a web page without a grade as reliability F', () => {
    expect(byTitle('Joint press statement')).toMatchObject({ type: 'webpage', publisher: 'Ministry of Foreign Affairs of Iraq', published: '2023-03-19', reliability: 'F' });
  });

  it('reads a report: publisher, organisation as literal author, archived copy, note', () => {
    expect(byTitle('Iraq: Economic Monitor')).toMatchObject({
      type: 'report',
      publisher: 'World Bank',
      authors: [{ literal: 'World Bank Group' }],
      archiveUrl: 'https://web.archive.org/web/20240601000000/https://www.worldbank.org/en/country/iraq/publication/iraq-economic-monitor',
      notes: 'Figures on non-oil growth are in chapter 2.',
    });
  });

  it('reads a post, keeping the other note lines and dropping the factmark line', () => {
    expect(byTitle('Khamenei.ir')).toMatchObject({ type: 'post', publisher: 'X (formerly Twitter)', authors: [{ family: 'Khamenei.ir' }], reliability: 'C', notes: 'Screenshot kept in the case folder.' });
  });

  it('reads a withheld source with only a literal author', () => {
    expect(byTitle('Statement attributed')).toMatchObject({ authors: [{ literal: 'UNAMI' }], withhold: true, reliability: 'D', published: null });
  });

  it('keeps a year-only date out of the date field (no invented day) and in the notes', () => {
    expect(byTitle('Annual Report')).toMatchObject({ published: null, publisher: 'Central Statistical Organization Iraq', notes: 'Date published: 2021 (no exact day given)' });
  });
});

describe('files that cannot be read', () => {
  it.each([
    ['not JSON', '{"id": 1,', /not valid JSON/],
    ['a number', '42', /neither a list of CSL items nor one item/],
  ])('%s gives one problem', (_label, text, problem) => {
    const reading = parseCslJson(text);
    expect('problem' in reading && reading.problem).toMatch(problem);
  });

  it('accepts a single item and a BOM', () => {
    expect(read('\uFEFF{"type":"webpage","title":"One"}').entries).toHaveLength(1);
  });

  it('refuses an entry whose fields do not fit a source, keeping the others', () => {
    const { entries, refused } = read(JSON.stringify([{ type: 'webpage', title: 'Fine' }, { type: 'webpage', title: 'x'.repeat(3000) }, { type: 'webpage', title: 'Bad day', issued: { 'date-parts': [[2024, 2, 30]] } }]));
    expect(entries.map((e) => e.draft.title)).toEqual(['Fine']);
    expect(refused).toHaveLength(2);
    expect(refused[0]).toMatch(/^Entry 2 \(“x+”\): it does not fit a source \(title: /);
    expect(refused[1]).toMatch(/^Entry 3 \(“Bad day”\): it does not fit a source \(published/);
  });
});

function source(id: string, fields: Partial<Source>): Source {
  return { id, type: 'webpage', title: `Source ${id}`, authors: [], publisher: '', published: null, accessed: null, url: '', archiveUrl: '', language: '', notes: '', reliability: 'F', withhold: false, createdAt: at, updatedAt: at, ...fields };
}

describe('round trip', () => {
  const library = SOURCE_TYPES.map((type, i) =>
    source(`s${i}`, {
      type,
      authors: i % 2 === 0 ? [{ family: 'Abdel Wahab', given: 'Nour' }] : [{ literal: 'Ministry of Oil' }],
      publisher: `Outlet ${i}`,
      published: '2024-09-18',
      accessed: '2026-01-02',
      url: `https://example.org/${type}`,
      archiveUrl: i === 0 ? 'https://web.archive.org/web/2024/https://example.org/' : '',
      language: 'ar',
      notes: i === 1 ? 'Two lines.\nOf notes.' : '',
      reliability: (['A', 'B', 'C', 'D', 'E', 'F'] as const)[i % 6],
      withhold: i === 3,
    }),
  );

  it('gives back every field of every type (ids and times aside) through CSL-JSON', () => {
    const { entries, refused } = read(sourcesToCslJson(library));
    expect(refused).toEqual([]);
    expect(entries.map((e) => e.draft)).toEqual(library.map(({ id: _id, createdAt: _c, updatedAt: _u, ...draft }) => draft));
  });

  it('writes CSL types, the outlet where Zotero expects it, and the grade in a note line', () => {
    expect(sourceToCsl(library[0]!)).toMatchObject({ type: 'article-newspaper', 'container-title': 'Outlet 0', archive_location: 'https://web.archive.org/web/2024/https://example.org/', issued: { 'date-parts': [[2024, 9, 18]] }, note: 'factmark: reliability=A; withhold=false' });
    const statement = sourceToCsl(library[3]!);
    expect(statement).toMatchObject({ type: 'speech', publisher: 'Outlet 3', note: 'factmark: reliability=D; withhold=true' });
    expect(sourceToCsl(library[8]!)).toMatchObject({ type: 'document', note: 'factmark: reliability=C; withhold=false; type=other' });
  });

  it('is deterministic and pretty-printed', () => {
    expect(sourcesToCslJson(library)).toBe(sourcesToCslJson(library));
    expect(sourcesToCslJson(library)).toMatch(/^\[\n  \{\n    "id": "s0",\n    "type": "article-newspaper",/);
  });
});
