/** The domain questions of shared/model/queries.ts: the active scale, the level a verdict names, and the verdict in words. */
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../../shared/model/annotation.js';
import { activeScale, verdictLabel, verdictLevel, verdictName, type ProjectScaleChoice } from '../../../shared/model/queries.js';
import type { RatingScale } from '../../../shared/model/rating-scale.js';
import { CONCLUSION_ONLY, TRUTH } from '../check/claim-fixtures.js';

const AFP: RatingScale = {
  id: 'afp',
  name: 'AFP/Meta labels',
  conclusionOnly: false,
  levels: [{ id: 'afp-missing-context', label: 'Missing context', description: '', colour: '#a16207', value: null }],
};
const project = (activeRatingScaleId: string | null): ProjectScaleChoice => ({ ratingScales: [TRUTH, AFP, CONCLUSION_ONLY], activeRatingScaleId });
const v = (levelId: string | null, special: Verdict['special'] = null, conclusion = ''): Verdict => ({ levelId, special, conclusion });

describe('activeScale', () => {
  it('is the scale the project chose, or null when it chose none or a scale it no longer has', () => {
    expect(activeScale(project('afp'))).toBe(AFP);
    expect(activeScale(project(null))).toBeNull();
    expect(activeScale(project('deleted'))).toBeNull();
  });
});

describe('verdictLevel', () => {
  it('finds the level on whichever scale holds it, active or not, with that scale', () => {
    expect(verdictLevel(v('false'), project('afp'))).toEqual({ level: TRUTH.levels[1], scale: TRUTH });
    expect(verdictLevel(v('afp-missing-context'), project('truth'))).toEqual({ level: AFP.levels[0], scale: AFP });
    expect(verdictLevel(v('gone'), project('truth'))).toBeNull();
    expect(verdictLevel(v(null, 'retracted'), project('truth'))).toBeNull();
  });
});

describe('the verdict in words', () => {
  const truth = project('truth');

  it('names a special outcome before anything else, and a level of any scale of the project by its label', () => {
    expect(verdictLabel(v(null, 'unverifiable'), truth)).toBe('Unverifiable');
    expect(verdictLabel(v(null, 'outdated'), truth)).toBe('Outdated');
    expect(verdictLabel(v('false', 'retracted'), truth)).toBe('Retracted');
    expect(verdictLabel(v('false'), truth)).toBe('False');
    expect(verdictLabel(v('afp-missing-context'), truth)).toBe('Missing context');
  });

  it('says plainly when a level is on no scale of the project, never showing its id or calling it no verdict', () => {
    expect(verdictLabel(v('gone'), truth)).toBe('A level no longer on any scale');
    expect(verdictLabel(v('gone', null, 'It was true.'), { ratingScales: [] })).toBe('A level no longer on any scale');
  });

  it('tells a conclusion written without a level from no verdict at all', () => {
    expect(verdictLabel(v(null, null, 'Accurate.'), truth)).toBe('Conclusion only');
    expect(verdictLabel(v(null, null, '  '), truth)).toBe('No verdict yet');
    expect(verdictLabel(v(null), { ratingScales: [] })).toBe('No verdict yet');
  });

  it('gives exports a name only for a special outcome or a known level (null otherwise, for an empty cell)', () => {
    expect(verdictName(v(null, 'unverifiable'), truth)).toBe('Unverifiable');
    expect(verdictName(v('afp-missing-context'), truth)).toBe('Missing context');
    expect(verdictName(v('gone'), truth)).toBeNull();
    expect(verdictName(v(null, null, 'Accurate.'), truth)).toBeNull();
  });
});
