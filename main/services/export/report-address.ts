/**
 * The project's report address: the web address its report is published at, which the export
 * dialog names and saves with the project, so ClaimReview's `url` points at the published
 * fact-check (shared/report/report-address.ts) on every later export, from any window or the
 * command line. Only an http(s) address, or none, is kept.
 */
import { urlProblem } from '../../../shared/check/fields.js';
import { FactmarkError } from '../../../shared/result.js';
import type { ProjectView } from '../../../shared/contract.js';
import { viewAfter, type OpenProject } from '../store/open-project.js';

/** Saves `url` (trimmed; '' for none) as the project's report address; INVALID_ARGUMENT for one that is no http(s) address. */
export async function setReportAddress({ disk }: OpenProject, url: string): Promise<void> {
  disk.assertOpen();
  const address = url.trim();
  const problem = urlProblem(address);
  if (problem !== null) throw new FactmarkError('INVALID_ARGUMENT', `The report's web address was not saved: ${problem}`);
  if (address === disk.project.reportUrl) return;
  disk.changeProject((project) => ({ ...project, reportUrl: address }), disk.timestamp());
  await disk.flush();
}

/** The contract's `setReportAddress` on the project `open` gives (which throws when none is open): the project after the change. */
export function saveReportAddress(open: () => OpenProject, url: string): Promise<ProjectView> {
  return viewAfter(open, (project) => setReportAddress(project, url));
}
