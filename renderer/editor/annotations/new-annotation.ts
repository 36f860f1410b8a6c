/**
 * New annotations as the editor creates them: every field at its default, the anchor a first
 * draft (the selected words) that the next save refreshes with context and offsets.
 *
 * The defaults mirror the zod schemas in shared/model/annotation.ts, which the renderer does not
 * bundle (zod stays in main); a unit test parses what this builds to keep the two in step.
 */
import type { Annotation, AnnotationKind, Claim, Note, SourceMention } from '../../../shared/model/annotation.js';
import type { Anchor } from '../../../shared/model/selectors.js';

/** What a new annotation needs besides its kind. */
export interface NewAnnotationInput {
  id: string;
  /** The words it covers, as plain text. */
  exact: string;
  /** ISO timestamp of creation. */
  now: string;
  /** The claim's short id (`C7`), required for a claim. */
  shortId?: string;
}

function draftAnchor(exact: string): Anchor {
  return { quote: { exact, prefix: '', suffix: '' }, position: { start: 0, end: 0 } };
}

/** An annotation of `kind` with default details. */
export function newAnnotation(kind: AnnotationKind, input: NewAnnotationInput): Annotation {
  const base = { id: input.id, anchor: draftAnchor(input.exact), tagIds: [], orphaned: false, createdAt: input.now, updatedAt: input.now };
  if (kind === 'claim') return newClaim(base, input.shortId);
  if (kind === 'sourceMention') return { ...base, kind, sourceId: null } satisfies SourceMention;
  return { ...base, kind, body: '' } satisfies Note;
}

function newClaim(base: Omit<Claim, 'kind' | 'shortId' | keyof ClaimDetails>, shortId: string | undefined): Claim {
  if (!shortId) throw new Error('A new claim needs a short id.');
  return { ...base, kind: 'claim', shortId, ...claimDefaults() };
}

type ClaimDetails = Omit<Claim, 'id' | 'anchor' | 'tagIds' | 'orphaned' | 'createdAt' | 'updatedAt' | 'kind' | 'shortId'>;

function claimDefaults(): ClaimDetails {
  return {
    restatement: '',
    claimant: '',
    claimantKind: 'person',
    appearance: { url: '', date: null },
    claimKind: 'other',
    worthChecking: '',
    status: 'new',
    verdict: { levelId: null, special: null, conclusion: '' },
    verdictAt: null,
    analyst: '',
    evidence: [],
    corrections: [],
  };
}

/**
 * The same annotation as another kind, keeping what the kinds share (anchor, tags, times), with
 * the new kind's defaults; the command that changes kinds puts back the check its id last had in
 * that kind (./annotation-table.ts `withKeptCheck`).
 */
export function withKind(annotation: Annotation, kind: AnnotationKind, now: string, shortId?: string): Annotation {
  if (annotation.kind === kind) return annotation;
  const { id, anchor, tagIds, orphaned, createdAt } = annotation;
  const shared = { id, anchor, tagIds, orphaned, createdAt, updatedAt: now };
  if (kind === 'claim') return newClaim(shared, shortId);
  if (kind === 'sourceMention') return { ...shared, kind, sourceId: null };
  return { ...shared, kind, body: '' };
}
