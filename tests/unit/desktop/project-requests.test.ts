/** Project requests wait, in order, until the app can open them, and go straight through after. */
import { describe, expect, it } from 'vitest';
import { createProjectRequests } from '../../../main/desktop/project-requests.js';

describe('createProjectRequests', () => {
  it('holds requests until served, opens them in order, then opens new ones at once', async () => {
    const requests = createProjectRequests();
    const opened: string[] = [];
    requests.request('/a.factmark');
    requests.request('/b.factmark');
    expect(opened).toEqual([]);
    await requests.serve(async (path) => void opened.push(path));
    expect(opened).toEqual(['/a.factmark', '/b.factmark']);
    requests.request('/c.factmark');
    expect(opened).toEqual(['/a.factmark', '/b.factmark', '/c.factmark']);
  });

  it('does not lose a request that arrives while the waiting ones are opening', async () => {
    const requests = createProjectRequests();
    const opened: string[] = [];
    requests.request('/a.factmark');
    await requests.serve(async (path) => {
      opened.push(path);
      if (path === '/a.factmark') requests.request('/late.factmark');
      await Promise.resolve();
    });
    expect(opened).toEqual(['/a.factmark', '/late.factmark']);
  });
});
