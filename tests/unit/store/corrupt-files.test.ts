/**
 * Damaged files: each kind of damage gives the right code, a message naming the file, the backup
 * when there is one, and the damaged bytes stay exactly as they were.
 */
import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../shared/result.js';
import { ProjectStore } from '../../../main/services/store/project-store.js';
import { expectCode, paragraphs, tempDir, testOptions } from './helpers.js';

/** A project with two documents, each saved twice so every file has a `.bak`; closed. */
async function savedProject(): Promise<{ folder: string; first: string; second: string }> {
  const dir = await tempDir();
  const store = await ProjectStore.create(join(dir, 'Check'), 'Check', testOptions());
  const first = (await store.createDocument('First', 'One.')).id;
  const second = (await store.createDocument('Second', 'Two.')).id;
  for (const id of [first, second]) {
    await store.getDocument(id);
    store.updateDocumentContent(id, paragraphs(`Saved again ${id}.`), [], { reason: 'edit' });
  }
  await store.close();
  return { folder: store.path, first, second };
}

/** Each kind of damage, made from the file's good bytes. */
const damages: [string, (good: Buffer) => Buffer, ErrorCode, RegExp][] = [
  ['truncated JSON', (good) => good.subarray(0, Math.floor(good.length / 2)), 'PROJECT_CORRUPT', /not valid JSON/],
  ['garbage text', () => Buffer.from('qwe%%rty{{not json at all'), 'PROJECT_CORRUPT', /not valid JSON/],
  ['binary bytes', () => Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0x81]), randomBytes(200)]), 'PROJECT_CORRUPT', /binary/],
  ['an empty file', () => Buffer.alloc(0), 'PROJECT_CORRUPT', /empty/],
  ['valid JSON of the wrong shape', (good) => Buffer.from(JSON.stringify({ ...JSON.parse(good.toString()), createdAt: 42 })), 'PROJECT_CORRUPT', /"createdAt"/],
  ['a future schema version', (good) => Buffer.from(JSON.stringify({ ...JSON.parse(good.toString()), schemaVersion: 7 })), 'PROJECT_TOO_NEW', /newer Factmark \(schema 7\); this version reads up to 3; the file was not changed/],
];

describe('a damaged project.json', () => {
  it.each(damages)('%s', async (_label, damage, code, why) => {
    const { folder } = await savedProject();
    const file = join(folder, 'project.json');
    const bad = damage(await readFile(file));
    await writeFile(file, bad);
    const error = await expectCode(ProjectStore.open(folder, testOptions()), code);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(why);
    expect(error.path).toBe(file);
    if (code === 'PROJECT_CORRUPT') {
      expect(error.backupPath).toBe(`${file}.bak`);
      expect(error.message).toContain(`A backup of the previous save is at ${file}.bak`);
    }
    expect(await readFile(file)).toEqual(bad);
    // The failed open left no lock behind: once repaired from the backup, the project opens.
    await writeFile(file, await readFile(`${file}.bak`));
    const store = await ProjectStore.open(folder, testOptions());
    expect(store.project.name).toBe('Check');
    await store.close();
  });

  it('has no backupPath when there is no backup', async () => {
    const { folder } = await savedProject();
    const file = join(folder, 'project.json');
    await rm(`${file}.bak`);
    await writeFile(file, '{"format":"factmark-project","schemaVersion":1,"id":"x","na');
    const error = await expectCode(ProjectStore.open(folder, testOptions()), 'PROJECT_CORRUPT');
    expect(error.backupPath).toBeUndefined();
    expect(error.message).not.toContain('backup');
  });
});

describe('a damaged document', () => {
  it.each(damages)('%s: that document fails, the others still work, and the bytes stay', async (_label, damage, code, why) => {
    const { folder, first, second } = await savedProject();
    const file = join(folder, 'documents', `${first}.json`);
    const bad = damage(await readFile(file));
    await writeFile(file, bad);
    const store = await ProjectStore.open(folder, testOptions());
    const error = await expectCode(store.getDocument(first), code);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(why);
    if (code === 'PROJECT_CORRUPT') expect(error.backupPath).toBe(`${file}.bak`);
    await expectCode(store.renameDocument(first, 'Renamed'), code);

    await store.getDocument(second);
    store.updateDocumentContent(second, paragraphs('Still editable.'), [], { reason: 'edit' });
    await store.renameDocument(second, 'Second, renamed');
    expect(await store.saveNow()).toMatchObject({ state: 'saved' });
    await store.close();
    expect(await readFile(file)).toEqual(bad);
  });

  it('is corrupt when it holds another document, or text the editor cannot show', async () => {
    const { folder, first, second } = await savedProject();
    const file = join(folder, 'documents', `${first}.json`);
    await writeFile(file, await readFile(join(folder, 'documents', `${second}.json`)));
    const store = await ProjectStore.open(folder, testOptions());
    expect((await expectCode(store.getDocument(first), 'PROJECT_CORRUPT')).message).toMatch(`holds document "${second}"`);
    const other = join(folder, 'documents', `${second}.json`);
    const stored = JSON.parse(await readFile(other, 'utf8'));
    await writeFile(other, JSON.stringify({ ...stored, content: { type: 'doc', content: [{ type: 'text', text: 'loose text' }] } }));
    expect((await expectCode(store.getDocument(second), 'PROJECT_CORRUPT')).message).toMatch(/does not fit the document structure/);
    await store.close();
  });

  it('is NOT_FOUND when its file is missing, pointing at the backup', async () => {
    const { folder, first } = await savedProject();
    const file = join(folder, 'documents', `${first}.json`);
    await rm(file);
    const store = await ProjectStore.open(folder, testOptions());
    const error = await expectCode(store.getDocument(first), 'NOT_FOUND');
    expect(error.message).toContain(file);
    expect(error.backupPath).toBe(`${file}.bak`);
    await store.close();
  });

  it('can be read again once repaired, without reopening the project', async () => {
    const { folder, first } = await savedProject();
    const file = join(folder, 'documents', `${first}.json`);
    const good = await readFile(file);
    await writeFile(file, good.subarray(0, 10));
    const store = await ProjectStore.open(folder, testOptions());
    await expectCode(store.getDocument(first), 'PROJECT_CORRUPT');
    await writeFile(file, good);
    expect((await store.getDocument(first)).content).toEqual(paragraphs(`Saved again ${first}.`));
    await store.close();
  });
});
