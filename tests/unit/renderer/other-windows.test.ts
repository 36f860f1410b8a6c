/**
 * Two windows on one document: merging this window's unsent edits with main's document
 * (renderer/editor/rebase.ts), and the sync's side of it (renderer/editor/content-sync.ts): a
 * patch on an old version waits for the merge instead of overwriting the other window's work.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { describeRange, indexCodePoints } from '../../../shared/anchoring/index.js';
import { contentOf, documentNode, tableOf } from '../../../shared/annotations/table.js';
import type { ContentPatch } from '../../../shared/contract.js';
import type { Annotation } from '../../../shared/model/annotation.js';
import type { StoredDocument } from '../../../shared/model/document.js';
import type { Result } from '../../../shared/result.js';
import { ContentSync, type StaleDocument } from '../../../renderer/editor/content-sync.js';
import { documentSenders } from '../../../renderer/editor/document-sender.js';
import { mergeMessage, rebaseOnMain } from '../../../renderer/editor/rebase.js';
import { claim, contentFromText, marksPerUnit, markSpans } from '../annotations/support/documents.js';

const TEXT = 'The minister said prices fell by 4% last year.\nUnemployment is at a record low.';

/** A claim on the first occurrence of `words`. */
function claimOn(id: string, shortId: string, words: string, extra: Partial<Annotation> = {}): Annotation {
  const start = TEXT.indexOf(words);
  return claim(id, shortId, describeRange(TEXT, start, start + words.length, indexCodePoints(TEXT)), extra as never);
}

/** The document of TEXT with these claims, marked where their anchors say. */
function docWith(claims: readonly Annotation[]): ProseMirrorNode {
  const spans = claims.map((c) => ({ id: c.id, start: c.anchor.position.start, end: c.anchor.position.end }));
  return markSpans(documentNode(contentFromText(TEXT), claims), spans);
}

const asStored = (doc: ProseMirrorNode): StoredDocument => ({ id: 'd1', content: contentOf(doc), annotations: Object.values(tableOf(doc)) }) as StoredDocument;
const shortIds = (annotations: readonly Annotation[]) => annotations.map((a) => (a.kind === 'claim' ? `${a.id}:${a.shortId}` : a.id)).sort();

describe('merging with another window’s edits', () => {
  const c1 = claimOn('a', 'C1', 'prices fell by 4%');

  it('keeps the claims both windows added, and gives a number the other took anew', () => {
    const base = docWith([c1]);
    const theirs = claimOn('b', 'C2', 'record low');
    const ours = claimOn('c', 'C2', 'The minister');
    const rebase = rebaseOnMain(asStored(docWith([c1, theirs])), base, docWith([c1, ours]), 2);
    expect(shortIds(rebase.document.annotations)).toEqual(['a:C1', 'b:C2', 'c:C3']);
    expect(rebase.renumbered).toEqual(['C2 → C3']);
    expect(rebase.localChanges).toBe(true);
    expect(rebase.textConflict).toBe(false);
    // Every claim is on its words, none orphaned, in the node that is sent too.
    expect(rebase.document.annotations.every((a) => !a.orphaned)).toBe(true);
    const marked = marksPerUnit(rebase.merged);
    expect(marked[TEXT.indexOf('record low')]).toBe('b');
    expect(marked[TEXT.indexOf('The minister')]).toBe('c');
    expect(Object.keys(tableOf(rebase.merged)).sort()).toEqual(['a', 'b', 'c']);
  });

  it('keeps the other window’s change of a record this window left alone, and this window’s of one it changed', () => {
    const c2 = claimOn('b', 'C2', 'record low');
    const base = docWith([c1, c2]);
    const mainDoc = docWith([{ ...c1, restatement: 'From main' } as Annotation, { ...c2, restatement: 'Main says' } as Annotation]);
    const ours = docWith([c1, { ...c2, restatement: 'We say' } as Annotation]);
    const rebase = rebaseOnMain(asStored(mainDoc), base, ours, 2);
    const byId = new Map(rebase.document.annotations.map((a) => [a.id, a]));
    expect((byId.get('a') as { restatement: string }).restatement).toBe('From main');
    expect((byId.get('b') as { restatement: string }).restatement).toBe('We say');
    expect(rebase.renumbered).toEqual([]);
  });

  it('removes what this window removed, keeps what the other added, and changes nothing when this window changed nothing', () => {
    const c2 = claimOn('b', 'C2', 'record low');
    const added = claimOn('c', 'C3', 'The minister');
    const removed = rebaseOnMain(asStored(docWith([c1, c2, added])), docWith([c1, c2]), docWith([c1]), 3);
    expect(shortIds(removed.document.annotations)).toEqual(['a:C1', 'c:C3']);
    expect(marksPerUnit(removed.merged)[TEXT.indexOf('record low')]).toBe('');
    const unchanged = rebaseOnMain(asStored(docWith([c1, added])), docWith([c1]), docWith([c1]), 3);
    expect(unchanged.localChanges).toBe(false);
    expect(shortIds(unchanged.document.annotations)).toEqual(['a:C1', 'c:C3']);
  });

  it('keeps a claim this window changed that the other removed, and says so', () => {
    const c2 = claimOn('b', 'C2', 'record low');
    const rebase = rebaseOnMain(asStored(docWith([c1])), docWith([c1, c2]), docWith([c1, { ...c2, restatement: 'Still checking' } as Annotation]), 2);
    expect(shortIds(rebase.document.annotations)).toEqual(['a:C1', 'b:C2']);
    expect(rebase.keptAfterRemoval).toEqual(['Claim C2']);
    expect(marksPerUnit(rebase.merged)[TEXT.indexOf('record low')]).toBe('b');
    expect(mergeMessage(rebase)).toContain('The other window removed Claim C2 while you changed it here; it is kept with your changes.');
    // A claim neither window changed that the other removed stays removed.
    const untouched = rebaseOnMain(asStored(docWith([c1])), docWith([c1, c2]), docWith([c1, c2]), 2);
    expect(shortIds(untouched.document.annotations)).toEqual(['a:C1']);
    expect(untouched.keptAfterRemoval).toEqual([]);
  });

  it('says what happened in words', () => {
    const quiet = { textConflict: false, keptAfterRemoval: [] };
    expect(mergeMessage({ ...quiet, localChanges: true, renumbered: ['C2 → C3'] })).toBe('Another window changed this document: its changes and yours are both kept. Claim numbers taken in the other window were given anew here: C2 → C3.');
    expect(mergeMessage({ ...quiet, localChanges: false, renumbered: [] })).toBe('Updated with changes made in another window.');
  });
});

