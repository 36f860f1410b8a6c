/** Shared helpers of the store tests: temp folders, fixed clocks and ids, content builders, waiting. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import type { ContentNode } from '../../../shared/model/index.js';
import { FactmarkError, type ErrorCode } from '../../../shared/result.js';
import type { StoreOptions } from '../../../main/services/store/project-store.js';

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh temp folder, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'factmark-store-'));
  made.push(dir);
  return dir;
}

/** A clock that moves one second per reading from 2026-01-01, so every timestamp differs. */
export function steppingClock(): () => Date {
  let tick = 0;
  return () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++));
}

/** Ids id-1, id-2, …, so files are predictable. */
export function countingIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

/** Store options for tests: fixed clock and ids, a short autosave delay. */
export function testOptions(extra: StoreOptions = {}): StoreOptions {
  return { now: steppingClock(), newId: countingIds(), autosaveDelayMs: 30, ...extra };
}

/** A document of plain paragraphs. */
export function paragraphs(...texts: string[]): ContentNode {
  return { type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

/** A Node file-system error with an errno code, as `fs` throws. */
export function errnoError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated failure`), { code });
}

/** The FactmarkError a promise (or function) fails with; fails the test if it succeeds or throws something else. */
export async function failure(action: Promise<unknown> | (() => unknown)): Promise<FactmarkError> {
  try {
    await (typeof action === 'function' ? action() : action);
  } catch (error) {
    expect(error).toBeInstanceOf(FactmarkError);
    return error as FactmarkError;
  }
  throw new Error('expected a FactmarkError, but it succeeded');
}

/** Asserts the code of the FactmarkError an action fails with, and returns the error. */
export async function expectCode(action: Promise<unknown> | (() => unknown), code: ErrorCode): Promise<FactmarkError> {
  const error = await failure(action);
  expect(error.code, error.message).toBe(code);
  return error;
}

/** Waits until `check` holds (polling every 10 ms), or fails after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
