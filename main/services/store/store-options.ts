/** How a project store behaves (every field has a default), shared by the disk layer and the use cases. */
import type { AtomicFs } from './atomic-file.js';
import type { MigrationTable } from './migrations.js';

export interface StoreOptions {
  /** Autosave delay after the last change, in milliseconds (default 750). */
  autosaveDelayMs?: number;
  /** The longest a change waits for autosave while more changes keep coming (default 2000 ms). */
  autosaveMaxWaitMs?: number;
  /** The clock for `createdAt` and `updatedAt`. */
  now?: () => Date;
  /** Makes ids for projects and documents (default `crypto.randomUUID()`). */
  newId?: () => string;
  /** Schema migrations (default: the production table). */
  migrations?: MigrationTable;
  /** The file-system calls of the atomic writer (tests make one fail). */
  fs?: AtomicFs;
  /** Who is named in the revisions of the text (default '': no name known). */
  analyst?: string;
  /** Refuse a send that changes the words without a revision note (default ./revisions.ts `REFUSE_UNNOTED_TEXT_CHANGES`). */
  refuseUnnotedTextChanges?: boolean;
}
