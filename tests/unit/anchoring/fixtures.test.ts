/**
 * Baseline fixtures: the sample article, 17 stored selectors on it, five newer versions of it and
 * the placement expected for each selector in each (tests/fixtures/anchoring/README.md). Catches
 * drift in describing and in re-anchoring.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorAll, describeRange, indexCodePoints, positionToRange } from '../../../shared/anchoring/index.js';
import { Anchor } from '../../../shared/model/selectors.js';

const DIR = resolve(import.meta.dirname, '../../fixtures/anchoring');
const read = (name: string): string => readFileSync(join(DIR, name), 'utf8');

interface StoredSelector {
  id: string;
  note: string;
  anchor: Anchor;
}
type Expected = { status: 'exact' | 'moved' | 'fuzzy'; start: number; text: string } | { status: 'orphan' };

const article = read('article.txt');
const selectors = JSON.parse(read('selectors.json')) as StoredSelector[];
const expected = JSON.parse(read('expected.json')) as Record<string, Record<string, Expected>>;

describe('anchoring baseline on the sample article', () => {
  it('uses the sample article unchanged', () => {
    expect(article).toBe(readFileSync(resolve(DIR, '../article-iraq-iran.txt'), 'utf8'));
  });

  it('describes each annotation exactly as stored', () => {
    const index = indexCodePoints(article);
    for (const { id, anchor } of selectors) {
      expect(Anchor.safeParse(anchor).success, id).toBe(true);
      const range = positionToRange(anchor.position, index);
      expect(describeRange(article, range.start, range.end, index), id).toEqual(anchor);
    }
  });

  it('places every annotation exactly on the unchanged article', () => {
    const placements = anchorAll(article, selectors.map((s) => s.anchor));
    expect(placements.map((p) => p.status)).toEqual(selectors.map(() => 'exact'));
  });

  it.each(Object.keys(expected))('re-anchors on the version "%s" as expected', (version) => {
    const text = read(join('versions', `${version}.txt`));
    const placements = anchorAll(text, selectors.map((s) => s.anchor));
    const actual = Object.fromEntries(
      placements.map((p, i): [string, Expected] => [selectors[i]!.id, p.status === 'orphan' ? { status: 'orphan' } : { status: p.status, start: p.start, text: text.slice(p.start, p.end) }]),
    );
    expect(actual).toEqual(expected[version]);
  });
});
