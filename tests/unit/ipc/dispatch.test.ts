import { describe, expect, it, vi } from 'vitest';
import { dispatch, isCallName, type Handlers } from '../../../main/ipc/dispatch.js';
import { FactmarkError } from '../../../shared/result.js';

/** Handlers where only the calls a test names do anything; the rest fail loudly if reached. */
function handlersWith(overrides: Partial<Handlers>): Handlers {
  return new Proxy(overrides as Handlers, {
    get: (target, name: string) => target[name as keyof Handlers] ?? (() => { throw new Error(`unexpected call ${name}`); }),
  });
}

describe('dispatch', () => {
  it('passes validated arguments to the handler and wraps its value', async () => {
    const renameDocument = vi.fn(async (id: string, title: string) => ({ id, title, createdAt: 'c', updatedAt: 'u' }));
    const result = await dispatch(handlersWith({ renameDocument }), 'renameDocument', ['doc-1', 'New title']);
    expect(result).toEqual({ ok: true, value: { id: 'doc-1', title: 'New title', createdAt: 'c', updatedAt: 'u' } });
    expect(renameDocument).toHaveBeenCalledWith('doc-1', 'New title');
  });

  it.each([
    ['unknown call', 'deleteEverything', []],
    ['prototype key', '__proto__', []],
    ['constructor', 'constructor', []],
    ['non-string name', 42, []],
  ])('refuses a %s without running anything', async (_label, name, args) => {
    const result = await dispatch(handlersWith({}), name, args);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it.each([
    ['missing arguments', 'renameDocument', ['doc-1']],
    ['extra arguments', 'renameDocument', ['doc-1', 'x', 'y']],
    ['wrong type', 'renameDocument', [7, 'x']],
    ['not an array', 'renameDocument', { 0: 'doc-1', 1: 'x' }],
    ['id with a path in it', 'getDocument', ['../../etc/passwd']],
    ['empty title', 'renameDocument', ['doc-1', '']],
    ['NUL in a path', 'openProject', ['/tmp/a\0b']],
    ['unknown theme', 'setTheme', ['neon']],
    ['extra object keys', 'createProject', [{ path: '/tmp/x', name: 'x', admin: true }]],
    ['content that is not a document', 'updateDocumentContent', ['doc-1', { type: 'script' }]],
  ])('refuses %s with INVALID_ARGUMENT and never reaches the handler', async (_label, name, args) => {
    const reached = vi.fn();
    const handlers = handlersWith({ renameDocument: reached, getDocument: reached, openProject: reached, setTheme: reached, createProject: reached, updateDocumentContent: reached });
    const result = await dispatch(handlers, name, args);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(reached).not.toHaveBeenCalled();
  });

  it('passes a FactmarkError through with its code, path and backup path', async () => {
    const openProject = async () => {
      throw new FactmarkError('PROJECT_CORRUPT', 'broken', { path: '/p/project.json', backupPath: '/p/project.json.bak' });
    };
    const result = await dispatch(handlersWith({ openProject }), 'openProject', ['/p']);
    expect(result).toEqual({ ok: false, error: { code: 'PROJECT_CORRUPT', message: 'broken', path: '/p/project.json', backupPath: '/p/project.json.bak' } });
  });

  it('turns an unexpected exception into INTERNAL without leaking its message', async () => {
    const report = vi.fn();
    const getSettings = () => {
      throw new TypeError('secret internals at /home/user/.ssh');
    };
    const result = await dispatch(handlersWith({ getSettings }), 'getSettings', [], report);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INTERNAL');
      expect(result.error.message).not.toContain('.ssh');
    }
    expect(report).toHaveBeenCalledOnce();
  });

  it('knows the contract names exactly', () => {
    expect(isCallName('openProject')).toBe(true);
    expect(isCallName('hasOwnProperty')).toBe(false);
  });
});
