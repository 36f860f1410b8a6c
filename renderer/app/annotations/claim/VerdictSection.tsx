/**
 * The verdict: one level of the project's active rating scale (in the scale's order, each with its
 * colour beside its name and its description), or a special outcome every scale has, or none yet;
 * and the written conclusion (Markdown), which a "conclusion only" scale relies on alone.
 */
import type { Claim, Verdict } from '../../../../shared/model/annotation.js';
import { SPECIAL_OUTCOMES } from '../../../../shared/model/vocabulary.js';
import type { RatingScale, SpecialOutcome } from '../../../../shared/model/rating-scale.js';
import { SPECIAL_LABELS } from '../../../editor/annotations/appearance.js';
import { DraftField, FieldProblems } from './DraftField.js';
import type { ClaimCommit } from './use-claim-commit.js';

export interface VerdictSectionProps {
  claim: Claim;
  scale: RatingScale | null;
  commit: ClaimCommit;
}

/** The radio value of a verdict: `level:<id>`, `special:<outcome>` or `none`. */
function choiceOf(verdict: Verdict): string {
  if (verdict.special) return `special:${verdict.special}`;
  return verdict.levelId ? `level:${verdict.levelId}` : 'none';
}

export function VerdictSection({ claim, scale, commit }: VerdictSectionProps) {
  const chosen = choiceOf(claim.verdict);
  const name = `verdict-${claim.id}`;
  const choose = (value: string) => {
    const [type, id] = value.split(':') as [string, string | undefined];
    const verdict: Verdict = { ...claim.verdict, levelId: type === 'level' ? id! : null, special: type === 'special' ? (id as SpecialOutcome) : null };
    commit.attempt('verdict', { ...claim, verdict });
  };
  const radio = (value: string, label: string, options: { colour?: string; description?: string } = {}) => (
    <label key={value} class="verdict-choice" title={options.description || undefined}>
      <input type="radio" name={name} value={value} checked={chosen === value} onChange={() => choose(value)} />
      {options.colour && <span class="level-swatch" style={{ background: options.colour }} aria-hidden="true" />}
      <span>{label}</span>
    </label>
  );
  const level = scale?.levels.find((l) => l.id === claim.verdict.levelId);
  const offScale = claim.verdict.levelId !== null && !level;
  return (
    <fieldset class="claim-section verdict-section">
      <legend>Verdict</legend>
      <p class="claim-hint">
        {!scale && 'No rating scale is chosen for the project: use a special outcome or the conclusion.'}
        {scale && scale.levels.length === 0 && `“${scale.name}” has no levels: the conclusion is the verdict.`}
        {scale && scale.levels.length > 0 && `On the scale “${scale.name}”.`}
      </p>
      <div class="verdict-levels">
        {scale?.levels.map((l) => radio(`level:${l.id}`, l.label, { colour: l.colour, description: l.description }))}
        {offScale && radio(chosen, 'A level of another scale', { description: 'Choose a level of the active scale.' })}
      </div>
      {level?.description && <p class="claim-hint level-description">{level.description}</p>}
      <div class="verdict-specials" role="group" aria-label="Other outcomes">
        {SPECIAL_OUTCOMES.map((outcome) => radio(`special:${outcome}`, SPECIAL_LABELS[outcome] ?? outcome))}
        {radio('none', 'No verdict yet')}
      </div>
      <FieldProblems messages={commit.messages('verdict')} />
      <DraftField
        key={`${claim.id}-conclusion-${commit.revision}`}
        label="Conclusion"
        kind="textarea"
        rows={4}
        hint="Markdown. What the evidence shows, in a sentence or two a reader can follow."
        value={claim.verdict.conclusion}
        messages={commit.messages('conclusion')}
        onCommit={(conclusion, how) => commit.attempt('conclusion', { ...claim, verdict: { ...claim.verdict, conclusion } }, { keepsDraft: true, how })}
        class="conclusion-field"
      />
    </fieldset>
  );
}
