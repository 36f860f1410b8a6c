/**
 * Edits sent as patches (`patchDocumentContent`): through random edit sequences, main stores
 * exactly what it stores when the same editor states are sent whole; a patch on another version
 * is refused and changes nothing; the rules of whole sends hold for patches; the file written is
 * byte for byte `JSON.stringify` of the document.
 */
import fc from 'fast-check';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { afterEach, describe, expect, it } from 'vitest';
import { refreshAnchors } from '../../../shared/annotations/refresh.js';
import { contentOf, documentNode } from '../../../shared/annotations/table.js';
import type { ContentPatch } from '../../../shared/contract.js';
import { argumentSchemas } from '../../../shared/contract-validation.js';
import type { Annotation, StoredDocument } from '../../../shared/model/index.js';
import { documentBytes } from '../../../main/services/store/document-json.js';
import { ProjectStore } from '../../../main/services/store/project-store.js';
import { DocumentSender } from '../../../renderer/editor/document-sender.js';
import { annotatedDocument, blockSpec, editSpec, editTransaction, spanSpec } from '../annotations/support/editing.js';
import { checkProject } from './check-project.js';
import { expectCode, paragraphs, tempDir, testOptions } from './helpers.js';

const open: ProjectStore[] = [];
afterEach(async () => {
  for (const store of open.splice(0)) await store.close().catch(() => undefined);
});

/** A project with one loaded document; ids and times are the same in every project made so. */
async function projectWithDocument(): Promise<{ store: ProjectStore; id: string }> {
  const store = await ProjectStore.create(join(await tempDir(), 'Patches'), 'Patches', testOptions({ autosaveDelayMs: 60_000, autosaveMaxWaitMs: 60_000 }));
  open.push(store);
  const { id } = await store.createDocument('Speech', 'placeholder');
  await store.getDocument(id);
  return { store, id };
}

/** Sends a patch as it travels: structured clone, then the contract's validation. */
function sendPatch(store: ProjectStore, id: string, patch: ContentPatch): Promise<void> {
  // The editor notes every send that changes the words (renderer/editor/content-sync.ts).
  const parsed = argumentSchemas.patchDocumentContent.parse(deserialize(serialize([id, { revision: { reason: 'edit' }, ...patch }])));
  return store.patchDocumentContent(...parsed);
}

/** What a whole send stores: the editor's content and its refreshed annotations. */
function sendWhole(store: ProjectStore, id: string, doc: ProseMirrorNode): void {
  store.updateDocumentContent(id, contentOf(doc), refreshAnchors(doc), { reason: 'edit' });
}

/** A document's stored state, orphans without their anchor (see below). */
function comparable(document: StoredDocument) {
  const { content, fingerprint, annotations } = document;
  return { content, fingerprint, annotations: annotations.map(({ anchor, ...rest }) => (rest.orphaned ? rest : { ...rest, anchor })) };
}

/** A random annotated document of up to `blocks` blocks and the edits made to it, up to `edits`. */
const editedDocument = (blocks: number, edits: number) =>
  fc.record({
    blocks: fc.array(blockSpec, { minLength: 1, maxLength: blocks }),
    spans: fc.array(spanSpec, { maxLength: 12 }),
    edits: fc.array(editSpec, { minLength: 1, maxLength: edits }),
  });

