/** The services behind the contract, driven through the same dispatch wrapper the hosts use. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/contract.js';
import { CALL_NAMES } from '../../../shared/contract.js';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { createAppServices } from '../../../main/services/app-services.js';
import type { AppServices } from '../../../main/services/types.js';

let work: string;
let services: AppServices;
let events: { event: EventName; payload: unknown }[];
let opened: string[];

async function make(abilities = {}): Promise<AppServices> {
  return createAppServices({
    host: 'desktop',
    settingsDir: join(work, 'settings'),
    version: '1.2.3',
    emit: (event, payload) => events.push({ event, payload }),
    abilities,
    autosaveDelayMs: 10,
  });
}

const run = (name: string, ...args: unknown[]) => dispatch(services.handlers, name, args);

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'factmark-services-'));
  events = [];
  opened = [];
  services = await make({ openExternal: async (url: string) => void opened.push(url) });
});

afterEach(async () => {
  await services.shutdown();
  await rm(work, { recursive: true, force: true });
});

describe('app services', () => {
  it('implements every call of the contract and nothing else', () => {
    expect(Object.keys(services.handlers).sort()).toEqual([...CALL_NAMES].sort());
  });

  it('creates a project, adds a document, and lists it in the recent projects', async () => {
    const created = await run('createProject', { path: join(work, 'Election'), name: 'Election' });
    expect(created).toMatchObject({ ok: true, value: { path: join(work, 'Election.factmark'), project: { name: 'Election' } } });
    const doc = await run('createDocument', { title: 'Speech', text: 'First line.\nSecond line.' });
    expect(doc).toMatchObject({ ok: true, value: { title: 'Speech' } });
    const settings = await run('getSettings');
    expect(settings).toMatchObject({ ok: true, value: { recentProjects: [{ path: join(work, 'Election.factmark'), name: 'Election' }] } });
  });

  it('says no project is open instead of failing obscurely', async () => {
    expect(await run('createDocument', { title: 'x', text: 'y' })).toMatchObject({ ok: false, error: { code: 'NO_PROJECT_OPEN' } });
    expect(await run('getOpenProject')).toEqual({ ok: true, value: null });
  });

  it('keeps edits through close and reopen', async () => {
    await run('createProject', { path: join(work, 'Keep.factmark'), name: 'Keep' });
    const doc = (await run('createDocument', { title: 'Memo', text: 'Original.' })) as { ok: true; value: { id: string } };
    const edited = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Edited.' }] }] };
    expect((await run('updateDocumentContent', doc.value.id, edited, [], { reason: 'edit' })).ok).toBe(true);
    expect((await run('closeProject')).ok).toBe(true);
    expect((await run('openProject', join(work, 'Keep.factmark'))).ok).toBe(true);
    expect(await run('getDocument', doc.value.id)).toMatchObject({ ok: true, value: { document: { content: edited }, notices: [] } });
  });

  it('opens a project asked for by the host and tells the renderer', async () => {
    await run('createProject', { path: join(work, 'Host.factmark'), name: 'Host' });
    await run('closeProject');
    events = [];
    await services.openFromHost(join(work, 'Host.factmark', 'project.json'));
    expect(events.some((e) => e.event === 'projectChanged' && (e.payload as { path: string }).path === join(work, 'Host.factmark'))).toBe(true);
  });

  it('remembers the theme across restarts', async () => {
    await run('setTheme', 'dark');
    const again = await make();
    expect(await dispatch(again.handlers, 'getSettings', [])).toMatchObject({ ok: true, value: { theme: 'dark' } });
    await again.shutdown();
    expect(JSON.parse(await readFile(join(work, 'settings', 'settings.json'), 'utf8'))).toMatchObject({ theme: 'dark' });
  });

  it('opens only safe links, and only where the host can', async () => {
    expect(await run('openExternal', 'https://example.org/report')).toEqual({ ok: true, value: null });
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', ' https://example.org']) {
      expect(await run('openExternal', url), url).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(opened).toEqual(['https://example.org/report']);
    const browser = await make();
    expect(await dispatch(browser.handlers, 'openExternal', ['https://example.org'])).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
    await browser.shutdown();
  });

  it('reports desktop-only dialogs as unsupported without abilities', async () => {
    expect(await run('pickProjectToOpen')).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
  });
});
