/**
 * What the window starts with (renderer/app/first-answers.ts): the three answers together; the
 * first failure as the message the window opens with; and a window even when the transport throws.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppInfo, ProjectView, Settings } from '../../../shared/contract.js';
import type { Result } from '../../../shared/result.js';

const calls = vi.hoisted(() => ({
  getAppInfo: vi.fn<() => Promise<Result<AppInfo>>>(),
  getOpenProject: vi.fn<() => Promise<Result<ProjectView | null>>>(),
  getSettings: vi.fn<() => Promise<Result<Settings>>>(),
}));
vi.mock('../../../renderer/api/client.js', () => ({ api: calls }));

const { askFirstAnswers } = await import('../../../renderer/app/first-answers.js');

const info = { name: 'Factmark', host: 'browser' } as AppInfo;
const settings: Settings = { theme: 'dark', recentProjects: [] };

describe('askFirstAnswers', () => {
  beforeEach(() => {
    calls.getAppInfo.mockResolvedValue({ ok: true, value: info });
    calls.getOpenProject.mockResolvedValue({ ok: true, value: null });
    calls.getSettings.mockResolvedValue({ ok: true, value: settings });
  });

  it('asks the three questions at once and hands over the answers', async () => {
    const pending = askFirstAnswers();
    // All three are asked before any answer arrives.
    expect([calls.getAppInfo, calls.getOpenProject, calls.getSettings].map((call) => call.mock.calls.length)).toEqual([1, 1, 1]);
    await expect(pending).resolves.toEqual({ info, project: null, settings, problem: '' });
  });

  it('keeps the answers it got and says what failed', async () => {
    calls.getSettings.mockResolvedValue({ ok: false, error: { code: 'IO_ERROR', message: 'The settings file could not be read.' } });
    const answers = await askFirstAnswers();
    expect(answers).toMatchObject({ info, project: null, settings: null });
    expect(answers.problem).toContain('The settings file could not be read.');
  });

  it('still answers when the transport throws, with a message instead of a blank window', async () => {
    calls.getOpenProject.mockRejectedValue(new Error('No handler registered'));
    const answers = await askFirstAnswers();
    expect(answers).toMatchObject({ info: null, project: null, settings: null });
    expect(answers.problem).toContain('could not reach its main process (No handler registered)');
  });
});
