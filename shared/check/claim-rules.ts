/**
 * The rules a claim must keep before it is saved, and the warnings an editor wants to see before
 * publishing it. Pure functions, shared by the claim card (inline messages beside the field that
 * broke a rule; the change is not saved) and the unit tests.
 */
import type { Claim } from '../model/annotation.js';
import type { RatingScale } from '../model/rating-scale.js';
import type { Source } from '../model/source.js';
import { dateProblem, urlProblem } from './fields.js';

/** A rule a claim breaks: which field (a dotted path such as `appearance.url`) and why, in plain words. */
export interface ClaimProblem {
  field: string;
  message: string;
}

/** What the rules depend on besides the claim: the project's active scale (null: none) and today's date. */
export interface ClaimRuleContext {
  scale: RatingScale | null;
  /** Today as `YYYY-MM-DD` in the analyst's time zone. */
  today: string;
}

/** True when the claim's verdict says something: a level, a special outcome or a written conclusion. */
export function hasVerdict(claim: Claim): boolean {
  const { levelId, special, conclusion } = claim.verdict;
  return levelId !== null || special !== null || conclusion.trim() !== '';
}

/** Every rule the claim breaks; an empty list means it may be saved. */
export function claimProblems(claim: Claim, { scale, today }: ClaimRuleContext): ClaimProblem[] {
  const problems: ClaimProblem[] = [];
  const url = urlProblem(claim.appearance.url);
  if (url) problems.push({ field: 'appearance.url', message: url });
  const date = claim.appearance.date === null ? null : dateProblem(claim.appearance.date, { notAfter: today, what: 'date it appeared' });
  if (date) problems.push({ field: 'appearance.date', message: date });
  const { levelId } = claim.verdict;
  if (levelId !== null && !scale?.levels.some((level) => level.id === levelId)) {
    const message = scale
      ? `This verdict is not a level of the active scale “${scale.name}”: choose one of its levels, a special outcome, or none.`
      : 'The project has no active rating scale: choose a special outcome or none, and write the conclusion.';
    problems.push({ field: 'verdict', message });
  }
  if (claim.status === 'done' && !hasVerdict(claim)) {
    problems.push({ field: 'verdict', message: 'A claim marked done needs a verdict: a level, a special outcome or a written conclusion.' });
  }
  claim.evidence.forEach((item, index) => {
    if (!Number.isInteger(item.credibility) || item.credibility < 1 || item.credibility > 6) {
      problems.push({ field: `evidence.${index}.credibility`, message: 'Information credibility is graded 1 (confirmed) to 6 (cannot be judged).' });
    }
  });
  return problems;
}

/**
 * What an editor should hear about a claim before it is published, without refusing it: a claim
 * marked done with no evidence, or with evidence from only one source (IFCN asks for sources a
 * reader can follow, and one source is rarely enough).
 */
export function claimWarnings(claim: Claim, sources: readonly Source[]): string[] {
  if (claim.status !== 'done') return [];
  if (claim.evidence.length === 0) return ['Marked done with no evidence: add the sources the verdict rests on.'];
  const used = new Set(claim.evidence.map((item) => item.sourceId));
  if (used.size > 1) return [];
  const only = sources.find((source) => used.has(source.id));
  const name = !only ? 'one source' : only.withhold ? 'one withheld source' : `one source, “${only.title}”`;
  return [`All the evidence comes from ${name}: look for a second, independent source.`];
}
