/** What the claim and source-mention cards need from the project around the open document. */
import type { ProjectView } from '../../../../shared/contract.js';
import type { Claim } from '../../../../shared/model/annotation.js';
import type { StoredProject } from '../../../../shared/model/project.js';

export interface CheckContext {
  project: StoredProject;
  /** The open document (evidence spans come from the others). */
  documentId: string;
  /** The open document's claims as they are now, unsaved edits included (claimant suggestions). */
  documentClaims: readonly Claim[];
  /** Shows the project as main returned it after a change made from a card (a new source). */
  onProjectView: (view: ProjectView) => void;
}

/** The project's active rating scale (re-exported for the claim card, which imports it from here). */
export { activeScale } from '../../../../shared/model/queries.js';
