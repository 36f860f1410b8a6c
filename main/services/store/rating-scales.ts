/**
 * The rules of a project's rating scales, on plain data: what a scale may hold, which scale is
 * active, and that the project always keeps one. Each function takes the current scales and returns
 * the new list (never mutating it), or throws a FactmarkError whose message the analyst reads as is.
 * Refusing to drop levels that verdicts use needs the documents: the store checks that
 * ({@link removedLevelIds} says which levels a change drops).
 */
import * as z from 'zod';
import presets from '../../../assets/rating-scales.json';
import { comparisonKey } from '../../../shared/check/compare.js';
import { Colour, RatingScale } from '../../../shared/model/index.js';
import { FactmarkError } from '../../../shared/result.js';

/** The most scales a project holds, as the project file allows. */
export const MAX_SCALES = 100;
/** The most levels a scale holds, as the project file allows. */
export const MAX_LEVELS = 100;

/** The preset scales every new (or migrated) project starts with: truth scale, AFP/Meta labels, conclusion only. */
export const PRESET_SCALES: readonly RatingScale[] = z.array(RatingScale).parse(presets);

/** The preset a new project uses: the six-level truth scale. */
export const DEFAULT_SCALE_ID = 'truth';

/**
 * `scale` checked and tidied (names and labels trimmed, colours in lower case): at most
 * {@link MAX_LEVELS} levels, each with a `#rrggbb` colour, ids and labels unique within the
 * scale, level ids no other scale of the project uses (a verdict names its level by id alone), no
 * levels on a conclusion-only scale, a name no other scale has.
 */
function checkedScale(scales: readonly RatingScale[], scale: RatingScale): RatingScale {
  const name = scale.name.trim();
  if (name === '') throw new FactmarkError('INVALID_ARGUMENT', 'A rating scale needs a name.');
  const others = scales.filter((s) => s.id !== scale.id);
  const clash = others.find((s) => comparisonKey(s.name) === comparisonKey(name));
  if (clash) throw new FactmarkError('ALREADY_EXISTS', `A rating scale named “${clash.name}” already exists. Choose another name.`);
  if (scale.conclusionOnly && scale.levels.length > 0) throw new FactmarkError('INVALID_ARGUMENT', `“${name}” is a conclusion-only scale, so it has no levels: remove them, or make it a scale with levels.`);
  if (!scale.conclusionOnly && scale.levels.length === 0) throw new FactmarkError('INVALID_ARGUMENT', `“${name}” needs at least one level (or make it a conclusion-only scale).`);
  if (scale.levels.length > MAX_LEVELS) throw new FactmarkError('INVALID_ARGUMENT', `“${name}” has ${scale.levels.length} levels; a scale has at most ${MAX_LEVELS}.`);
  const ids = new Set<string>();
  const labels = new Set<string>();
  const elsewhere = new Map(others.flatMap((s) => s.levels.map((level) => [level.id, s.name] as const)));
  const levels = scale.levels.map((level) => {
    const label = level.label.trim();
    if (label === '') throw new FactmarkError('INVALID_ARGUMENT', `Every level of “${name}” needs a label.`);
    if (labels.has(comparisonKey(label))) throw new FactmarkError('INVALID_ARGUMENT', `“${name}” has two levels labelled “${label}”: each level needs its own label.`);
    if (ids.has(level.id)) throw new FactmarkError('INVALID_ARGUMENT', `“${name}” lists the level ${level.id} twice.`);
    if (!Colour.safeParse(level.colour).success) throw new FactmarkError('INVALID_ARGUMENT', `The colour of “${label}” is not one Factmark understands; write it as #rrggbb.`);
    const owner = elsewhere.get(level.id);
    if (owner !== undefined) throw new FactmarkError('INVALID_ARGUMENT', `The level “${label}” has the id of a level of “${owner}”: give it its own id.`);
    labels.add(comparisonKey(label));
    ids.add(level.id);
    return { ...level, label, description: level.description.trim(), colour: level.colour.toLowerCase() };
  });
  return { ...scale, name, levels };
}

/** The scales with `scale` added, or in place of the scale with its id. */
export function saveScale(scales: readonly RatingScale[], scale: RatingScale): RatingScale[] {
  const checked = checkedScale(scales, scale);
  if (scales.some((s) => s.id === scale.id)) return scales.map((s) => (s.id === scale.id ? checked : s));
  if (scales.length >= MAX_SCALES) throw new FactmarkError('INVALID_ARGUMENT', `A project holds at most ${MAX_SCALES} rating scales.`);
  return [...scales, checked];
}

/** The level ids of the scale with `scale`'s id that `scale` no longer has (none for a new scale). */
export function removedLevelIds(scales: readonly RatingScale[], scale: RatingScale): Set<string> {
  const kept = new Set(scale.levels.map((level) => level.id));
  const before = scales.find((s) => s.id === scale.id)?.levels ?? [];
  return new Set(before.map((level) => level.id).filter((id) => !kept.has(id)));
}

/** The scales without `id`; the last scale is never deleted. */
export function deleteScale(scales: readonly RatingScale[], id: string): RatingScale[] {
  const scale = scaleOf(scales, id);
  if (scales.length === 1) throw new FactmarkError('INVALID_ARGUMENT', `“${scale.name}” is the project's only rating scale, so it cannot be deleted. Add another scale first.`);
  return scales.filter((s) => s.id !== id);
}

/** The scale `id`; `NOT_FOUND` with a message that says what probably happened. */
export function scaleOf(scales: readonly RatingScale[], id: string): RatingScale {
  const scale = scales.find((s) => s.id === id);
  if (!scale) throw new FactmarkError('NOT_FOUND', 'That rating scale is no longer in the project (it may have been deleted). Reload the project to see its scales.');
  return scale;
}
