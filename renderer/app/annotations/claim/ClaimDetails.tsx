/**
 * What the claim is: the neutral restatement, who made it (with the project's claimants as
 * suggestions) and whether that is a person or an organisation (ClaimReview's Person or
 * Organization), why it is worth checking, and where and when it appeared (checked: http(s)
 * address, a real date not in the future).
 */
import { useId } from 'preact/hooks';
import { today } from '../../../../shared/check/fields.js';
import type { Claim } from '../../../../shared/model/annotation.js';
import { DraftField } from './DraftField.js';
import type { ClaimCommit } from './use-claim-commit.js';

export interface ClaimDetailsProps {
  claim: Claim;
  commit: ClaimCommit;
  claimants: readonly string[];
  /** The first field, which takes the keyboard when a claim is made. */
  firstField: { current: HTMLTextAreaElement | HTMLInputElement | null };
}

export function ClaimDetails({ claim, commit, claimants, firstField }: ClaimDetailsProps) {
  const listId = useId();
  const key = (field: string) => `${claim.id}-${field}-${commit.revision}`;
  const change = (field: string, patch: Partial<Claim>, keepsDraft = true) => commit.attempt(field, { ...claim, ...patch }, { keepsDraft });
  const appearance = (patch: Partial<Claim['appearance']>) => ({ appearance: { ...claim.appearance, ...patch } });
  return (
    <>
      <fieldset class="claim-section">
        <legend>The claim</legend>
        <DraftField key={key('restatement')} label="What is checked" kind="textarea" rows={2} placeholder="The claim in neutral words" value={claim.restatement} inputRef={firstField} messages={commit.messages('restatement')} onCommit={(restatement) => change('restatement', { restatement })} />
        <DraftField key={key('claimant')} label="Claimant" list={listId} placeholder="Who made the claim" value={claim.claimant} messages={commit.messages('claimant')} onCommit={(claimant) => change('claimant', { claimant: claimant.trim() })} />
        <div class="field claim-field">
          <label for={`claimant-kind-${claim.id}`}>Person or organisation</label>
          <select id={`claimant-kind-${claim.id}`} value={claim.claimantKind} onChange={(e) => change('claimantKind', { claimantKind: e.currentTarget.value as Claim['claimantKind'] }, false)}>
            <option value="person">A person</option>
            <option value="organization">An organisation</option>
          </select>
        </div>
        <datalist id={listId}>
          {claimants.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <DraftField key={key('worthChecking')} label="Why it is worth checking" kind="textarea" rows={2} value={claim.worthChecking} messages={commit.messages('worthChecking')} onCommit={(worthChecking) => change('worthChecking', { worthChecking })} />
      </fieldset>
      <fieldset class="claim-section">
        <legend>Where and when it appeared</legend>
        <DraftField key={key('appearance.url')} label="Web address" kind="url" placeholder="https://" value={claim.appearance.url} messages={commit.messages('appearance.url')} onCommit={(url) => change('appearance.url', appearance({ url: url.trim() }))} />
        <DraftField key={key('appearance.date')} label="Date" kind="date" max={today()} value={claim.appearance.date ?? ''} messages={commit.messages('appearance.date')} onCommit={(date) => change('appearance.date', appearance({ date: date.trim() || null }))} />
      </fieldset>
    </>
  );
}
