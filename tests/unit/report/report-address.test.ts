/** The project's report address: saved with the project (and there after reopening), refused when it is no web address. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { saveReportAddress } from '../../../main/services/export/report-address.js';
import { ProjectStore } from '../../../main/services/store/project-store.js';

let work = '';
afterEach(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the report address of a project', () => {
  it('is saved trimmed, kept on reopening, and can be cleared', async () => {
    work = await mkdtemp(join(tmpdir(), 'factmark-address-'));
    const store = await ProjectStore.create(join(work, 'Desk'), 'Desk');
    expect(store.project.reportUrl).toBe('');
    const view = await saveReportAddress(() => store, ' https://factdesk.example.org/checks/desk ');
    expect(view.project.reportUrl).toBe('https://factdesk.example.org/checks/desk');
    await store.close();
    const again = await ProjectStore.open(store.path);
    expect(again.project.reportUrl).toBe('https://factdesk.example.org/checks/desk');
    expect((await saveReportAddress(() => again, '')).project.reportUrl).toBe('');
    await expect(saveReportAddress(() => again, 'javascript:alert(1)')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(again.project.reportUrl).toBe('');
    await again.close();
  });
});
