/**
 * Projects the OS or a command line asks Factmark to open. Requests can come before the app can
 * open anything (macOS sends `open-file` before `ready`; argv is read at once), so they wait, in
 * order, until {@link ProjectRequests.serve} starts serving them, and go straight through after.
 */

/** A queue of project paths that opens them once it is served. */
export interface ProjectRequests {
  /** Asks for `path` to be opened: now if serving, else once serving starts. */
  request(path: string): void;
  /** Opens every waiting request in order with `open`, then opens later ones as they come. */
  serve(open: (path: string) => Promise<void>): Promise<void>;
}

/** Creates an empty {@link ProjectRequests}. */
export function createProjectRequests(): ProjectRequests {
  const waiting: string[] = [];
  let opener: ((path: string) => Promise<void>) | null = null;
  return {
    request: (path) => {
      if (opener === null) waiting.push(path);
      else void opener(path);
    },
    serve: async (open) => {
      for (let path = waiting.shift(); path !== undefined; path = waiting.shift()) await open(path);
      opener = open;
    },
  };
}
