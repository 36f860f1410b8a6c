/** The rating scales' use cases and handlers (main/services/store/use-cases/rating-scales.ts) against a project on disk. */
import { describe, expect, it } from 'vitest';
import { RatingScale } from '../../../shared/model/index.js';
import { deleteRatingScale, ratingScaleHandlers, saveRatingScale, setActiveRatingScale } from '../../../main/services/store/use-cases/rating-scales.js';
import { checkProject } from './check-project.js';
import { expectCode } from './helpers.js';
import { newProject, savedFiles } from './use-case-support.js';

describe('rating scale use cases', () => {
  it('saves, chooses and deletes a scale, and the project file says so', async () => {
    const store = await newProject();
    const scale = RatingScale.parse({ id: 'simple', name: 'Simple', levels: [{ id: 'yes', label: 'Yes', colour: '#2e7d32' }] });
    await saveRatingScale(store, scale);
    await setActiveRatingScale(store, 'simple');
    expect((await savedFiles(store)).project.activeRatingScaleId).toBe('simple');
    await deleteRatingScale(store, 'simple');
    const { project } = await savedFiles(store);
    expect(project.ratingScales.some((s) => s.id === 'simple')).toBe(false);
    expect(project.activeRatingScaleId).toBe(project.ratingScales[0]!.id);
  });

  it('refuses to delete the scale of a verdict, and the contract call answers with the project', async () => {
    const { store } = await checkProject();
    const active = store.project.activeRatingScaleId!;
    await expectCode(deleteRatingScale(store, active), 'IN_USE');
    const other = store.project.ratingScales.find((s) => s.id !== active)!;
    const view = await ratingScaleHandlers(() => store).setActiveRatingScale(other.id);
    expect(view.project.activeRatingScaleId).toBe(other.id);
    expect((await savedFiles(store)).project.activeRatingScaleId).toBe(other.id);
  });
});
