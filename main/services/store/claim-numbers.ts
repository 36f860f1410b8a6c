/**
 * Claim short ids (C1, C2, …): stable names analysts cite in reports and conversations, so a
 * number belongs to one claim for the life of the project and is never given to another. The
 * project keeps the highest number ever issued (`lastClaimNumber`); this keeps, for the session,
 * which claim holds each number seen in a loaded or saved document (kept after a claim is deleted,
 * so undo can bring it back under its number).
 */
import type { Annotation } from '../../../shared/model/index.js';
import { FactmarkError } from '../../../shared/result.js';

/** The number of a short id (`C12` → 12). */
export function claimNumber(shortId: string): number {
  return Number(shortId.slice(1));
}

/** Which claim holds each short id seen in this session. */
export class ClaimNumbers {
  private readonly holders = new Map<string, string>();

  /**
   * Records the claims of a document as read from disk (what is stored is accepted as it is; the
   * first holder of a repeated number keeps it). Returns the highest number among them, or 0.
   */
  register(annotations: readonly Annotation[]): number {
    let highest = 0;
    for (const annotation of annotations) {
      if (annotation.kind !== 'claim') continue;
      if (!this.holders.has(annotation.shortId)) this.holders.set(annotation.shortId, annotation.id);
      highest = Math.max(highest, claimNumber(annotation.shortId));
    }
    return highest;
  }

  /**
   * Checks the claims of an edited document and records them; returns the highest number among
   * them. Refuses (`CLAIM_NUMBER_TAKEN`, naming the next free number) a number held by another claim, given twice in the list,
   * or at most `lastClaimNumber` without being known as this claim's (a number issued before,
   * perhaps to a claim in a document not read in this session).
   */
  accept(title: string, annotations: readonly Annotation[], lastClaimNumber: number): number {
    const inList = new Map<string, string>();
    for (const annotation of annotations) {
      if (annotation.kind !== 'claim') continue;
      const { shortId, id } = annotation;
      const holder = this.holders.get(shortId) ?? inList.get(shortId);
      const reused = holder === undefined ? claimNumber(shortId) <= lastClaimNumber : holder !== id;
      if (reused) {
        const next = `C${Math.max(lastClaimNumber, ...[...inList.keys()].map(claimNumber), ...annotations.map((a) => (a.kind === 'claim' ? claimNumber(a.shortId) : 0))) + 1}`;
        throw new FactmarkError(
          'CLAIM_NUMBER_TAKEN',
          `The annotations of "${title}" were not saved: claim number ${shortId} already belongs to another claim in this project, and numbers are never reused. The next free number is ${next}.`,
          { claimNumber: { taken: shortId, next } },
        );
      }
      inList.set(shortId, id);
    }
    for (const [shortId, id] of inList) this.holders.set(shortId, id);
    return Math.max(0, ...[...inList.keys()].map(claimNumber));
  }
}
