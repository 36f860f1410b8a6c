/**
 * The one acceptance sequence of a document's changes (main/services/store/document-edits.ts): the
 * same edit sent whole and sent as a patch is refused by the same step, with the same error, and
 * leaves the files as they were; accepted either way, the same document is on disk after saveNow().
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Annotation, Claim, ContentNode } from '../../../shared/model/index.js';
import type { ProjectStore } from '../../../main/services/store/project-store.js';
import { argumentSchemas } from '../../../shared/contract-validation.js';
import { checkProject } from './check-project.js';
import { failure } from './helpers.js';

/** An edit as the editor makes it: blocks appended to the end, and annotations added or changed. */
interface Edit {
  blocks: ContentNode[];
  /** The changed or new annotations, given the stored claims C1 and C2. */
  annotations: (c1: Claim, c2: Claim) => Annotation[];
  noted: boolean;
}

const paragraph = (text: string, markId?: string): ContentNode => ({
  type: 'paragraph',
  content: [{ type: 'text', text, ...(markId ? { marks: [{ type: 'annotation', attrs: { id: markId } }] } : {}) }],
});

/** Sends `edit` to the Speech document, whole or as a patch on main's version. */
async function send(store: ProjectStore, id: string, edit: Edit, how: 'whole' | 'patch'): Promise<void> {
  const opened = await store.openedDocument(id);
  const stored = opened.document;
  const claims = stored.annotations.filter((a): a is Claim => a.kind === 'claim');
  const changed = edit.annotations(claims.find((c) => c.shortId === 'C1')!, claims.find((c) => c.shortId === 'C2')!);
  const revision = edit.noted ? { reason: 'edit' as const } : undefined;
  const blocks = stored.content.content ?? [];
  if (how === 'whole') {
    const byId = new Map(changed.map((a) => [a.id, a]));
    const annotations = [...stored.annotations.map((a) => byId.get(a.id) ?? a), ...changed.filter((a) => !stored.annotations.some((s) => s.id === a.id))];
    store.updateDocumentContent(id, { ...stored.content, content: [...blocks, ...edit.blocks] }, annotations, revision);
    return;
  }
  const order = [...stored.annotations.map((a) => a.id), ...changed.filter((a) => !stored.annotations.some((s) => s.id === a.id)).map((a) => a.id)];
  await store.patchDocumentContent(id, { base: opened.version, version: 'v-next', from: blocks.length, to: blocks.length, blocks: edit.blocks, annotations: changed, order, ...(revision && { revision }) });
}

/** What the project's files hold. */
async function onDisk(store: ProjectStore, documentId: string): Promise<{ project: unknown; document: unknown }> {
  const read = async (path: string) => JSON.parse(await readFile(join(store.path, path), 'utf8')) as unknown;
  return { project: await read('project.json'), document: await read(join('documents', `${documentId}.json`)) };
}

/** The error `edit` gets when sent `how`, and whether the files stayed as they were. */
async function refusal(edit: Edit, how: 'whole' | 'patch') {
  const { store, speech } = await checkProject();
  const before = await onDisk(store, speech.id);
  const error = await failure(() => send(store, speech.id, edit, how));
  await store.saveNow();
  expect(await onDisk(store, speech.id)).toEqual(before);
  return { code: error.code, message: error.message };
}

const undone = (claim: Claim): Claim => ({ ...claim, status: 'done', verdict: { levelId: null, special: null, conclusion: '' } });

