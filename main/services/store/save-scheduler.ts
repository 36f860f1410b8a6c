/**
 * When saves run: a pass `delayMs` after the last change (so a burst of edits makes one write), but
 * never later than `maxWaitMs` after the first unsaved change (so steady typing is still saved
 * every second or two), and one pass at a time (never two writes of the same file at once).
 */
export class SaveScheduler {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstChangeAt: number | null = null;
  /** The pass that runs now (or ran last); the next one starts after it. */
  private tail: Promise<void> = Promise.resolve();
  /** A pass waiting for `tail`: it will see every change made so far, so later callers share it. */
  private queued: Promise<void> | null = null;

  /** `pass` writes what is pending and records its own failures: it must not reject. */
  constructor(
    private readonly pass: () => Promise<void>,
    private readonly delayMs: number,
    private readonly maxWaitMs: number,
  ) {}

  /** Notes a change: (re)starts the autosave timer within the limits above. */
  changed(): void {
    const now = Date.now();
    this.firstChangeAt ??= now;
    const due = Math.min(now + this.delayMs, this.firstChangeAt + Math.max(this.maxWaitMs, this.delayMs));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), Math.max(0, due - now));
  }

  /** Runs a pass now, or after the running one; resolves when a pass that saw every change so far ends. */
  flush(): Promise<void> {
    this.cancel();
    if (this.queued) return this.queued;
    const next = this.tail.then(() => {
      this.queued = null;
      return this.pass();
    });
    this.queued = next;
    this.tail = next.catch(() => undefined); // a failed pass must not stop the ones after it
    return next;
  }

  /** Stops the autosave timer (closing, or a pass is starting anyway). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.firstChangeAt = null;
  }
}
