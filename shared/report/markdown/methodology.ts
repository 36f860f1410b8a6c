/**
 * The method a reader needs to weigh the verdicts: how claims were checked, the rating scale with
 * the definition of each level, the special outcomes, and how the Admiralty codes read.
 */
import { CREDIBILITY_LABELS, RELIABILITY_LABELS } from '../../check/admiralty.js';
import { SPECIAL_OUTCOMES } from '../../model/rating-scale.js';
import { SPECIAL_DEFINITIONS, SPECIAL_LABELS } from '../labels.js';
import type { ReportContext } from './context.js';
import { escapeCell } from './escape.js';
import { table } from './summary.js';

const INTRO =
  'Each claim is a span of a document that states something checkable, quoted here exactly as it appears in the text. ' +
  'Each was checked against the sources listed, each piece of evidence recording whether it supports, refutes or adds context to the claim, ' +
  'and the verdict was reached on the rating scale below, with a written conclusion.';

function scaleText(context: ReportContext): string[] {
  const { scale } = context;
  if (!scale) return ['No rating scale was chosen: verdicts are written conclusions.'];
  if (scale.conclusionOnly || scale.levels.length === 0) return [`Rating scale: ${escapeCell(scale.name)}. It has no levels: each verdict is a written conclusion.`];
  return [`Rating scale: ${escapeCell(scale.name)}.`, table(['Verdict', 'Meaning'], scale.levels.map((l) => [escapeCell(l.label), escapeCell(l.description)]))];
}

/** The "Methodology" section. */
export function methodologySection(context: ReportContext): string[] {
  const reliability = Object.entries(RELIABILITY_LABELS).map(([code, label]) => `${code} ${label.toLowerCase()}`).join(', ');
  const credibility = Object.entries(CREDIBILITY_LABELS).map(([code, label]) => `${code} ${label.toLowerCase()}`).join(', ');
  return [
    '## Methodology',
    INTRO,
    ...scaleText(context),
    'Special outcomes, available on any scale:',
    table(['Outcome', 'Meaning'], SPECIAL_OUTCOMES.map((o) => [SPECIAL_LABELS[o], SPECIAL_DEFINITIONS[o]])),
    `Evidence is graded with the Admiralty code: a letter for the source's reliability (${reliability}) and, judged separately, a digit for the credibility of the information (${credibility}).`,
  ];
}
