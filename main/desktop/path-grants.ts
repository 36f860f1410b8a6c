/**
 * The paths the user chose, which alone may reach main's path-taking calls (`openProject`,
 * `createProject`, `importFiles`) from the desktop page. The page is untrusted: a script that ran
 * there must not import `/etc/passwd` or make folders anywhere by naming a path. A path is the
 * user's choice when main got it from the user, not from the page: a dialog main opened, a file
 * dropped on the window (the preload reports its path on `DROPPED_FILE_CHANNEL`, shared/contract.ts), the command
 * line or the operating system (open-file, a second launch), and the recent projects list.
 *
 * A grant is of the exact path as main was given it: the page passes back that very string, and
 * a path spelled another way (`/home/me/link/../x`) may name another file, so none is normalised.
 */

/** The paths the user chose in this run of the app. */
export interface PathGrants {
  /** Records `path` as chosen by the user. */
  grant(path: string): void;
  /** True when `path`, exactly as written, was chosen by the user. */
  has(path: string): boolean;
}

/** An empty {@link PathGrants}; it lives as long as the app runs, and only grows by what the user chose. */
export function createPathGrants(): PathGrants {
  const granted = new Set<string>();
  return {
    grant: (path) => {
      if (path !== '') granted.add(path);
    },
    has: (path) => granted.has(path),
  };
}
