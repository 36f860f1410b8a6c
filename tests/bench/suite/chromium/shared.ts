/**
 * What the Chromium cases of one `npm run bench` share and run.ts closes at the end (the browser
 * host, the static server, Chromium: see `sharedBench` in support.ts). Kept apart from support.ts so
 * run.ts can close them without loading Playwright when no Chromium case ran.
 */
const closers: (() => Promise<void>)[] = [];

/** Runs `close` when the suite ends (closeSharedBench). */
export function atSuiteEnd(close: () => Promise<void>): void {
  closers.push(close);
}

/** Closes everything registered with atSuiteEnd, last first; a failure to close is reported, not thrown. */
export async function closeSharedBench(): Promise<void> {
  while (closers.length > 0) {
    try {
      await closers.pop()!();
    } catch (error) {
      console.error(`bench: closing a shared browser or host failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
