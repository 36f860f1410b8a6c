/** The browser host's answers: an opened document written from the store's cached pieces is byte for byte `JSON.stringify` of the result. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { refreshAnchors } from '../../../shared/annotations/refresh.js';
import { contentOf } from '../../../shared/annotations/table.js';
import { resultJson } from '../../../main/browser-host/result-json.js';
import { ProjectStore } from '../../../main/services/store/project-store.js';
import { annotatedDocument } from '../annotations/support/editing.js';
import { paragraphs, tempDir, testOptions } from '../store/helpers.js';

const open: ProjectStore[] = [];
afterEach(async () => {
  for (const store of open.splice(0)) await store.close().catch(() => undefined);
});

describe('resultJson', () => {
  it('writes an opened document exactly as JSON.stringify does, before and after its pieces are cached', async () => {
    const store = await ProjectStore.create(join(await tempDir(), 'Answers'), 'Answers', testOptions());
    open.push(store);
    const { id } = await store.createDocument('Speech «ثم» "quoted" \\ 🙂', 'placeholder');
    await store.getDocument(id);
    const doc = annotatedDocument(
      [
        { kind: 'paragraph', words: 30, seed: 4 },
        { kind: 'list', words: 12, seed: 5 },
        { kind: 'quote', words: 9, seed: 6 },
      ],
      [{ at: 0.1, length: 12 }, { at: 0.5, length: 30 }],
    );
    store.updateDocumentContent(id, contentOf(doc), refreshAnchors(doc), { reason: 'edit' });
    for (const name of ['getDocument', 'reimportDocument']) {
      const result = { ok: true as const, value: { ...(await store.openedDocument(id)), notices: ['One “notice”.'] } };
      expect((await resultJson(name, result)).equals(Buffer.from(JSON.stringify(result), 'utf8'))).toBe(true);
      expect((await resultJson(name, result)).equals(Buffer.from(JSON.stringify(result), 'utf8'))).toBe(true);
    }
  });

  it('writes every other answer with JSON.stringify, errors included', async () => {
    const answers = [
      ['listClaims', { ok: true, value: [{ id: 'c1', text: 'é "x"' }] }],
      ['getDocument', { ok: false, error: { code: 'NOT_FOUND', message: 'No document d1.' } }],
      ['createDocument', { ok: true, value: { document: paragraphs('Not an opened document.') } }],
    ] as const;
    for (const [name, result] of answers) expect((await resultJson(name, result)).toString('utf8')).toBe(JSON.stringify(result));
  });
});
