/**
 * Where a project's sources and rating-scale levels are used, over documents read by the store:
 * for the source library's usage view, and for refusing to delete what is still cited, saying where.
 */
import { citedSourceIds } from '../../../shared/check/source-merge.js';
import type { SourceUse } from '../../../shared/contract.js';
import type { Annotation, StoredDocument } from '../../../shared/model/index.js';

/** How a use of a source reads in a list: "Claim C3 (evidence)", "Source mention “a UN representative”". */
function useLabel(annotation: Annotation): string {
  if (annotation.kind === 'claim') return `Claim ${annotation.shortId} (evidence)`;
  return `Source mention “${annotation.anchor.quote.exact.slice(0, 80)}”`;
}

/** Every place each of `sourceIds` is cited in `documents` (every id listed, unused ones with none). */
export function sourceUses(sourceIds: readonly string[], documents: readonly StoredDocument[]): Record<string, SourceUse[]> {
  const uses: Record<string, SourceUse[]> = Object.fromEntries(sourceIds.map((id) => [id, []]));
  for (const document of documents) {
    for (const annotation of document.annotations) {
      for (const sourceId of new Set(citedSourceIds(annotation))) {
        uses[sourceId]?.push({ documentId: document.id, documentTitle: document.title, annotationId: annotation.id, label: useLabel(annotation) });
      }
    }
  }
  return uses;
}

/** What in one document uses something: its title, and the claims' short ids or "2 source mentions". */
export interface UsesInDocument {
  documentTitle: string;
  items: string[];
}

/** The documents that cite source `sourceId`, each with the claims (short ids) and source mentions that do. */
export function sourceUsesByDocument(sourceId: string, documents: readonly StoredDocument[]): UsesInDocument[] {
  return usesByDocument(documents, (annotation) => citedSourceIds(annotation).includes(sourceId));
}

/** The documents with a claim whose verdict is one of `levelIds`, each with those claims' short ids. */
export function verdictUsesByDocument(levelIds: ReadonlySet<string>, documents: readonly StoredDocument[]): UsesInDocument[] {
  return usesByDocument(documents, (a) => a.kind === 'claim' && a.verdict.levelId !== null && levelIds.has(a.verdict.levelId));
}

function usesByDocument(documents: readonly StoredDocument[], uses: (annotation: Annotation) => boolean): UsesInDocument[] {
  return documents
    .map((document) => {
      const using = document.annotations.filter(uses);
      const claims = using.flatMap((a) => (a.kind === 'claim' ? [a.shortId] : []));
      const mentions = using.length - claims.length;
      return { documentTitle: document.title, items: [...claims, ...(mentions === 0 ? [] : [mentions === 1 ? 'a source mention' : `${mentions} source mentions`])] };
    })
    .filter((entry) => entry.items.length > 0);
}

/** Where something is used, in words: `“Speech” (C1, C3, a source mention); “Interview” (C7)`. */
export function describeUses(uses: readonly UsesInDocument[]): string {
  const shown = uses.slice(0, 5).map((u) => `“${u.documentTitle}” (${u.items.slice(0, 10).join(', ')}${u.items.length > 10 ? ', …' : ''})`);
  return `${shown.join('; ')}${uses.length > 5 ? `; and ${uses.length - 5} more documents` : ''}`;
}