describe('patches give the same document as whole sends', () => {
  it('through random edit sequences: content, fingerprint, annotations and their order; orphans keep their last stored anchor', async () => {
    await fc.assert(
      fc.asyncProperty(editedDocument(25, 12), async ({ blocks, spans, edits }) => {
        const patched = await projectWithDocument();
        const whole = await projectWithDocument();
        const sender = new DocumentSender();
        let state = EditorState.create({ doc: annotatedDocument(blocks, spans) });
        const send = async (): Promise<void> => {
          const before = new Map((await patched.store.getDocument(patched.id)).annotations.map((a) => [a.id, a] as const));
          await sendPatch(patched.store, patched.id, sender.next(state.doc));
          sendWhole(whole.store, whole.id, state.doc);
          const after = await patched.store.getDocument(patched.id);
          expect(comparable(after)).toEqual(comparable(await whole.store.getDocument(whole.id)));
          for (const annotation of after.annotations) {
            if (!annotation.orphaned) continue;
            const last = before.get(annotation.id);
            expect(annotation.anchor).toEqual(last ? last.anchor : (state.doc.attrs.annotations as Record<string, Annotation>)[annotation.id]!.anchor);
          }
        };
        await send();
        for (const edit of edits) {
          state = state.apply(editTransaction(state, edit));
          await send();
        }
        await patched.store.saveNow();
        const stored = await patched.store.getDocument(patched.id);
        const bytes = await readFile(join(patched.store.path, 'documents', `${patched.id}.json`));
        expect(bytes.equals(Buffer.from(JSON.stringify(stored), 'utf8'))).toBe(true);
        for (const { store } of [patched, whole]) await store.close();
        open.length = 0;
      }),
      { numRuns: 60 },
    );
  });
});

describe('an editor that opens a document', () => {
  it('patches from its first edit on the version main gave with the document, and stores what whole sends store', async () => {
    await fc.assert(
      fc.asyncProperty(editedDocument(20, 8), async ({ blocks, spans, edits }) => {
        // The document is stored by one session and opened by the next, which knows no editor's version.
        const written = await projectWithDocument();
        sendWhole(written.store, written.id, annotatedDocument(blocks, spans));
        await written.store.close();
        open.length = 0;
        const store = await ProjectStore.open(written.store.path, testOptions({ autosaveDelayMs: 60_000, autosaveMaxWaitMs: 60_000 }));
        open.push(store);
        const whole = await projectWithDocument();
        const opened = await store.openedDocument(written.id);
        expect(opened.version).toMatch(/^opened-/);
        let state = EditorState.create({ doc: documentNode(opened.document.content, opened.document.annotations) });
        const sender = DocumentSender.from(state.doc, opened.version);
        let base = opened.version;
        for (const edit of edits) {
          state = state.apply(editTransaction(state, edit));
          const patch = sender.next(state.doc);
          expect(patch.base).toBe(base);
          base = patch.version;
          await sendPatch(store, written.id, patch);
          sendWhole(whole.store, whole.id, state.doc);
          expect(comparable(await store.getDocument(written.id))).toEqual(comparable(await whole.store.getDocument(whole.id)));
        }
        for (const held of open.splice(0)) await held.close();
      }),
      { numRuns: 30 },
    );
  });

  it('is given the version an editor sent last, which is what main stores, until the text changes another way', async () => {
    const { store, id } = await projectWithDocument();
    const sender = new DocumentSender();
    const doc = annotatedDocument([{ kind: 'paragraph', words: 12, seed: 3 }], [{ at: 0.3, length: 8 }]);
    const sent = sender.next(doc);
    await sendPatch(store, id, sent);
    expect((await store.openedDocument(id)).version).toBe(sent.version);
    store.updateDocumentContent(id, paragraphs('Changed by the command line.'), [], { reason: 'edit' });
    const reopened = (await store.openedDocument(id)).version;
    expect(reopened).not.toBe(sent.version);
    expect((await store.openedDocument(id)).version).toBe(reopened);
    const replaced = await store.replaceDocumentText(id, { content: paragraphs('Imported again.'), origin: (await store.getDocument(id)).origin, damage: [] });
    expect(replaced.version).not.toBe(reopened);
    const stale = DocumentSender.from(documentNode(paragraphs('Changed by the command line.'), []), reopened);
    const error = await expectCode(() => sendPatch(store, id, stale.next(documentNode(paragraphs('Changed by the command line, typed.'), []))), 'STALE_BASE');
    expect(error.message).toContain('another version of the document');
  });
});

