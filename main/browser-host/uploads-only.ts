/**
 * The browser host's path rule, the counterpart of the desktop's (main/desktop/chosen-paths-only.ts).
 * A page in a browser has no dialog main opened and no path of a dropped file: every path it names
 * is text it made, so it imports only the files the user uploads (`importFileContent`), and
 * `importFiles`, which reads paths, is refused. Projects are the one exception: the browser has no
 * native dialogs, so the page asks the user to type a project's path (New project, Open project)
 * and `createProject` and `openProject` take it, as the user would type it into a terminal; only
 * this user's own page reaches them, behind the run's token.
 */
import { FactmarkError } from '../../shared/result.js';
import type { Handlers } from '../ipc/dispatch.js';

/** `handlers` with `importFiles` refused, whatever paths it names. */
export function uploadsOnly(handlers: Handlers): Handlers {
  return {
    ...handlers,
    importFiles: () => {
      throw new FactmarkError('UNSUPPORTED', 'Importing files by their path is available in the desktop app only. In a browser, import documents by uploading them (Import documents, or drop them on the page).');
    },
  };
}
