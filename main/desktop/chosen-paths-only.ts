/**
 * The desktop's path rule on the contract's handlers: the dialogs main opens grant what the user
 * picked (./path-grants.ts), and the calls that take a path run only on a path the user chose —
 * granted, or for `openProject` also one of the recent projects. Any other path is refused with
 * `FORBIDDEN` before a handler sees it, so a script in the page cannot make main read or create
 * files of its choosing.
 */
import { FactmarkError } from '../../shared/result.js';
import type { Handlers } from '../ipc/dispatch.js';
import type { PathGrants } from './path-grants.js';

/** The refusal of a path the user did not choose; `how` says how the user chooses one. */
function notChosen(path: string, how: string): FactmarkError {
  return new FactmarkError('FORBIDDEN', `Factmark opens only the files and folders you chose, and ${path} is not one of them: ${how}`, { path });
}

/** `handlers` with the dialogs granting what they return and the path-taking calls refusing every other path. */
export function chosenPathsOnly(handlers: Handlers, grants: PathGrants): Handlers {
  const granting = (path: string | null): string | null => {
    if (path !== null) grants.grant(path);
    return path;
  };
  const isRecent = async (path: string): Promise<boolean> => (await handlers.getSettings()).recentProjects.some((recent) => recent.path === path);
  return {
    ...handlers,
    pickProjectToOpen: async () => granting(await handlers.pickProjectToOpen()),
    pickProjectToCreate: async () => granting(await handlers.pickProjectToCreate()),
    pickFilesToImport: async () => {
      const paths = await handlers.pickFilesToImport();
      for (const path of paths) grants.grant(path);
      return paths;
    },
    openProject: async (path) => {
      if (!grants.has(path) && !(await isRecent(path))) throw notChosen(path, 'open a project with File → Open Project, from the recent projects, or by dropping it on the window.');
      return handlers.openProject(path);
    },
    createProject: async (request) => {
      if (!grants.has(request.path)) throw notChosen(request.path, 'choose where a new project goes with File → New Project.');
      return handlers.createProject(request);
    },
    importFiles: async (paths, options) => {
      const stray = paths.find((path) => !grants.has(path));
      if (stray !== undefined) throw notChosen(stray, 'import documents with File → Import Documents, or by dropping them on the window.');
      return handlers.importFiles(paths, options);
    },
  };
}
