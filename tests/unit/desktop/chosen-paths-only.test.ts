/**
 * The desktop's path rule on its own: the grants (exact paths the user chose) and the handler
 * wrapper that records the dialogs' answers and refuses every other path in `openProject`,
 * `createProject` and `importFiles`, through the one dispatch wrapper as IPC calls it.
 */
import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, type Settings } from '../../../shared/contract.js';
import { chosenPathsOnly } from '../../../main/desktop/chosen-paths-only.js';
import { createPathGrants } from '../../../main/desktop/path-grants.js';
import { dispatch, type Handlers } from '../../../main/ipc/dispatch.js';

const RECENT = '/home/analyst/Claims.factmark';

/** Handlers that answer null, dialogs that answer as given, and a recent list of one project. */
function fakeHandlers(dialogs: { open?: string | null; create?: string | null; files?: string[] } = {}): Handlers {
  const handlers = Object.fromEntries(CALL_NAMES.map((name) => [name, vi.fn(() => null)])) as unknown as Handlers;
  const settings: Settings = { theme: 'system', recentProjects: [{ path: RECENT, name: 'Claims', openedAt: '2026-11-27T17:29:22.000Z' }] };
  handlers.getSettings = vi.fn(() => settings);
  handlers.pickProjectToOpen = vi.fn(async () => dialogs.open ?? null);
  handlers.pickProjectToCreate = vi.fn(async () => dialogs.create ?? null);
  handlers.pickFilesToImport = vi.fn(async () => dialogs.files ?? []);
  return handlers;
}

const refused = (path: string) => ({ ok: false, error: { code: 'FORBIDDEN', path, message: expect.stringContaining(`Factmark opens only the files and folders you chose, and ${path} is not one of them`) } });

describe('createPathGrants', () => {
  it('holds exactly the paths granted, as written', () => {
    const grants = createPathGrants();
    grants.grant('/home/analyst/speech.docx');
    grants.grant('');
    expect(grants.has('/home/analyst/speech.docx')).toBe(true);
    for (const other of ['', '/home/analyst/Speech.docx', '/home/analyst/./speech.docx', '/home/analyst/link/../speech.docx', '/home/analyst/speech.docx/', 'speech.docx']) {
      expect(grants.has(other), other).toBe(false);
    }
  });
});

describe('chosenPathsOnly', () => {
  it.each<[string, unknown[]]>([
    ['importFiles', [['/etc/passwd'], {}]],
    ['importFiles', [['\\\\server\\share\\secret.docx'], {}]],
    ['createProject', [{ path: '/etc/cron.d/Evil.factmark', name: 'Evil' }]],
    ['openProject', ['/home/analyst/Other.factmark']],
  ])('refuses %s of a path the user did not choose, before its handler runs', async (name, args) => {
    const handlers = fakeHandlers();
    const guarded = chosenPathsOnly(handlers, createPathGrants());
    const path = name === 'importFiles' ? (args[0] as string[])[0]! : name === 'createProject' ? (args[0] as { path: string }).path : (args[0] as string);
    expect(await dispatch(guarded, name, args)).toEqual(refused(path));
    expect(handlers[name as 'importFiles']).not.toHaveBeenCalled();
  });

  it('grants what the dialogs answer, and the calls then take exactly that', async () => {
    const handlers = fakeHandlers({ open: '/data/Polls.factmark', create: '/data/New', files: ['/data/a.docx', '/data/b.pdf'] });
    const guarded = chosenPathsOnly(handlers, createPathGrants());
    expect(await dispatch(guarded, 'pickFilesToImport', [])).toEqual({ ok: true, value: ['/data/a.docx', '/data/b.pdf'] });
    expect(await dispatch(guarded, 'pickProjectToCreate', [])).toEqual({ ok: true, value: '/data/New' });
    expect(await dispatch(guarded, 'pickProjectToOpen', [])).toEqual({ ok: true, value: '/data/Polls.factmark' });
    expect(await dispatch(guarded, 'importFiles', [['/data/b.pdf', '/data/a.docx'], { encoding: 'utf-8' }])).toEqual({ ok: true, value: null });
    expect(handlers.importFiles).toHaveBeenCalledExactlyOnceWith(['/data/b.pdf', '/data/a.docx'], { encoding: 'utf-8' });
    expect(await dispatch(guarded, 'createProject', [{ path: '/data/New', name: 'New' }])).toEqual({ ok: true, value: null });
    expect(await dispatch(guarded, 'openProject', ['/data/Polls.factmark'])).toEqual({ ok: true, value: null });
    // One path the user did not choose refuses the whole import.
    expect(await dispatch(guarded, 'importFiles', [['/data/a.docx', '/data/c.txt'], {}])).toEqual(refused('/data/c.txt'));
    expect(await dispatch(guarded, 'openProject', ['/data/a.docx/../../etc'])).toEqual(refused('/data/a.docx/../../etc'));
  });

  it('grants nothing for a cancelled dialog', async () => {
    const grants = createPathGrants();
    const guarded = chosenPathsOnly(fakeHandlers(), grants);
    expect(await dispatch(guarded, 'pickProjectToCreate', [])).toEqual({ ok: true, value: null });
    expect(await dispatch(guarded, 'pickFilesToImport', [])).toEqual({ ok: true, value: [] });
    expect(await dispatch(guarded, 'createProject', [{ path: 'null', name: 'x' }])).toEqual(refused('null'));
  });

  it('opens a project of the recent list, and paths granted otherwise (a drop, the command line)', async () => {
    const handlers = fakeHandlers();
    const grants = createPathGrants();
    const guarded = chosenPathsOnly(handlers, grants);
    expect(await dispatch(guarded, 'openProject', [RECENT])).toEqual({ ok: true, value: null });
    expect(await dispatch(guarded, 'createProject', [{ path: RECENT, name: 'Claims' }])).toEqual(refused(RECENT));
    grants.grant('/media/usb/Dropped.factmark/project.json');
    expect(await dispatch(guarded, 'openProject', ['/media/usb/Dropped.factmark/project.json'])).toEqual({ ok: true, value: null });
    expect(handlers.openProject).toHaveBeenCalledTimes(2);
  });

  it('leaves every other call as it was', () => {
    const handlers = fakeHandlers();
    const guarded = chosenPathsOnly(handlers, createPathGrants());
    const guardedNames = ['openProject', 'createProject', 'importFiles', 'pickProjectToOpen', 'pickProjectToCreate', 'pickFilesToImport'];
    for (const name of CALL_NAMES.filter((n) => !guardedNames.includes(n))) expect(guarded[name], name).toBe(handlers[name]);
  });
});