describe('one acceptance sequence for whole sends and patches', () => {
  const cases: { name: string; edit: Edit; code: string; says: string }[] = [
    {
      name: 'words changed without a note and a claim number reused',
      edit: { blocks: [paragraph('A new sentence.')], annotations: (c1) => [{ ...c1, id: 'new-claim' }], noted: false },
      code: 'READ_ONLY',
      says: 'read-only',
    },
    {
      name: 'words changed without a note and a claim that breaks a rule (the patch checked the claim first)',
      edit: { blocks: [paragraph('A new sentence.')], annotations: (c1) => [undone(c1)], noted: false },
      code: 'READ_ONLY',
      says: 'read-only',
    },
    {
      name: 'a mark naming no annotation and words changed without a note (the patch checked the note first)',
      edit: { blocks: [paragraph('A ghost mark.', 'ghost')], annotations: () => [], noted: false },
      code: 'INVALID_ARGUMENT',
      says: 'missing from its annotation list',
    },
    {
      name: 'a claim that breaks a rule and reuses a claim number',
      edit: { blocks: [], annotations: (c1) => [undone({ ...c1, id: 'new-claim' })], noted: true },
      code: 'INVALID_ARGUMENT',
      says: 'needs a verdict',
    },
    {
      name: 'a correction without its reason and a claim number reused',
      edit: {
        blocks: [],
        annotations: (c1, c2) => [{ ...c2, corrections: [{ at: '2026-02-01T00:00:00.000Z', before: c2.verdict, after: c2.verdict, reason: ' ', analyst: '' }] }, { ...c1, id: 'new-claim' }],
        noted: true,
      },
      code: 'INVALID_ARGUMENT',
      says: 'a correction needs its reason in words',
    },
    {
      name: 'a claim number reused',
      edit: { blocks: [], annotations: (c1) => [{ ...c1, id: 'new-claim' }], noted: true },
      code: 'CLAIM_NUMBER_TAKEN',
      says: 'claim number C1 already belongs to another claim',
    },
  ];

  for (const { name, edit, code, says } of cases) {
    it(`refuses ${name} with the same error either way`, async () => {
      const whole = await refusal(edit, 'whole');
      const patch = await refusal(edit, 'patch');
      expect(whole.code).toBe(code);
      expect(whole.message).toContain(says);
      expect(patch).toEqual(whole);
    });
  }

  it('stores the same document either way, tags kept to the codebook and the claim counter raised', async () => {
    const stored: unknown[] = [];
    for (const how of ['whole', 'patch'] as const) {
      const { store, speech } = await checkProject();
      const edit: Edit = {
        blocks: [paragraph('A new claim here.', 'new-claim')],
        annotations: (c1) => [{ ...c1, id: 'new-claim', shortId: 'C9', tagIds: ['no-such-tag'], evidence: [], anchor: { ...c1.anchor } }],
        noted: true,
      };
      await send(store, speech.id, edit, how);
      expect((await store.saveNow()).state).toBe('saved');
      const { project, document } = await onDisk(store, speech.id);
      expect((project as { lastClaimNumber: number }).lastClaimNumber).toBe(9);
      const { annotations, revisions, fingerprint, content } = document as { annotations: Annotation[]; revisions: { id: string }[]; fingerprint: string; content: unknown };
      const added = annotations.find((a) => a.id === 'new-claim')!;
      expect(added.tagIds).toEqual([]);
      if (how === 'patch') expect(added.anchor.quote.exact).toBe('A new claim here.'); // a whole send keeps the editor's selectors
      expect(revisions).toHaveLength(1);
      // (The rest of the table differs as a whole send and a patch differ: a whole send keeps the
      // editor's selectors, a patch describes them from the marks; see patch.test.ts.)
      const { anchor: _anchor, createdAt: _created, updatedAt: _updated, ...claim } = added; // C1's times are the clock's when the test ran
      stored.push({ content, fingerprint, claim });
    }
    expect(stored[1]).toEqual(stored[0]);
  });
});

describe('the link rule on everything main is sent', () => {
  const linked = (text: string, href: string): ContentNode => ({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }, { type: 'em' }] });
  const HOSTILE = ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', '/relative/page', ' https://spaced.example/', 'https://reader:hunter2@example.org/'];

  it('keeps the words of an unsafe link and drops the link, sent whole or as a patch; safe links stay', async () => {
    for (const how of ['whole', 'patch'] as const) {
      const { store, speech } = await checkProject();
      const block: ContentNode = {
        type: 'paragraph',
        content: [linked('safe ', 'https://example.org/report'), linked('mail ', 'mailto:desk@example.org'), ...HOSTILE.map((href, i) => linked(`bad${i} `, href))],
      };
      await send(store, speech.id, { blocks: [block], annotations: () => [], noted: true }, how);
      await store.saveNow();
      const { document } = await onDisk(store, speech.id);
      const last = (document as { content: { content: ContentNode[] } }).content.content.at(-1)!;
      const runs = (last.content ?? []).map((run) => [run.text, run.marks?.map((mark) => (mark.type === 'link' ? `link ${String(mark.attrs?.href)}` : mark.type)) ?? []]);
      expect(runs).toEqual([
        ['safe ', ['link https://example.org/report', 'em']],
        ['mail ', ['link mailto:desk@example.org', 'em']],
        ...HOSTILE.map((_href, i) => [`bad${i} `, ['em']]),
      ]);
    }
  });
});

describe('attributes main is sent', () => {
  it('refuses attributes nested deeper than a plain value, before they reach the store, and the next saves still work', async () => {
    let deep: unknown = 'end';
    for (let i = 0; i < 9_000; i++) deep = { deeper: deep };
    const block = { type: 'paragraph', attrs: { nested: deep }, content: [{ type: 'text', text: 'Deep.', marks: [{ type: 'em', attrs: { nested: deep } }] }] };
    const patch = { base: 'v1', version: 'v2', from: 0, to: 0, blocks: [block], annotations: [] };
    const parsed = argumentSchemas.patchDocumentContent.safeParse(['00000000-0000-4000-8000-000000000000', patch]);
    expect(parsed.success).toBe(false);
    const whole = argumentSchemas.updateDocumentContent.safeParse(['00000000-0000-4000-8000-000000000000', { type: 'doc', content: [block] }, []]);
    expect(whole.success).toBe(false);
    // A plain attribute value still passes, and the store saves as before.
    const plain = { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Title', marks: [{ type: 'link', attrs: { href: 'https://example.org/' } }] }] };
    expect(argumentSchemas.patchDocumentContent.safeParse(['00000000-0000-4000-8000-000000000000', { ...patch, blocks: [plain] }]).success).toBe(true);
    const { store, speech } = await checkProject();
    await send(store, speech.id, { blocks: [plain], annotations: () => [], noted: true }, 'patch');
    expect((await store.saveNow()).state).toBe('saved');
  });
});
