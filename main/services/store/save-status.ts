/** The autosave state of an open project, and the listeners told when it changes (the status bar). */
import type { SaveStatus } from '../../../shared/contract.js';

export type SaveStatusListener = (status: SaveStatus) => void;

export class SaveStatusTracker {
  private current: SaveStatus = { state: 'saved', savedAt: null, error: null };
  private readonly listeners = new Set<SaveStatusListener>();

  /** The status now. */
  get(): SaveStatus {
    return this.current;
  }

  /**
   * Sets the status and tells the listeners when it differs from the previous one. A listener that
   * throws (say, a closed window) is reported and skipped: it must not stop the saving.
   */
  set(next: SaveStatus): void {
    if (JSON.stringify(next) === JSON.stringify(this.current)) return;
    this.current = next;
    for (const listener of [...this.listeners]) {
      try {
        listener(next);
      } catch (error) {
        console.error('factmark: a save-status listener failed', error);
      }
    }
  }

  /** Calls `listener` on every change; returns the function that stops it. */
  subscribe(listener: SaveStatusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
