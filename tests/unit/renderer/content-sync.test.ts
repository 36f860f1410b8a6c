/** Sending edits to main: after a pause in typing and when the page is idle, the newest snapshot, at once on flush. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { documentNode } from '../../../shared/annotations/table.js';
import type { ContentPatch } from '../../../shared/contract.js';
import { editorSchema } from '../../../shared/editor-schema.js';
import type { StoredDocument } from '../../../shared/model/document.js';
import type { Result } from '../../../shared/result.js';
import { ContentSync, isStaleBase, type DocumentSnapshot } from '../../../renderer/editor/content-sync.js';
import { documentSenders } from '../../../renderer/editor/document-sender.js';
import { note } from '../annotations/support/documents.js';

const snapshot = (text: string): DocumentSnapshot => documentNode({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }, []);

describe('ContentSync', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setUp() {
    const sent: string[] = [];
    const idle: (() => void)[] = [];
    const pending: boolean[] = [];
    const sync = new ContentSync(
      async (id, patch) => {
        sent.push(`${id}:${JSON.stringify(patch.blocks).match(/"text":"([^"]*)"/)![1]}`);
        return { ok: true, value: null };
      },
      () => {},
      (p) => pending.push(p),
      300,
      (work) => idle.push(work),
      documentSenders,
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

describe('ContentSync patches', () => {
  const ANCHOR = { quote: { exact: 'One', prefix: '', suffix: '' }, position: { start: 0, end: 3 } };
  const paragraph = (text: string) => editorSchema.node('paragraph', null, [editorSchema.text(text)]);

  /** A sync whose main answers from `answer` and records every patch. */
  function recording(answer: (patch: ContentPatch) => Result<unknown>) {
    const patches: ContentPatch[] = [];
    const errors: string[] = [];
    const sync = new ContentSync(
      async (_id, patch) => {
        patches.push(patch);
        return answer(patch);
      },
      (message) => errors.push(message),
      undefined,
      undefined,
      undefined,
      documentSenders,
    );
    return { sync, patches, errors };
  }

  const typed = (doc: ProseMirrorNode, index: number, text: string): ProseMirrorNode => doc.copy(doc.content.replaceChild(index, paragraph(text)));

  it('sends the whole document first, then only the blocks and annotations that changed', async () => {
    const { sync, patches } = recording(() => ({ ok: true, value: null }));
    const first = documentNode({ type: 'doc', content: ['One', 'Two', 'Three'].map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) }, [note('n1', ANCHOR)]);
    sync.changed('d1', () => first);
    await sync.flush();
    const second = typed(first, 1, 'Two, typed');
    sync.changed('d1', () => second);
    await sync.flush();
    const renamed = second.type.create({ ...second.attrs, annotations: { n1: { ...second.attrs.annotations.n1, updatedAt: '2026-03-01T00:00:00.000Z' } } }, second.content);
    sync.changed('d1', () => renamed);
    await sync.flush();
    expect(patches.map(({ base, from, to, blocks, annotations, order }) => ({ base: base !== null, from, to, blocks: blocks.length, annotations: annotations.length, order }))).toEqual([
      { base: false, from: 0, to: 0, blocks: 3, annotations: 1, order: undefined },
      { base: true, from: 1, to: 2, blocks: 1, annotations: 0, order: ['n1'] },
      { base: true, from: 3, to: 3, blocks: 0, annotations: 1, order: undefined },
    ]);
    expect(patches[1]!.base).toBe(patches[0]!.version);
    expect(patches[2]!.base).toBe(patches[1]!.version);
  });

  it('forgets a closed document’s last send once its edits have left, and sends it whole next time', async () => {
    const { sync, patches } = recording(() => ({ ok: true, value: null }));
    const first = snapshot('One');
    sync.changed('d1', () => first);
    await sync.flush();
    sync.changed('d1', () => typed(first, 0, 'One more'));
    await sync.close('d1'); // the waiting edit leaves as a patch first
    expect(patches.map((p) => p.base === null)).toEqual([true, false]);
    sync.changed('d1', () => typed(first, 0, 'One more again'));
    await sync.flush();
    expect(patches.map((p) => p.base === null)).toEqual([true, false, true]);
  });

  const stored = (id: string, text: string): StoredDocument => ({ id, content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } }) as StoredDocument;

  it('patches from the first edit after opening, on the version main gave with the document', async () => {
    const { sync, patches } = recording(() => ({ ok: true, value: null }));
    const document = stored('d1', 'One');
    sync.opened({ document, notices: [], version: 'opened-7' });
    const shown = documentNode(document.content, [note('n1', ANCHOR)]);
    sync.begin(document, shown, documentSenders, () => shown);
    sync.changed('d1', () => typed(shown, 0, 'One, typed'));
    await sync.flush();
    expect(patches.map(({ base, from, to, blocks, order }) => ({ base, from, to, blocks: blocks.length, order }))).toEqual([{ base: 'opened-7', from: 0, to: 1, blocks: 1, order: ['n1'] }]);
  });

  it('sends whole when the editor shows another opening than the last, and when a document is begun twice', async () => {
    const { sync, patches } = recording(() => ({ ok: true, value: null }));
    const document = stored('d1', 'One');
    sync.opened({ document, notices: [], version: 'opened-1' });
    const shown = documentNode(document.content, []);
    sync.begin({ ...document }, shown, documentSenders, () => shown);
    sync.changed('d1', () => typed(shown, 0, 'One, typed'));
    await sync.flush();
    sync.begin(document, shown, documentSenders, () => shown); // the opening was used up
    sync.changed('d1', () => typed(shown, 0, 'One, typed again'));
    await sync.flush();
    expect(patches.map((p) => p.base)).toEqual([null, patches[0]!.version]);
  });

  it('keeps the new editor’s base when the closing editor of the same document finishes after it began', async () => {
    const { sync, patches } = recording(() => ({ ok: true, value: null }));
    const document = stored('d1', 'One');
    const closing = sync.close('d1');
    sync.opened({ document, notices: [], version: 'opened-2' });
    const shown = documentNode(document.content, []);
    sync.begin(document, shown, documentSenders, () => shown);
    await closing;
    sync.changed('d1', () => typed(shown, 0, 'One, typed'));
    await sync.flush();
    expect(patches.map((p) => p.base)).toEqual(['opened-2']);
  });

  it('sends the whole document at once when main holds another version, and says nothing of it', async () => {
    let refuse = true;
    const { sync, patches, errors } = recording((patch) => (patch.base !== null && refuse ? { ok: false, error: { code: 'STALE_BASE', message: 'The edit was made on another version of the document “x”.' } } : { ok: true, value: null }));
    const first = snapshot('One');
    sync.changed('d1', () => first);
    await sync.flush();
    sync.changed('d1', () => typed(first, 0, 'One more'));
    await sync.flush();
    expect(patches.map((p) => p.base === null)).toEqual([true, false, true]);
    expect(errors).toEqual([]);
    refuse = false;
    sync.changed('d1', () => typed(first, 0, 'One more again'));
    await sync.flush();
    expect(patches.at(-1)!.base).toBe(patches[2]!.version);
  });

  it('after any other refusal, reports it and sends the next edit whole', async () => {
    let refuse = false;
    const { sync, patches, errors } = recording((patch) => (refuse && patch.base !== null ? { ok: false, error: { code: 'INVALID_ARGUMENT', message: 'Claim C1: no.' } } : { ok: true, value: null }));
    const first = snapshot('One');
    sync.changed('d1', () => first);
    await sync.flush();
    refuse = true;
    sync.changed('d1', () => typed(first, 0, 'One more'));
    await sync.flush();
    expect(errors).toEqual(['Claim C1: no.']);
    sync.changed('d1', () => typed(first, 0, 'One more again'));
    await sync.flush();
    expect(patches.map((p) => p.base === null)).toEqual([true, false, true]);
  });

  it('knows a stale base by its code, not by the words of the message', () => {
    const message = 'The edit was made on another version of the document “x”.';
    expect(isStaleBase({ ok: false, error: { code: 'STALE_BASE', message: 'Anything.' } })).toBe(true);
    expect(isStaleBase({ ok: false, error: { code: 'INVALID_ARGUMENT', message } })).toBe(false);
    expect(isStaleBase({ ok: true, value: null })).toBe(false);
  });
});
