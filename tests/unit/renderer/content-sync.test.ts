/** Sending edits to main: after a pause in typing and when the page is idle, the newest snapshot, at once on flush. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentSync, type DocumentSnapshot } from '../../../renderer/editor/content-sync.js';

const snapshot = (text: string): DocumentSnapshot => ({ content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }, annotations: [] });

describe('ContentSync', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setUp() {
    const sent: string[] = [];
    const idle: (() => void)[] = [];
    const pending: boolean[] = [];
    const sync = new ContentSync(
      async (id, snap) => {
        sent.push(`${id}:${JSON.stringify(snap.content).match(/"text":"([^"]*)"/)![1]}`);
        return { ok: true, value: null };
      },
      () => {},
      (p) => pending.push(p),
      300,
      (work) => idle.push(work),
    );
    return { sync, sent, idle, pending };
  }

  it('waits for a pause in typing, then for idle, and sends the newest snapshot once', async () => {
    const { sync, sent, idle, pending } = setUp();
    let reads = 0;
    for (const text of ['a', 'ab', 'abc']) {
      sync.changed('d1', () => (reads++, snapshot(text)));
      vi.advanceTimersByTime(100);
    }
    expect(idle).toHaveLength(0);
    vi.advanceTimersByTime(300);
    expect(idle).toHaveLength(1);
    expect(reads).toBe(0);
    idle.shift()!();
    await vi.runAllTimersAsync();
    expect(sent).toEqual(['d1:abc']);
    expect(reads).toBe(1);
    expect(pending).toEqual([true, false]);
  });

  it('does not send between keystrokes: typing after the pause waits for the next pause', async () => {
    const { sync, sent, idle } = setUp();
    sync.changed('d1', () => snapshot('a'));
    vi.advanceTimersByTime(300);
    sync.changed('d1', () => snapshot('ab'));
    idle.shift()!();
    await Promise.resolve();
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(300);
    idle.shift()!();
    await vi.runAllTimersAsync();
    expect(sent).toEqual(['d1:ab']);
  });

  it('flushes every document at once when asked', async () => {
    const { sync, sent } = setUp();
    sync.changed('d1', () => snapshot('one'));
    sync.changed('d2', () => snapshot('two'));
    expect(sync.hasPending()).toBe(true);
    await sync.flush();
    expect(sent.sort()).toEqual(['d1:one', 'd2:two']);
    expect(sync.hasPending()).toBe(false);
  });
});
