/** How a verdict reads in the report: its label (shared/model/queries.ts) and its written conclusion. */
import type { Verdict } from '../../model/annotation.js';
import { verdictLabel, type ProjectScales } from '../../model/queries.js';

/** The label followed by the conclusion, when there is one: "False — The figure is 12 years." */
export function verdictText(verdict: Verdict, project: ProjectScales): string {
  const label = verdictLabel(verdict, project);
  return verdict.conclusion === '' ? label : `${label} — ${verdict.conclusion}`;
}
