/**
 * The rating scales' use cases and contract calls: saving, choosing and deleting a scale, each
 * refused (`IN_USE`) while a verdict uses a level it would drop. The rules of a scale are
 * ../rating-scales.ts.
 */
import type { RatingScale } from '../../../../shared/model/index.js';
import { FactmarkError } from '../../../../shared/result.js';
import type { Handlers } from '../../../ipc/dispatch.js';
import { viewAfter, type OpenProject } from '../open-project.js';
import * as scales from '../rating-scales.js';
import { describeUses, verdictUsesByDocument } from '../usage.js';

/** Adds or replaces a rating scale; refused (`IN_USE`) when it drops a level a verdict uses. */
export async function saveRatingScale({ disk }: OpenProject, scale: RatingScale): Promise<void> {
  disk.assertOpen();
  const dropped = scales.removedLevelIds(disk.project.ratingScales, scale);
  if (dropped.size > 0) {
    const uses = verdictUsesByDocument(dropped, await disk.allDocumentData(`The rating scale “${scale.name}” was not saved`));
    if (uses.length > 0) {
      throw new FactmarkError('IN_USE', `The rating scale “${scale.name}” was not saved: a level it drops is the verdict of claims in ${describeUses(uses)}. Change those verdicts first.`);
    }
  }
  disk.changeProject((project) => ({ ...project, ratingScales: scales.saveScale(project.ratingScales, scale) }), disk.timestamp());
  await disk.flush();
}

/** Makes `id` the project's rating scale. */
export async function setActiveRatingScale({ disk }: OpenProject, id: string): Promise<void> {
  disk.assertOpen();
  scales.scaleOf(disk.project.ratingScales, id);
  disk.changeProject((project) => ({ ...project, activeRatingScaleId: id }), disk.timestamp());
  await disk.flush();
}

/**
 * Deletes a rating scale; refused (`IN_USE`) while a verdict uses one of its levels, and for the
 * last scale. Deleting the active scale makes the first remaining one active.
 */
export async function deleteRatingScale({ disk }: OpenProject, id: string): Promise<void> {
  disk.assertOpen();
  const scale = scales.scaleOf(disk.project.ratingScales, id);
  scales.deleteScale(disk.project.ratingScales, id);
  const levels = new Set(scale.levels.map((level) => level.id));
  const uses = levels.size === 0 ? [] : verdictUsesByDocument(levels, await disk.allDocumentData(`The rating scale “${scale.name}” was not deleted`));
  if (uses.length > 0) {
    throw new FactmarkError('IN_USE', `The rating scale “${scale.name}” was not deleted: its levels are the verdicts of claims in ${describeUses(uses)}. Change those verdicts first.`);
  }
  disk.changeProject((project) => {
    const ratingScales = scales.deleteScale(project.ratingScales, id);
    return { ...project, ratingScales, activeRatingScaleId: project.activeRatingScaleId === id ? ratingScales[0]!.id : project.activeRatingScaleId };
  }, disk.timestamp());
  await disk.flush();
}

type ScaleCalls = 'saveRatingScale' | 'setActiveRatingScale' | 'deleteRatingScale';

/** The rating scales' contract calls on the project `open` gives (which throws when none is open). */
export function ratingScaleHandlers(open: () => OpenProject): Pick<Handlers, ScaleCalls> {
  return {
    saveRatingScale: (scale) => viewAfter(open, (project) => saveRatingScale(project, scale)),
    setActiveRatingScale: (id) => viewAfter(open, (project) => setActiveRatingScale(project, id)),
    deleteRatingScale: (id) => viewAfter(open, (project) => deleteRatingScale(project, id)),
  };
}
