/** The rules a claim keeps before it is saved, and the warnings shown on a done claim. */
import { describe, expect, it } from 'vitest';
import { claimProblems, claimWarnings, hasVerdict, type ClaimRuleContext } from '../../../shared/check/claim-rules.js';
import type { Evidence } from '../../../shared/model/evidence.js';
import { claim, CONCLUSION_ONLY, evidence, source, TODAY, TRUTH } from './claim-fixtures.js';

const rules = { scale: TRUTH, today: TODAY };
const fields = (c: Parameters<typeof claimProblems>[0], context: ClaimRuleContext = rules) => claimProblems(c, context).map((p) => p.field);

describe('claimProblems', () => {
  it('finds nothing wrong with a new claim', () => {
    expect(claimProblems(claim(), rules)).toEqual([]);
  });

  it('accepts http(s) appearance addresses and refuses others, in plain words', () => {
    expect(fields(claim({ appearance: { url: 'https://www.example.org/article', date: null } }))).toEqual([]);
    const [problem] = claimProblems(claim({ appearance: { url: 'javascript:alert(1)', date: null } }), rules);
    expect(problem).toEqual({ field: 'appearance.url', message: expect.stringContaining('http or https') });
    expect(fields(claim({ appearance: { url: 'www.example.org', date: null } }))).toEqual(['appearance.url']);
  });

  it('accepts real dates up to today and refuses impossible or future ones', () => {
    expect(fields(claim({ appearance: { url: '', date: TODAY } }))).toEqual([]);
    expect(fields(claim({ appearance: { url: '', date: '2024-02-30' } }))).toEqual(['appearance.date']);
    const [future] = claimProblems(claim({ appearance: { url: '', date: '2026-11-28' } }), rules);
    expect(future).toEqual({ field: 'appearance.date', message: expect.stringContaining('cannot be in the future') });
  });

  it('accepts a level of the active scale and refuses one of another scale, or any level without a scale', () => {
    const verdict = (levelId: string) => ({ levelId, special: null, conclusion: '' });
    expect(fields(claim({ verdict: verdict('false') }))).toEqual([]);
    expect(claimProblems(claim({ verdict: verdict('mostly-true') }), rules)[0]?.message).toContain('Truth scale');
    expect(fields(claim({ verdict: verdict('false') }), { scale: CONCLUSION_ONLY, today: TODAY })).toEqual(['verdict']);
    expect(fields(claim({ verdict: verdict('false') }), { scale: null, today: TODAY })).toEqual(['verdict']);
  });

  it('needs a verdict on a done claim: a level, a special outcome or a written conclusion', () => {
    expect(fields(claim({ status: 'done' }))).toEqual(['verdict']);
    expect(fields(claim({ status: 'done', verdict: { levelId: 'true', special: null, conclusion: '' } }))).toEqual([]);
    expect(fields(claim({ status: 'done', verdict: { levelId: null, special: 'unverifiable', conclusion: '' } }))).toEqual([]);
    expect(fields(claim({ status: 'done', verdict: { levelId: null, special: null, conclusion: 'Since 2003: 21 years.' } }), { scale: CONCLUSION_ONLY, today: TODAY })).toEqual([]);
    expect(fields(claim({ status: 'done', verdict: { levelId: null, special: null, conclusion: '   ' } }))).toEqual(['verdict']);
    expect(fields(claim({ status: 'inReview' }))).toEqual([]);
  });

  it('grades information credibility 1 to 6 only', () => {
    const graded = (credibility: number) => claim({ evidence: [evidence('e1', 's1'), evidence('e2', 's2', { credibility: credibility as Evidence['credibility'] })] });
    expect(fields(graded(1))).toEqual([]);
    expect(fields(graded(6))).toEqual([]);
    expect(fields(graded(0))).toEqual(['evidence.1.credibility']);
    expect(fields(graded(7))).toEqual(['evidence.1.credibility']);
    expect(fields(graded(2.5))).toEqual(['evidence.1.credibility']);
  });

  it('reports every broken rule at once', () => {
    const broken = claim({ status: 'done', appearance: { url: 'ftp://x.org', date: '2999-01-01' } });
    expect(fields(broken)).toEqual(['appearance.url', 'appearance.date', 'verdict']);
  });
});

describe('hasVerdict', () => {
  it('counts a level, a special outcome or a conclusion that is more than blanks', () => {
    expect(hasVerdict(claim())).toBe(false);
    expect(hasVerdict(claim({ verdict: { levelId: null, special: null, conclusion: 'Accurate.' } }))).toBe(true);
  });
});

describe('claimWarnings', () => {
  const sources = [source('s1', { title: 'UN report' }), source('s2'), source('s3', { withhold: true })];

  it('says nothing until the claim is done', () => {
    expect(claimWarnings(claim({ status: 'inReview' }), sources)).toEqual([]);
  });

  it('warns about a done claim with no evidence', () => {
    expect(claimWarnings(claim({ status: 'done' }), sources)).toEqual([expect.stringContaining('no evidence')]);
  });

  it('warns about evidence from only one source, naming it unless it is withheld', () => {
    const twiceFromOne = claim({ status: 'done', evidence: [evidence('e1', 's1'), evidence('e2', 's1', { stance: 'context' })] });
    expect(claimWarnings(twiceFromOne, sources)).toEqual([expect.stringContaining('“UN report”')]);
    const withheld = claimWarnings(claim({ status: 'done', evidence: [evidence('e1', 's3')] }), sources);
    expect(withheld).toEqual([expect.stringContaining('one withheld source')]);
    expect(withheld[0]).not.toContain('Source s3');
  });

  it('is content with evidence from two sources', () => {
    expect(claimWarnings(claim({ status: 'done', evidence: [evidence('e1', 's1'), evidence('e2', 's2')] }), sources)).toEqual([]);
  });
});