describe('ContentSync with another window', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const STALE: Result<unknown> = { ok: false, error: { code: 'STALE_BASE', message: 'The edit was made on another version.' } };

  function setUp(answer: (patch: ContentPatch) => Result<unknown>) {
    const patches: ContentPatch[] = [];
    const errors: string[] = [];
    const stale: StaleDocument[] = [];
    const pending: boolean[] = [];
    const sync = new ContentSync(
      async (_id, patch) => {
        patches.push(patch);
        return answer(patch);
      },
      (message) => errors.push(message),
      (p) => pending.push(p),
      300,
      (work) => work(),
      documentSenders,
      { onStale: (s) => stale.push(s) },
    );
    const document = { id: 'd1' } as StoredDocument;
    const opened = docWith([c1Claim()]);
    sync.opened({ document, notices: [], version: 'opened-1' });
    let shown = opened;
    sync.begin(document, opened, documentSenders, () => shown);
    return { sync, patches, errors, stale, pending, opened, show: (doc: ProseMirrorNode) => (shown = doc) };
  }
  const c1Claim = () => claimOn('a', 'C1', 'prices fell by 4%');

  it('a patch on an old version waits for a merge: no refusal, still unsaved, nothing sent whole', async () => {
    const { sync, patches, errors, stale, opened, show } = setUp(() => STALE);
    const ours = docWith([c1Claim(), claimOn('c', 'C2', 'The minister')]);
    show(ours);
    sync.changed('d1', () => ours);
    await sync.flush();
    expect(patches.map((p) => p.base)).toEqual(['opened-1']);
    expect(errors).toEqual([]);
    expect(sync.refusals()).toEqual([]);
    expect(sync.hasPending()).toBe(true);
    expect(stale).toHaveLength(1);
    expect(stale[0]!.base).toBe(opened);
    expect(stale[0]!.read()).toBe(ours);
    // A flush meanwhile sends nothing of it.
    await sync.flush();
    expect(patches).toHaveLength(1);
  });

  it('after the merge, sends it as a patch on main’s version, and is saved once main accepts it', async () => {
    let accept = false;
    const { sync, patches, stale, show } = setUp(() => (accept ? { ok: true, value: null } : STALE));
    const ours = docWith([c1Claim(), claimOn('c', 'C2', 'The minister')]);
    show(ours);
    sync.changed('d1', () => ours);
    await sync.flush();
    const mainDoc = docWith([c1Claim(), claimOn('b', 'C2', 'record low')]);
    const rebase = rebaseOnMain(asStored(mainDoc), stale[0]!.base, stale[0]!.read(), 2);
    show(rebase.merged);
    accept = true;
    sync.rebased({ documentId: 'd1', main: rebase.main, version: 'v-main', merged: rebase.merged, localChanges: true });
    await vi.runAllTimersAsync();
    const last = patches.at(-1)!;
    expect(last.base).toBe('v-main');
    // Its claim, renumbered, goes with main's order of the records; main's own claim is not sent back changed.
    expect(shortIds(last.annotations)).toContain('c:C3');
    expect(last.annotations.some((a) => a.id === 'b')).toBe(false);
    expect(last.order).toEqual(Object.keys(tableOf(rebase.merged)));
    expect(sync.hasPending()).toBe(false);
  });

  it('hears of its own accepted edits without merging, and of another window’s by merging the shown document', async () => {
    const { sync, patches, stale } = setUp(() => ({ ok: true, value: null }));
    const ours = docWith([c1Claim(), claimOn('c', 'C2', 'The minister')]);
    sync.changed('d1', () => ours);
    await sync.flush();
    sync.changedElsewhere('d1', patches[0]!.version);
    expect(stale).toHaveLength(0);
    sync.changedElsewhere('d1', 'another-window-1');
    expect(stale).toHaveLength(1);
    expect(stale[0]!.base).toBe(ours);
    sync.changedElsewhere('d1', 'another-window-2'); // already merging
    expect(stale).toHaveLength(1);
    sync.changedElsewhere('d2', 'another-window-3'); // not shown here
    expect(stale).toHaveLength(1);
  });

  it('a merge that fails leaves the edits unsaved, says so, and the next flush tries again', async () => {
    const { sync, stale, errors } = setUp(() => STALE);
    const ours = docWith([c1Claim(), claimOn('c', 'C2', 'The minister')]);
    sync.changed('d1', () => ours);
    await sync.flush();
    sync.rebaseFailed('d1', 'Could not read it again.');
    expect(errors).toEqual(['Could not read it again.']);
    expect(sync.refusals().map((r) => r.message)).toEqual(['Could not read it again.']);
    await sync.flush();
    expect(stale).toHaveLength(2);
  });
});
