/** getDocument's notices and reimportDocument's annotations, through the dispatch wrapper the hosts use. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentOf } from '../../../shared/annotations/table.js';
import type { ImportOutcome, OpenedDocument } from '../../../shared/contract.js';
import type { StoredDocument } from '../../../shared/model/index.js';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { createAppServices } from '../../../main/services/app-services.js';
import type { AppServices } from '../../../main/services/types.js';
import { annotatedDoc, contentFromText, notesOn } from '../annotations/support/documents.js';

let work: string;
let services: AppServices;

const run = async <T>(name: string, ...args: unknown[]): Promise<T> => {
  const result = await dispatch(services.handlers, name, args);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
};

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'factmark-services-'));
  services = await createAppServices({ host: 'desktop', settingsDir: join(work, 'settings'), version: '1.2.3', emit: () => undefined, autosaveDelayMs: 10 });
});

afterEach(async () => {
  await services.shutdown();
  await rm(work, { recursive: true, force: true });
});

/** Text in Windows-1252: "café" and "naïve" read wrongly as UTF-8 would be replaced characters. */
const TEXT = 'The café owner said the naïve plan failed.\nOfficials in Baghdad confirmed the 2023 security agreement.';

describe('documents with annotations through the services', () => {
  it('getDocument returns what reconciling did, once; reimportDocument keeps the annotations', async () => {
    const path = join(work, 'speech.txt');
    await writeFile(path, Buffer.from(TEXT, 'latin1'));
    await run('createProject', { path: join(work, 'Check'), name: 'Check' });
    const [outcome] = await run<ImportOutcome[]>('importFiles', [path], { encoding: 'windows-1252' });
    const id = outcome!.document!.id;
    const opened = await run<OpenedDocument>('getDocument', id);
    expect(opened.notices).toEqual([]);
    const text = TEXT;
    const spans = [{ id: 'deal', start: text.indexOf('the 2023'), end: text.indexOf(' security') + ' security agreement'.length }];
    await run('updateDocumentContent', id, contentOf(annotatedDoc(text, spans)), notesOn(text, spans), { reason: 'edit' });
    await run('saveNow');

    const { document: again, notices } = await run<OpenedDocument>('reimportDocument', id, 'utf-8');
    expect(notices).toEqual(['1 annotation was placed again after the text was read again with another encoding.']);
    expect(again.annotations).toMatchObject([{ id: 'deal', orphaned: false, anchor: { quote: { exact: 'the 2023 security agreement' } } }]);
    expect(JSON.stringify(again.content)).toContain('"annotation"');

    // The stored file changed outside Factmark: the next project open places the annotation again and says so.
    await run('closeProject');
    const file = join(work, 'Check.factmark', 'documents', `${id}.json`);
    const stored = JSON.parse(await readFile(file, 'utf8')) as StoredDocument;
    await writeFile(file, JSON.stringify({ ...stored, content: contentFromText(`Update: new paragraph.\n${TEXT}`) }));
    await run('openProject', join(work, 'Check.factmark'));
    const reopened = await run<OpenedDocument>('getDocument', id);
    expect(reopened.notices).toEqual(['1 annotation was placed again after the text changed outside Factmark.']);
    expect(reopened.document.annotations[0]!.anchor.quote.prefix).toContain('Baghdad confirmed ');
    expect((await run<OpenedDocument>('getDocument', id)).notices).toEqual([]);
  });
});
