/**
 * The rules a source of the library keeps before it is saved, with messages in plain words beside
 * the field that broke them. Shared by the source form (inline messages) and main (nothing invalid
 * is saved).
 */
import type { Source } from '../model/source.js';
import { dateProblem, urlProblem } from './fields.js';

/** A rule a source breaks: which field and why. */
export interface SourceProblem {
  field: 'title' | 'url' | 'archiveUrl' | 'published' | 'accessed';
  message: string;
}

/**
 * Every rule `draft` breaks (an empty list means it may be saved): a title, http(s) addresses,
 * real dates, and a publication date not after `today` (`YYYY-MM-DD`, the analyst's day).
 */
export function sourceProblems(draft: Pick<Source, 'title' | 'url' | 'archiveUrl' | 'published' | 'accessed'>, today: string): SourceProblem[] {
  const problems: SourceProblem[] = [];
  const add = (field: SourceProblem['field'], message: string | null) => {
    if (message) problems.push({ field, message });
  };
  add('title', draft.title.trim() === '' ? 'A source needs a title, so a reader can tell what it is.' : null);
  add('url', urlProblem(draft.url));
  const archive = urlProblem(draft.archiveUrl);
  add('archiveUrl', archive && `Archived copy: ${archive}`);
  add('published', draft.published === null ? null : dateProblem(draft.published, { notAfter: today, what: 'publication date' }));
  add('accessed', draft.accessed === null ? null : dateProblem(draft.accessed, { what: 'date accessed' }));
  return problems;
}
