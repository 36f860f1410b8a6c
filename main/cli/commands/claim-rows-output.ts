/** How `claim add` and `claims import` report what became of each claim, as text or as JSON. */
import { FactmarkError } from '../../../shared/result.js';
import type { ClaimsAdded } from '../../services/claims/claims.js';
import type { CliIo } from '../command.js';

/** Prints the outcomes (one line each, or one JSON object) and fails the command when any row was not added. */
export function reportOutcomes(io: CliIo, project: string, { documentId, documentTitle, outcomes }: ClaimsAdded, json: boolean, rowWord: string): void {
  const context = { project, document: documentTitle, documentId };
  if (json) io.out(`${JSON.stringify({ ...context, outcomes })}\n`);
  else {
    for (const o of outcomes) {
      const where = rowWord === '' ? '' : `${rowWord} ${o.row}: `;
      if (!o.added) io.out(`${where}not added: ${o.problem}\n`);
      else {
        const how = o.placed === 'exact' ? 'on the exact words' : 'matched approximately, on the words';
        const sources = o.sourcesAdded > 0 ? ` (${o.sourcesAdded} new source${o.sourcesAdded === 1 ? '' : 's'} in the library, reliability F until graded)` : '';
        io.out(`${where}added ${o.shortId} to “${context.document}” ${how} “${o.words}”${sources}\n`);
      }
    }
  }
  const refused = outcomes.filter((o) => !o.added).length;
  if (refused > 0) throw new FactmarkError('INVALID_ARGUMENT', `${refused} of ${outcomes.length} claim${outcomes.length === 1 ? ' was' : 's were'} not added.`);
}
