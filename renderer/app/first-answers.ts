/**
 * What the workbench starts with — the app's facts, the open project and the settings — asked of
 * main all at once as soon as the page's module runs, so that the first render already shows the
 * project. Asking from the workbench's first effect (Preact runs effects only after a frame and a
 * timer) showed the start screen first, then two round trips later the project: two renders and
 * layouts, and a flash of the wrong screen (~60 ms of the cold load, issue #7).
 */
import type { AppInfo, ProjectView, Settings } from '../../shared/contract.js';
import { api } from '../api/client.js';
import { describeError } from './errors.js';

/** The answers, with what went wrong when one could not be had ('' when none). */
export interface FirstAnswers {
  info: AppInfo | null;
  project: ProjectView | null;
  settings: Settings | null;
  problem: string;
}

/**
 * Asks main for the first answers, together. Never rejects: the window must show even when main
 * cannot answer (the calls resolve to errors by contract, but a transport that breaks it would
 * otherwise leave the window blank), so a failure becomes the message the window opens with.
 */
export async function askFirstAnswers(): Promise<FirstAnswers> {
  try {
    const [info, project, settings] = await Promise.all([api.getAppInfo(), api.getOpenProject(), api.getSettings()]);
    const failed = [info, project, settings].find((result) => !result.ok);
    return {
      info: info.ok ? info.value : null,
      project: project.ok ? project.value : null,
      settings: settings.ok ? settings.value : null,
      problem: failed && !failed.ok ? describeError(failed.error) : '',
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { info: null, project: null, settings: null, problem: `Factmark could not reach its main process (${reason}). Close the window and start Factmark again.` };
  }
}
