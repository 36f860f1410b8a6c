/**
 * How the claim card saves a change: the claim rules run first, and a change that breaks one is
 * not saved — its messages show beside the field it came from. A change of a done claim's verdict
 * or conclusion is a correction: it waits for the analyst's reason, then is saved with a log entry
 * (cancelling keeps the old verdict); a pause in typing such a change saves nothing and says why,
 * and the reason is asked for when the analyst leaves the field. A claim with no analyst is saved
 * with the name remembered on this machine, and a changed verdict with the time it was reached. A
 * save is a change of the claim's check (session.update), which no text undo takes back.
 */
import { useEffect, useState } from 'preact/hooks';
import { claimProblems } from '../../../../shared/check/claim-rules.js';
import { needsCorrection, withCorrection, withVerdictDate } from '../../../../shared/check/corrections.js';
import { today } from '../../../../shared/check/fields.js';
import type { Claim } from '../../../../shared/model/annotation.js';
import type { RatingScale } from '../../../../shared/model/rating-scale.js';
import type { AnnotationSession } from '../../../editor/annotations/annotation-session.js';
import { rememberAnalyst, rememberedAnalyst } from '../../../analyst-memory.js';
import type { DraftSave } from './DraftField.js';
import { saveDrafts } from '../../pending-drafts.js';

/** Why a pause in typing did not save a change of a done verdict. */
const CORRECTION_WAITS = 'This changes the verdict of a done claim, which is a correction: leave the field to give its reason.';

/** Messages of a refused change, by the field it came from; `keepsDraft` fields still show what was typed. */
type Refusals = Record<string, { messages: string[]; keepsDraft: boolean }>;

export interface ClaimCommit {
  /**
   * Saves `next` as a change of `field` (a name such as `appearance.url`), unless it breaks a rule
   * (then false, with messages beside the field) or corrects a done verdict (then the reason dialog
   * opens). `keepsDraft`: the field keeps the refused text on screen for the analyst to fix.
   */
  attempt(field: string, next: Claim, options?: { keepsDraft?: boolean; how?: DraftSave }): boolean;
  /** The messages beside `field` from its last refused change. */
  messages(field: string): readonly string[];
  /** Changes when drafts must be thrown away (a correction was cancelled). */
  revision: number;
  /** The change waiting for a correction's reason, if any. */
  pendingCorrection: Claim | null;
  confirmCorrection(reason: string): void;
  cancelCorrection(): void;
}

export function useClaimCommit(session: AnnotationSession, claim: Claim, scale: RatingScale | null): ClaimCommit {
  const [refusals, setRefusals] = useState<Refusals>({});
  const [pendingCorrection, setPendingCorrection] = useState<Claim | null>(null);
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    setRefusals({});
    setPendingCorrection(null);
  }, [claim.id]);

  const attempt: ClaimCommit['attempt'] = (field, next, { keepsDraft = false, how = 'leave' } = {}) => {
    // A choice made while a field is still being typed: the typing is saved first, as leaving it would.
    if (!keepsDraft) saveDrafts();
    const remembered = rememberedAnalyst();
    const signed = field !== 'analyst' && next.analyst === '' && remembered ? { ...next, analyst: remembered } : next;
    const problems = claimProblems(signed, { scale, today: today() });
    if (problems.length > 0) {
      setRefusals((old) => ({ ...old, [field]: { messages: problems.map((p) => p.message), keepsDraft } }));
      return false;
    }
    // A saved change settles its own field and the refusals of choices (which went back on screen).
    setRefusals((old) => Object.fromEntries(Object.entries(old).filter(([key, refusal]) => key !== field && refusal.keepsDraft)));
    if (needsCorrection(claim, signed)) {
      if (how === 'pause') {
        setRefusals((old) => ({ ...old, [field]: { messages: [CORRECTION_WAITS], keepsDraft: true } }));
        return false;
      }
      setPendingCorrection(signed);
      return false;
    }
    if (field === 'analyst') rememberAnalyst(signed.analyst);
    return session.update(withVerdictDate(claim, signed, new Date().toISOString()), claim);
  };

  return {
    attempt,
    messages: (field) => refusals[field]?.messages ?? [],
    revision,
    pendingCorrection,
    confirmCorrection: (reason) => {
      const at = new Date().toISOString();
      if (pendingCorrection) session.update(withVerdictDate(claim, withCorrection(claim, pendingCorrection, reason, at, rememberedAnalyst()), at), claim);
      setPendingCorrection(null);
    },
    cancelCorrection: () => {
      setPendingCorrection(null);
      setRevision((n) => n + 1);
    },
  };
}
