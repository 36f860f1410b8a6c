/**
 * What the status bar says: main's save status, corrected by what only the page knows. "All
 * changes saved" is said only when every change the analyst made is on disk: an edit or a card
 * field still in the page is unsaved, and an edit main refused is not saved, in main's words,
 * however well main's own writes went.
 */
import type { SaveStatus } from '../../shared/contract.js';
import type { Refusal } from '../editor/content-sync.js';

/** What the page holds that main's status cannot know. */
export interface PageState {
  /** An edit or a typed card field has not been handed to main yet. */
  editsInPage: boolean;
  /** Edits main refused, not saved since. */
  refusals: readonly Refusal[];
}

/** The status to show for main's `status` and the page's state. */
export function truthfulStatus(status: SaveStatus, page: PageState): SaveStatus {
  const refusal = page.refusals[0];
  if (refusal && status.state !== 'error') {
    const more = page.refusals.length > 1 ? ` (and ${page.refusals.length - 1} more document${page.refusals.length > 2 ? 's' : ''})` : '';
    return { ...status, state: 'error', error: { code: refusal.code, message: `${refusal.message}${more} Your edits are kept in this window; Save tries again.` } };
  }
  if (page.editsInPage && status.state === 'saved') return { ...status, state: 'pending' };
  return status;
}
