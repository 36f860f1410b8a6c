/**
 * A claim's corrections log is append-only, and main enforces it: a whole send or a patch whose
 * claim drops, changes or reorders a stored entry, or adds one without a reason, is refused with
 * the claim's short id, and nothing changes; entries added after the stored ones are kept, on disk
 * and after reopening. Through the store on real files.
 */
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { documentNode } from '../../../shared/annotations/table.js';
import type { ContentPatch } from '../../../shared/contract.js';
import { argumentSchemas } from '../../../shared/contract-validation.js';
import { Correction, type Annotation, type Claim } from '../../../shared/model/index.js';
import type { ProjectStore } from '../../../main/services/store/project-store.js';
import { DocumentSender } from '../../../renderer/editor/document-sender.js';
import { checkProject, openStore } from './check-project.js';
import { expectCode } from './helpers.js';

const MOSTLY_TRUE = { levelId: 'truth-mostly-true', special: null, conclusion: '' };
const FALSE = { levelId: 'truth-false', special: null, conclusion: 'The figure is 2%.' };

/** One entry of a log, as the card records it. */
const entry = (at: string, reason: string, before = MOSTLY_TRUE, after = FALSE) => Correction.parse({ at, before, after, reason });

/** `annotations` with claim `shortId` changed by `change`. */
function withClaim(annotations: readonly Annotation[], shortId: string, change: (claim: Claim) => Claim): Annotation[] {
  return annotations.map((a) => (a.kind === 'claim' && a.shortId === shortId ? change(a) : a));
}

const refusal = (shortId: string) => `Claim ${shortId}: an entry of its corrections log cannot be removed or changed; record a new correction instead. (The changes to “Speech” were not saved.)`;

/** The check project with C2 done on "False" and one correction in its log, saved. */
async function correctedProject() {
  const project = await checkProject();
  const { store, speech } = project;
  const document = await store.getDocument(speech.id);
  const first = entry('2026-01-02T10:00:00.000Z', 'The agency revised its figure.');
  store.updateDocumentContent(speech.id, document.content, withClaim(document.annotations, 'C2', (c) => ({ ...c, status: 'done', verdict: FALSE, corrections: [first] })));
  await store.saveNow();
  return { ...project, first };
}

/** Sends the document with `annotations` as a patch on the version main holds, as it travels (clone, then the contract's validation). */
async function sendAsPatch(store: ProjectStore, id: string, annotations: readonly Annotation[]): Promise<void> {
  const opened = await store.openedDocument(id);
  const sender = DocumentSender.from(documentNode(opened.document.content, opened.document.annotations), opened.version);
  const patch: ContentPatch = sender.next(documentNode(opened.document.content, annotations));
  expect(patch.base).toBe(opened.version);
  await store.patchDocumentContent(...argumentSchemas.patchDocumentContent.parse(deserialize(serialize([id, patch]))));
}

describe('the corrections log', () => {
  it('takes entries added after the stored ones, and keeps them on disk', async () => {
    const { store, speech, first } = await correctedProject();
    const document = await store.getDocument(speech.id);
    const second = entry('2026-01-03T10:00:00.000Z', 'A second survey confirms the first.', FALSE, { ...FALSE, conclusion: 'It is 2.1%.' });
    store.updateDocumentContent(speech.id, document.content, withClaim(document.annotations, 'C2', (c) => ({ ...c, verdict: second.after, corrections: [...c.corrections, second] })));
    await store.saveNow();
    const path = store.path;
    await store.close();
    const reopened = await openStore(path);
    const c2 = (await reopened.getDocument(speech.id)).annotations.find((a) => a.kind === 'claim' && a.shortId === 'C2') as Claim;
    expect(c2.corrections).toEqual([first, second]);
  });

  it.each<[string, (log: Claim['corrections']) => Claim['corrections']]>([
    ['an entry removed', () => []],
    ['an entry changed', (log) => [{ ...log[0]!, reason: 'A better reason.' }]],
    ['an entry replaced by a new one', () => [entry('2026-01-04T10:00:00.000Z', 'Another reason.')]],
    ['the entries reordered', (log) => [entry('2026-01-03T10:00:00.000Z', 'Later.', FALSE, MOSTLY_TRUE), ...log]],
  ])('refuses a whole send with %s, naming the claim, and changes nothing', async (_label, rewrite) => {
    const { store, speech } = await correctedProject();
    const document = await store.getDocument(speech.id);
    const sent = withClaim(document.annotations, 'C2', (c) => ({ ...c, corrections: rewrite(c.corrections) }));
    const error = await expectCode(() => store.updateDocumentContent(speech.id, document.content, sent), 'INVALID_ARGUMENT');
    expect(error.message).toBe(refusal('C2'));
    expect(await store.getDocument(speech.id)).toBe(document);
  });

  it('refuses a patch that rewrites the log, and takes one that appends to it', async () => {
    const { store, speech, first } = await correctedProject();
    const document = await store.getDocument(speech.id);
    const emptied = withClaim(document.annotations, 'C2', (c) => ({ ...c, corrections: [] }));
    const error = await expectCode(sendAsPatch(store, speech.id, emptied), 'INVALID_ARGUMENT');
    expect(error.message).toBe(refusal('C2'));
    expect(await store.getDocument(speech.id)).toBe(document);

    const second = entry('2026-01-03T10:00:00.000Z', 'Checked again.', FALSE, MOSTLY_TRUE);
    await sendAsPatch(store, speech.id, withClaim(document.annotations, 'C2', (c) => ({ ...c, verdict: MOSTLY_TRUE, corrections: [first, second] })));
    const c2 = (await store.getDocument(speech.id)).annotations.find((a) => a.kind === 'claim' && a.shortId === 'C2') as Claim;
    expect(c2.corrections).toEqual([first, second]);
  });

  it('refuses an added entry whose reason is blank, for a stored claim and a new one alike', async () => {
    const { store, speech, first } = await correctedProject();
    const document = await store.getDocument(speech.id);
    const blank = { ...entry('2026-01-03T10:00:00.000Z', 'x'), reason: '   ' };
    const sent = withClaim(document.annotations, 'C2', (c) => ({ ...c, corrections: [first, blank] }));
    const error = await expectCode(() => store.updateDocumentContent(speech.id, document.content, sent), 'INVALID_ARGUMENT');
    expect(error.message).toBe('Claim C2: a correction needs its reason in words, since it is published with the correction. (The changes to “Speech” were not saved.)');
    const c1 = document.annotations.find((a) => a.kind === 'claim' && a.shortId === 'C1') as Claim;
    const added = [...document.annotations, { ...c1, id: 'a-new-claim', shortId: 'C9', orphaned: true, corrections: [blank] }];
    expect((await expectCode(() => store.updateDocumentContent(speech.id, document.content, added), 'INVALID_ARGUMENT')).message).toMatch(/^Claim C9: a correction needs its reason in words/);
    expect(await store.getDocument(speech.id)).toBe(document);
  });

  it('leaves a log alone that a send carries unchanged, whatever else changes on the claim', async () => {
    const { store, speech, first } = await correctedProject();
    const document = await store.getDocument(speech.id);
    store.updateDocumentContent(speech.id, document.content, withClaim(document.annotations, 'C2', (c) => ({ ...c, restatement: 'Unemployment fell to 4%.', corrections: c.corrections.map((e) => ({ ...e })) })));
    const c2 = (await store.getDocument(speech.id)).annotations.find((a) => a.kind === 'claim' && a.shortId === 'C2') as Claim;
    expect(c2).toMatchObject({ restatement: 'Unemployment fell to 4%.', corrections: [first] });
  });
});