describe('a patch on another version', () => {
  async function sentOnce() {
    const { store, id } = await projectWithDocument();
    const sender = new DocumentSender();
    let state = EditorState.create({ doc: annotatedDocument([{ kind: 'paragraph', words: 20, seed: 1 }, { kind: 'list', words: 8, seed: 2 }], [{ at: 0.2, length: 10 }]) });
    await sendPatch(store, id, sender.next(state.doc));
    state = state.apply(state.tr.insertText('Typed. ', 1));
    return { store, id, sender, state };
  }

  const expectStale = async (store: ProjectStore, id: string, patch: ContentPatch) => {
    const before = await store.getDocument(id);
    const error = await expectCode(() => sendPatch(store, id, patch), 'STALE_BASE');
    expect(error.message).toContain('another version of the document');
    expect(await store.getDocument(id)).toBe(before);
  };

  it('is refused when its base is not the version main holds, and changes nothing', async () => {
    const { store, id, sender, state } = await sentOnce();
    await expectStale(store, id, { ...sender.next(state.doc), base: 'another' });
  });

  it('is refused after the text changed another way: a whole update, a re-import, a reload', async () => {
    const first = await sentOnce();
    first.store.updateDocumentContent(first.id, paragraphs('Changed by the command line.'), [], { reason: 'edit' });
    await expectStale(first.store, first.id, first.sender.next(first.state.doc));

    const second = await sentOnce();
    await second.store.replaceDocumentText(second.id, { content: paragraphs('Imported again.'), origin: (await second.store.getDocument(second.id)).origin, damage: [] });
    await expectStale(second.store, second.id, second.sender.next(second.state.doc));
  });

  it('is refused without the table order main does not know yet, or with a splice outside the document', async () => {
    const { store, id, sender, state } = await sentOnce();
    const patch = sender.next(state.doc);
    const { order: _order, ...withoutOrder } = patch;
    await expectStale(store, id, withoutOrder);
    await expectStale(store, id, { ...patch, from: 0, to: 99 });
  });

  it('applies patches sent back to back in order, and refuses one whose document changed while it was applied', async () => {
    const { store, id, sender, state } = await sentOnce();
    const second = state.apply(state.tr.insertText('Again. ', 1));
    await Promise.all([sendPatch(store, id, sender.next(state.doc)), sendPatch(store, id, sender.next(second.doc))]);
    expect((await store.getDocument(id)).content).toEqual(contentOf(second.doc));
    const third = second.apply(second.tr.insertText('Third. ', 1));
    const racing = sendPatch(store, id, sender.next(third.doc));
    // Between the patch's checks and its commit (it yields once in between), the text changes another way.
    await new Promise((resolve) => setImmediate(resolve));
    store.updateDocumentContent(id, paragraphs('Changed meanwhile.'), [], { reason: 'edit' });
    const error = await expectCode(racing, 'STALE_BASE');
    expect(error.message).toContain('another version of the document');
    expect((await store.getDocument(id)).content).toEqual(paragraphs('Changed meanwhile.'));
  });

  it('is followed by the whole document, which main takes, and patches again after it', async () => {
    const { store, id, sender, state } = await sentOnce();
    store.updateDocumentContent(id, paragraphs('Changed elsewhere.'), [], { reason: 'edit' });
    await expectStale(store, id, sender.next(state.doc));
    sender.reset();
    await sendPatch(store, id, sender.next(state.doc));
    const next = state.apply(state.tr.insertText('More. ', 1));
    const patch = sender.next(next.doc);
    expect(patch.base).not.toBeNull();
    await sendPatch(store, id, patch);
    expect((await store.getDocument(id)).content).toEqual(contentOf(next.doc));
  });
});

