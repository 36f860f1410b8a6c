/**
 * The rules of a project's source library, on plain data: what a source may hold (the shared
 * source rules), that no two sources are the same, and what merging does to the library. Each
 * function takes the current sources and returns the new list (never mutating it), or throws a
 * FactmarkError whose message the analyst reads as is. The store applies the result and rewrites
 * the documents that cite a merged source (see shared/check/source-merge.ts).
 */
import type { CslEntry } from '../../../shared/check/csl.js';
import { mergedSource } from '../../../shared/check/source-merge.js';
import { sourceProblems } from '../../../shared/check/source-rules.js';
import { duplicateOf } from '../../../shared/check/urls.js';
import type { SourceDraft } from '../../../shared/contract.js';
import type { Source } from '../../../shared/model/index.js';
import { FactmarkError } from '../../../shared/result.js';

/** The most sources a library holds, as the project file allows. */
export const MAX_SOURCES = 100_000;

/** `draft` with its one-line texts trimmed, as it is kept. */
export function trimmedDraft(draft: SourceDraft): SourceDraft {
  return { ...draft, title: draft.title.trim(), publisher: draft.publisher.trim(), url: draft.url.trim(), archiveUrl: draft.archiveUrl.trim(), language: draft.language.trim() };
}

/**
 * Refuses a draft that breaks a source rule (`INVALID_ARGUMENT`, the first rule's message) or
 * duplicates another source of the library (`ALREADY_EXISTS`, naming it); `except` is the source
 * being changed.
 */
export function checkDraft(sources: readonly Source[], draft: SourceDraft, today: string, except: string | null): void {
  const [problem] = sourceProblems(draft, today);
  if (problem) throw new FactmarkError('INVALID_ARGUMENT', problem.message);
  const duplicate = duplicateOf(draft, except === null ? sources : sources.filter((s) => s.id !== except));
  if (duplicate) {
    const why = duplicate.reason === 'url' ? 'has the same web address' : 'has the same title and date, and no web address';
    throw new FactmarkError('ALREADY_EXISTS', `The library already holds this source: “${duplicate.source.title}” ${why}. Use that one, or merge the two.`);
  }
}

/** The library with a source made from `draft` added, with id `id` and time `at`. */
export function addSource(sources: readonly Source[], draft: SourceDraft, id: string, at: string, today: string): Source[] {
  if (sources.length >= MAX_SOURCES) throw new FactmarkError('INVALID_ARGUMENT', `The source library is full: it holds at most ${MAX_SOURCES.toLocaleString('en')} sources.`);
  const kept = trimmedDraft(draft);
  checkDraft(sources, kept, today, null);
  return [...sources, { ...kept, id, createdAt: at, updatedAt: at }];
}

/** The library with source `id` holding `draft`'s fields instead. */
export function updateSource(sources: readonly Source[], id: string, draft: SourceDraft, at: string, today: string): Source[] {
  const current = sourceOf(sources, id);
  const kept = trimmedDraft(draft);
  checkDraft(sources, kept, today, id);
  return sources.map((source) => (source.id === id ? { ...kept, id, createdAt: current.createdAt, updatedAt: at } : source));
}

/** The library after merging source `fromId` into `intoId` (blanks filled from it, then it is removed). */
export function mergeSources(sources: readonly Source[], fromId: string, intoId: string, at: string): Source[] {
  const from = sourceOf(sources, fromId);
  const into = sourceOf(sources, intoId);
  if (fromId === intoId) throw new FactmarkError('INVALID_ARGUMENT', `A source cannot be merged into itself: choose another source to merge “${from.title}” into.`);
  const merged = { ...mergedSource(into, from), updatedAt: at };
  return sources.filter((s) => s.id !== fromId).map((s) => (s.id === intoId ? merged : s));
}

/** The source `id`; `NOT_FOUND` with a message that says what probably happened. */
export function sourceOf(sources: readonly Source[], id: string): Source {
  const source = sources.find((s) => s.id === id);
  if (!source) throw new FactmarkError('NOT_FOUND', 'That source is no longer in the library (it may have been deleted or merged). Reload the project to see the current sources.');
  return source;
}

/** What adding a file's entries to the library gave. */
export interface LibraryImport {
  sources: Source[];
  added: number;
  duplicates: number;
  refused: string[];
}

/**
 * The library with the entries of a CSL-JSON file added (see shared/check/csl.ts): entries that
 * duplicate a source (already there, or earlier in the file) are counted and skipped; entries that
 * break a source rule are refused with their label and the rule's message.
 */
export function importEntries(sources: readonly Source[], entries: readonly CslEntry[], newId: () => string, at: string, today: string): LibraryImport {
  const result: LibraryImport = { sources: [...sources], added: 0, duplicates: 0, refused: [] };
  for (const { label, draft } of entries) {
    try {
      result.sources = addSource(result.sources, draft, newId(), at, today);
      result.added++;
    } catch (error) {
      if (!(error instanceof FactmarkError) || error.code === 'INTERNAL') throw error;
      if (error.code === 'ALREADY_EXISTS') result.duplicates++;
      else result.refused.push(`${label}: ${error.message}`);
    }
  }
  return result;
}
