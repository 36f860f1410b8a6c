/**
 * The questions about a project that the editor, the reports, the store and the command line all
 * ask: which rating scale is active, which level a verdict names, and how a verdict reads in words.
 * One answer each, so the card, the overview, the exports and the terminal never disagree.
 *
 * Only types come from the schemas here (and plain constants from ./vocabulary.ts), so the renderer
 * can import this file without loading the validation library.
 */
import type { Verdict } from './annotation.js';
import type { RatingLevel, RatingScale } from './rating-scale.js';
import { SPECIAL_LABELS } from './vocabulary.js';

/** What the verdict questions read of a project (a `StoredProject` is one): its rating scales. */
export interface ProjectScales {
  readonly ratingScales: readonly RatingScale[];
}

/** What {@link activeScale} reads of a project (a `StoredProject` is one): also which scale is active. */
export interface ProjectScaleChoice extends ProjectScales {
  readonly activeRatingScaleId: string | null;
}

/** A verdict level with the scale that holds it. */
export interface FoundLevel {
  level: RatingLevel;
  scale: RatingScale;
}

/** The project's active rating scale; null when none is chosen or the chosen id names no scale of the project. */
export function activeScale(project: ProjectScaleChoice): RatingScale | null {
  return project.ratingScales.find((scale) => scale.id === project.activeRatingScaleId) ?? null;
}

/**
 * The level a verdict names, looked up on every scale of the project (a claim may predate a change
 * of the active scale), with its scale; null when the verdict names no level or no scale has it.
 */
export function verdictLevel(verdict: Verdict, project: ProjectScales): FoundLevel | null {
  const { levelId } = verdict;
  if (levelId === null) return null;
  for (const scale of project.ratingScales) {
    const level = scale.levels.find((l) => l.id === levelId);
    if (level) return { level, scale };
  }
  return null;
}

/**
 * The verdict's name, as exports state it (a CSV cell, a ClaimReview rating): its special outcome
 * ("Unverifiable"), else the label of the level it names on whichever scale holds it ("False");
 * null when it names neither, or a level no scale of the project has.
 */
export function verdictName(verdict: Verdict, project: ProjectScales): string | null {
  if (verdict.special !== null) return SPECIAL_LABELS[verdict.special];
  return verdictLevel(verdict, project)?.level.label ?? null;
}

/** The words {@link verdictLabel} gives a level id that no scale of the project has (its scale or level was deleted, or it came from another project). */
export const UNKNOWN_LEVEL_LABEL = 'A level no longer on any scale';

/**
 * The verdict in words, always something a reader can take at face value: its special outcome,
 * the label of its level (on whichever scale holds it), {@link UNKNOWN_LEVEL_LABEL} for a level no
 * scale has, "Conclusion only" for a written conclusion without a level, or "No verdict yet".
 */
export function verdictLabel(verdict: Verdict, project: ProjectScales): string {
  const name = verdictName(verdict, project);
  if (name !== null) return name;
  if (verdict.levelId !== null) return UNKNOWN_LEVEL_LABEL;
  return verdict.conclusion.trim() === '' ? 'No verdict yet' : 'Conclusion only';
}
