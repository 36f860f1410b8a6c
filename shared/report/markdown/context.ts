/**
 * What every section of the Markdown report looks up: the claims chosen by the options (in
 * document and text order), the active rating scale, tags, sources and document titles by id, the short numbers
 * (S1, S2, …) of the sources in the order the claims first cite them, and the text as imported of
 * each document whose claims may sit on changed words.
 */
import type { Claim } from '../../model/annotation.js';
import type { StoredDocument } from '../../model/document.js';
import { activeScale } from '../../model/queries.js';
import type { RatingScale } from '../../model/rating-scale.js';
import type { Source } from '../../model/source.js';
import type { Tag } from '../../model/tag.js';
import type { ReportInput, ReportOptions } from '../input.js';
import { reportedNotes, type ReportedNote } from '../select.js';
import { importedText, type ImportedText } from './imported-text.js';

/** A claim with the document it is in. */
export interface ReportedClaim {
  claim: Claim;
  document: StoredDocument;
}

export interface ReportContext {
  input: ReportInput;
  options: ReportOptions;
  /** The claims the options select, by document (input order) then position in the text. */
  claims: readonly ReportedClaim[];
  /** Ids of those claims: the ones marked in the annotated text. */
  claimIds: ReadonlySet<string>;
  /** The project's active rating scale, if one is chosen. */
  scale: RatingScale | null;
  tags: ReadonlyMap<string, Tag>;
  sources: ReadonlyMap<string, Source>;
  /** The titles of every document of the project by id (evidence may point at a document the report leaves out). */
  documentTitles: ReadonlyMap<string, string>;
  /** Report numbers of the cited sources ("S1", …), in order of first citation. */
  sourceNumbers: ReadonlyMap<string, string>;
  /** The reported notes of each document, in text order (empty when the options leave notes out; see select.ts). */
  notes: ReadonlyMap<string, readonly ReportedNote[]>;
  /**
   * The text as imported of each document that has revisions and reported claims, by document id
   * (null when its revisions do not fit its text): rebuilt once per document, not once per claim.
   */
  originals: ReadonlyMap<string, ImportedText | null>;
}

/** Whether the options select `claim`: its status is chosen and it carries a chosen tag (empty lists choose all). */
function selected(claim: Claim, options: ReportOptions): boolean {
  if (options.statuses.length > 0 && !options.statuses.includes(claim.status)) return false;
  return options.tagIds.length === 0 || claim.tagIds.some((id) => options.tagIds.includes(id));
}

/** Builds the lookups once, so every section works in time proportional to what it writes. */
export function reportContext(input: ReportInput, options: ReportOptions): ReportContext {
  const { project } = input;
  const claims: ReportedClaim[] = [];
  const notes = new Map<string, readonly ReportedNote[]>();
  const originals = new Map<string, ImportedText | null>();
  for (const document of input.documents) {
    const own: ReportedClaim[] = [];
    for (const annotation of document.annotations) {
      if (annotation.kind === 'claim' && selected(annotation, options)) own.push({ claim: annotation, document });
    }
    own.sort((a, b) => a.claim.anchor.position.start - b.claim.anchor.position.start || a.claim.anchor.position.end - b.claim.anchor.position.end);
    claims.push(...own);
    notes.set(document.id, reportedNotes(document, options, own.map((c) => c.claim)));
    if (document.revisions.length > 0 && own.length > 0) originals.set(document.id, importedText(document));
  }
  const sourceNumbers = new Map<string, string>();
  for (const { claim } of claims) {
    for (const item of claim.evidence) if (!sourceNumbers.has(item.sourceId)) sourceNumbers.set(item.sourceId, `S${sourceNumbers.size + 1}`);
  }
  return {
    input,
    options,
    claims,
    claimIds: new Set(claims.map((c) => c.claim.id)),
    scale: activeScale(project),
    tags: new Map(project.tags.map((t) => [t.id, t])),
    sources: new Map(project.sources.map((s) => [s.id, s])),
    documentTitles: new Map(project.documents.map((d) => [d.id, d.title])),
    sourceNumbers,
    notes,
    originals,
  };
}