describe('the rules of whole sends hold for patches', () => {
  it('refuses blocks that do not fit the schema, marks of annotations not in the table, and an id listed twice', async () => {
    const { store, id } = await projectWithDocument();
    const sender = new DocumentSender();
    const state = EditorState.create({ doc: annotatedDocument([{ kind: 'paragraph', words: 20, seed: 3 }], [{ at: 0.1, length: 8 }]) });
    await sendPatch(store, id, sender.next(state.doc));
    const base = sender.next(state.doc);
    const before = await store.getDocument(id);
    const nested = { ...base, from: 0, to: 1, blocks: [{ type: 'paragraph', content: [{ type: 'paragraph' }] }] };
    expect((await expectCode(() => sendPatch(store, id, nested), 'INVALID_ARGUMENT')).message).toMatch(/does not fit the document structure/);
    const stray = { ...base, from: 0, to: 1, blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'annotation', attrs: { id: 'ghost' } }] }] }] };
    expect((await expectCode(() => sendPatch(store, id, stray), 'INVALID_ARGUMENT')).message).toMatch(/marks an annotation \(ghost\) missing from its annotation list/);
    const twice = { ...base, order: ['a0', 'a0'] };
    expect((await expectCode(() => sendPatch(store, id, twice), 'INVALID_ARGUMENT')).message).toMatch(/listed twice/);
    expect(await store.getDocument(id)).toBe(before);
  });

  it('refuses a changed claim that breaks a claim rule, and a claim number held by another claim', async () => {
    const { store, speech } = await checkProject();
    const document = await store.getDocument(speech.id);
    const whole: ContentPatch = { base: null, version: 'v1', from: 0, to: 0, blocks: document.content.content!, annotations: document.annotations };
    await sendPatch(store, speech.id, whole);
    const order = document.annotations.map((a) => a.id);
    const claims = document.annotations.filter((a) => a.kind === 'claim');
    const done = { ...claims[0]!, status: 'done' as const };
    const error = await expectCode(() => sendPatch(store, speech.id, { base: 'v1', version: 'v2', from: 0, to: 0, blocks: [], annotations: [done], order }), 'INVALID_ARGUMENT');
    expect(error.message).toMatch(/^Claim C1: A claim marked done needs a verdict/);
    const taken = { ...claims[1]!, shortId: 'C1' };
    expect((await expectCode(() => sendPatch(store, speech.id, { base: 'v1', version: 'v2', from: 0, to: 0, blocks: [], annotations: [taken], order }), 'CLAIM_NUMBER_TAKEN')).message).toMatch(/already belongs to another claim/);
    const restated = { ...claims[1]!, restatement: 'Restated.' };
    await sendPatch(store, speech.id, { base: 'v1', version: 'v2', from: 0, to: 0, blocks: [], annotations: [restated], order });
    expect((await store.getDocument(speech.id)).annotations.find((a) => a.id === restated.id)).toMatchObject({ restatement: 'Restated.' });
  });
});

describe('documentBytes', () => {
  it('is byte for byte JSON.stringify of the document, reused pieces or not', async () => {
    const { store, id } = await projectWithDocument();
    const sender = new DocumentSender();
    let state = EditorState.create({ doc: annotatedDocument([{ kind: 'quote', words: 12, seed: 4 }, { kind: 'paragraph', words: 30, seed: 5 }, { kind: 'break', words: 4, seed: 6 }], [{ at: 0.3, length: 20 }]) });
    await sendPatch(store, id, sender.next(state.doc));
    for (const text of ['"quoted" \\ and 🙂 ', 'factmark-list-', '\u2028']) {
      state = state.apply(state.tr.insertText(text, 3));
      await sendPatch(store, id, sender.next(state.doc));
      const document = await store.getDocument(id);
      expect(document.revisions.length).toBeGreaterThan(0); // the revisions' pieces are reused too
      expect((await documentBytes(document)).equals(Buffer.from(JSON.stringify(document), 'utf8'))).toBe(true);
      expect((await documentBytes(document, 0)).equals(Buffer.from(JSON.stringify(document), 'utf8'))).toBe(true);
    }
    const titled = { ...(await store.getDocument(id)), title: 'factmark-content- "x"' };
    expect((await documentBytes(titled)).toString('utf8')).toBe(JSON.stringify(titled));
  });
});
