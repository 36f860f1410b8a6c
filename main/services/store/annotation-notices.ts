/**
 * What an analyst is told when Factmark changed a document's annotations on its own while opening
 * it: in the words of the work (placed again, orphans), not of the machinery.
 */
import type { ReconcileReport } from '../../../shared/annotations/reconcile.js';
import type { SetAside } from './salvage.js';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Why annotations had to be placed again, as the end of a sentence. */
export const REASONS = {
  changedOutside: 'after the text changed outside Factmark',
  lostHighlight: 'after losing their highlight',
  readAgain: 'after the text was read again with another encoding',
} as const;

/** The notices for one reconciliation, `why` saying what happened to the text. */
export function reconcileNotices(report: ReconcileReport, why: (typeof REASONS)[keyof typeof REASONS]): string[] {
  const notices: string[] = [];
  const placed = report.reanchoredExact + report.reanchoredFuzzy;
  const isAre = (n: number): string => (n === 1 ? 'is' : 'are');
  if (placed > 0) {
    const fuzzy = report.reanchoredFuzzy > 0 ? ` (${report.reanchoredFuzzy} on words that changed slightly: check ${report.reanchoredFuzzy === 1 ? 'it' : 'them'})` : '';
    const orphans = report.orphaned > 0 ? `; ${report.orphaned} could not be placed and ${isAre(report.orphaned)} listed under Orphans` : '';
    notices.push(`${count(placed, 'annotation was', 'annotations were')} placed again ${why}${fuzzy}${orphans}.`);
  } else if (report.orphaned > 0) {
    notices.push(`${count(report.orphaned, 'annotation', 'annotations')} could not be placed again ${why} and ${isAre(report.orphaned)} listed under Orphans.`);
  }
  if (report.strayMarksRemoved > 0) notices.push(`${count(report.strayMarksRemoved, 'highlight', 'highlights')} with no annotation behind ${report.strayMarksRemoved === 1 ? 'it was' : 'them were'} removed from the text.`);
  return notices;
}

/** The notice for annotations that tolerant loading set aside. */
export function setAsideNotice(setAside: SetAside): string {
  return `${count(setAside.count, 'annotation', 'annotations')} in this document could not be read and ${setAside.count === 1 ? 'was' : 'were'} set aside; the file as it was is kept at ${setAside.copyPath}.`;
}
