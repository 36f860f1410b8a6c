/**
 * The claim, source and rating-scale calls of the contract, through the dispatch wrapper the hosts
 * use: arguments validated, results shaped as the contract says, refusals as `{ ok: false }`.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { createAppServices } from '../../../main/services/app-services.js';
import type { AppServices } from '../../../main/services/types.js';
import { describeRange } from '../../../shared/anchoring/index.js';
import { draft } from './check-project.js';
import { tempDir } from './helpers.js';

let services: AppServices;
const run = (name: string, ...args: unknown[]) => dispatch(services.handlers, name, args);

beforeEach(async () => {
  const work = await tempDir();
  services = await createAppServices({ host: 'browser', settingsDir: join(work, 'settings'), version: '0.0.0', emit: () => undefined, autosaveDelayMs: 10 });
  await run('createProject', { path: join(work, 'Calls'), name: 'Calls' });
});
afterEach(async () => {
  await services.shutdown();
});

describe('the check calls', () => {
  it('create, list, export and import sources, with the project view', async () => {
    const created = await run('createSource', draft({ title: 'Labour survey', url: 'https://stats.example/labour' }));
    expect(created).toMatchObject({ ok: true, value: { source: { title: 'Labour survey' }, view: { project: { sources: [{ title: 'Labour survey' }] } } } });
    expect(await run('createSource', draft({ title: 'Again', url: 'https://stats.example/labour/' }))).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS' } });
    expect(await run('createSource', { type: 'report', title: 'Only the required fields' })).toMatchObject({ ok: true, value: { source: { authors: [], reliability: 'F', withhold: false } } });
    expect(await run('createSource', { ...draft({ title: 'x' }), reliability: 'Z' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const exported = await run('exportSources');
    expect(exported.ok && typeof exported.value === 'string' && JSON.parse(exported.value)).toHaveLength(2);
    expect(await run('importSources', { fileName: 'lib.json', text: exported.ok ? exported.value : '' })).toMatchObject({ ok: true, value: { added: 0, duplicates: 2, refused: [], view: { path: expect.any(String) } } });
    expect(await run('sourceUsage')).toMatchObject({ ok: true });
  });

  it('save, choose and delete rating scales; list claims; place a span', async () => {
    const scale = { id: 'desk', name: 'Desk', conclusionOnly: false, levels: [{ id: 'desk-ok', label: 'OK', description: '', colour: '#2e8540', value: null }] };
    expect(await run('saveRatingScale', scale)).toMatchObject({ ok: true, value: { project: { ratingScales: expect.arrayContaining([expect.objectContaining({ id: 'desk' })]) } } });
    expect(await run('setActiveRatingScale', 'desk')).toMatchObject({ ok: true, value: { project: { activeRatingScaleId: 'desk' } } });
    expect(await run('deleteRatingScale', 'desk')).toMatchObject({ ok: true, value: { project: { activeRatingScaleId: 'truth' } } });
    expect(await run('listClaims')).toEqual({ ok: true, value: [] });
    const doc = await run('createDocument', { title: 'Speech', text: 'The minister said exports doubled.' });
    const id = doc.ok ? (doc.value as { id: string }).id : '';
    const anchor = describeRange('The minister said exports doubled.', 18, 33);
    expect(await run('placeSpan', id, anchor)).toEqual({ ok: true, value: { documentId: id, documentTitle: 'Speech', anchor, text: 'exports doubled' } });
    expect(await run('placeSpan', id, { quote: { exact: 'x' } })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});
