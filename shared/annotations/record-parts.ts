/**
 * An annotation is two records that change by different commands. Its **marking** says which
 * words it covers and how they are marked: id, kind, anchor, tags, the claim's short id, the
 * orphan flag, the creation time. Marking is what the text's undo history covers. Its **check**
 * is what the analyst writes on its card: a claim's restatement, claimant, status, verdict (and when it was reached),
 * evidence and corrections, a note's body, a source mention's library source, and the time of
 * the last change. Undo never touches a check (renderer/editor/annotations/annotation-table.ts),
 * and a sync engine can merge both field by field.
 */
import type { Annotation, Claim, Note, SourceMention } from '../model/annotation.js';

/** The check fields of each kind of annotation, besides `updatedAt`, which every kind has. */
const CHECK_FIELDS = {
  claim: ['restatement', 'claimant', 'claimantKind', 'appearance', 'claimKind', 'worthChecking', 'status', 'verdict', 'verdictAt', 'analyst', 'evidence', 'corrections'],
  sourceMention: ['sourceId'],
  note: ['body'],
} as const satisfies { [K in Annotation['kind']]: readonly (keyof Extract<Annotation, { kind: K }>)[] };

type ClaimCheck = Pick<Claim, (typeof CHECK_FIELDS.claim)[number]>;
type MentionCheck = Pick<SourceMention, (typeof CHECK_FIELDS.sourceMention)[number]>;
type NoteCheck = Pick<Note, (typeof CHECK_FIELDS.note)[number]>;

/**
 * Check fields of an annotation, of any kind it has had: a claim turned into a note keeps its
 * claim fields here, so undoing the change of kind brings the claim back with its check.
 */
export type CheckFields = Partial<ClaimCheck & MentionCheck & NoteCheck> & { updatedAt?: string };

/** An annotation without its check fields. */
export type Marking = Omit<Claim, keyof ClaimCheck | 'updatedAt'> | Omit<SourceMention, keyof MentionCheck | 'updatedAt'> | Omit<Note, keyof NoteCheck | 'updatedAt'>;

/** The check fields of `annotation` (its kind's, and `updatedAt`). */
export function checkOf(annotation: Annotation): CheckFields {
  const fields: Record<string, unknown> = { updatedAt: annotation.updatedAt };
  for (const name of CHECK_FIELDS[annotation.kind]) fields[name] = (annotation as unknown as Record<string, unknown>)[name];
  return fields as CheckFields;
}

/** The marking of `annotation`: every field that is not a check field. */
export function markingOf(annotation: Annotation): Marking {
  const check = new Set<string>([...CHECK_FIELDS[annotation.kind], 'updatedAt']);
  return Object.fromEntries(Object.entries(annotation).filter(([name]) => !check.has(name))) as Marking;
}

/**
 * The annotation that `marking` and `check` make together: the marking's fields, and the check
 * fields of the marking's kind. `fallback` gives the fields `check` lacks (a new kind's defaults).
 */
export function joinParts(marking: Marking, check: CheckFields, fallback: Annotation): Annotation {
  const fields: Record<string, unknown> = { ...marking, updatedAt: check.updatedAt ?? fallback.updatedAt };
  const defaults = fallback as unknown as Record<string, unknown>;
  const known = check as Record<string, unknown>;
  for (const name of CHECK_FIELDS[marking.kind]) fields[name] = name in known ? known[name] : defaults[name];
  return fields as unknown as Annotation;
}

/** True when two markings are the same, field by field (anchors and tag lists by value). */
export function sameMarking(a: Marking, b: Marking): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const x = (a as Record<string, unknown>)[key];
    const y = (b as Record<string, unknown>)[key];
    if (x !== y && JSON.stringify(x) !== JSON.stringify(y)) return false;
  }
  return true;
}

/** The check fields of `next` that differ from `before`'s (by value), or null when none does. */
export function changedCheck(before: CheckFields | undefined, next: CheckFields): CheckFields | null {
  const changed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(next)) {
    const old = before ? (before as Record<string, unknown>)[name] : undefined;
    if (old !== value && JSON.stringify(old) !== JSON.stringify(value)) changed[name] = value;
  }
  return Object.keys(changed).length > 0 ? (changed as CheckFields) : null;
}
