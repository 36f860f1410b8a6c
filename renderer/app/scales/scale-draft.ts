/**
 * A rating scale being edited: its levels as typed (the numeric value as text), the changes the
 * editor makes (add, remove, move), the problems that stop it being saved, and the scale it makes.
 */
import { nextTagColour } from '../../../shared/codebook/palette.js';
import type { RatingLevel, RatingScale } from '../../../shared/model/rating-scale.js';

/** A level as the editor holds it: the numeric value as typed. */
export interface LevelDraft extends Omit<RatingLevel, 'value'> {
  value: string;
}

export interface ScaleDraft {
  id: string;
  name: string;
  conclusionOnly: boolean;
  levels: LevelDraft[];
}

/** The draft of an existing scale, or of a new empty one. */
export function scaleDraft(scale?: RatingScale): ScaleDraft {
  if (!scale) return { id: crypto.randomUUID(), name: '', conclusionOnly: false, levels: [] };
  return { ...scale, levels: scale.levels.map((l) => ({ ...l, value: l.value === null ? '' : String(l.value) })) };
}

/** A new level at the end, in the next colour of the palette. */
export function withNewLevel(draft: ScaleDraft): ScaleDraft {
  const level: LevelDraft = { id: crypto.randomUUID(), label: '', description: '', colour: nextTagColour(draft.levels), value: '' };
  return { ...draft, levels: [...draft.levels, level] };
}

/** The draft with the level at `index` moved one place up (-1) or down (1). */
export function withLevelMoved(draft: ScaleDraft, index: number, step: -1 | 1): ScaleDraft {
  const target = index + step;
  if (target < 0 || target >= draft.levels.length) return draft;
  const levels = [...draft.levels];
  [levels[index], levels[target]] = [levels[target]!, levels[index]!];
  return { ...draft, levels };
}

/** The value as a number, null when empty, undefined when it is not a number. */
function parsedValue(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  const value = Number(text.trim().replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

/** What stops the draft being saved: `name`, and `<level id>:label` / `<level id>:value` for its levels. */
export function scaleProblems(draft: ScaleDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  if (draft.name.trim() === '') problems.name = 'Give the scale a name.';
  if (draft.conclusionOnly) return problems;
  if (draft.levels.length === 0) problems.levels = 'Add at least one level, or make the scale conclusion only.';
  const seen = new Set<string>();
  for (const level of draft.levels) {
    const label = level.label.trim().toLocaleLowerCase();
    if (label === '') problems[`${level.id}:label`] = 'Give the level a label.';
    else if (seen.has(label)) problems[`${level.id}:label`] = `Another level is already called “${level.label.trim()}”.`;
    seen.add(label);
    if (parsedValue(level.value) === undefined) problems[`${level.id}:value`] = 'Write a number, such as 1 or 0.5, or leave it empty.';
  }
  return problems;
}

/** The scale a draft without problems makes (a conclusion-only scale keeps no levels). */
export function scaleOf(draft: ScaleDraft): RatingScale {
  return {
    id: draft.id,
    name: draft.name.trim(),
    conclusionOnly: draft.conclusionOnly,
    levels: draft.conclusionOnly ? [] : draft.levels.map((l) => ({ ...l, label: l.label.trim(), value: parsedValue(l.value) ?? null })),
  };
}
