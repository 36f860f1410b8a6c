/**
 * Migrations: the mechanism with an injected table (an imagined schema 0 → 1, then production's
 * 1 → 2 and 2 → 3), the refusal of newer files, and the original kept as `<file>.v<old>.bak`. The real
 * schema 1 → 2 migration of a project the foundation wrote is tested in schema-2.test.ts.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, StoredProject } from '../../../shared/model/index.js';
import { textToContent } from '../../../shared/text.js';
import { textFingerprint } from '../../../main/services/store/document-content.js';
import { migrate, MIGRATIONS, type MigrationTable } from '../../../main/services/store/migrations.js';
import { ProjectStore } from '../../../main/services/store/project-store.js';
import { expectCode, paragraphs, tempDir, testOptions } from './helpers.js';

/** The imagined schema 0: a project had `title` for `name`; a document had plain `text` for `content`. Then production's steps. */
const FROM_V0: MigrationTable = {
  ...MIGRATIONS,
  0: (data, kind) => {
    if (kind === 'project') {
      const { title, ...rest } = data;
      return { ...rest, name: title };
    }
    const { text, ...rest } = data;
    const content = textToContent(String(text));
    return { ...rest, content, fingerprint: textFingerprint(content) };
  },
};

describe('migrate', () => {
  it('leaves a current file as it is', () => {
    const data = { schemaVersion: SCHEMA_VERSION, name: 'x' };
    expect(migrate(data, 'project')).toEqual({ data, fromVersion: SCHEMA_VERSION });
  });

  it('brings an older file forward through the table and sets its version', () => {
    const result = migrate({ schemaVersion: 0, title: 'Old name', id: 'p' }, 'project', FROM_V0);
    expect(result).toMatchObject({ fromVersion: 0, data: { schemaVersion: 3, name: 'Old name', id: 'p', activeRatingScaleId: 'truth' } });
    expect(result.data).not.toHaveProperty('title');
  });

  it('has production migrations from exactly the stored versions below the current one ', () => {
    const below = Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1);
    expect(Object.keys(MIGRATIONS).map(Number).sort((a, b) => a - b)).toEqual(below);
  });

  it('refuses a newer file, saying which versions', async () => {
    const error = await expectCode(() => migrate({ schemaVersion: SCHEMA_VERSION + 1 }, 'document'), 'PROJECT_TOO_NEW');
    expect(error.message).toBe(
      `This document file was made by a newer Factmark (schema ${SCHEMA_VERSION + 1}); this version reads up to ${SCHEMA_VERSION}; the file was not changed. Update Factmark to open it.`,
    );
  });

  it.each([
    ['no migration for its version', { schemaVersion: 0 }, /no migration from schema 0/],
    ['no version', { name: 'x' }, /no valid "schemaVersion"/],
    ['a version that is not a whole number', { schemaVersion: '1' }, /no valid "schemaVersion"/],
    ['a negative version', { schemaVersion: -1 }, /no valid "schemaVersion"/],
    ['no object', [1, 2], /does not hold a JSON object/],
  ])('calls a file with %s corrupt', async (_label, raw, why) => {
    expect((await expectCode(() => migrate(raw, 'project'), 'PROJECT_CORRUPT')).message).toMatch(why);
  });

  it('calls a file corrupt when its migration fails', async () => {
    const failing: MigrationTable = { 0: () => { throw new Error('no title'); } };
    expect((await expectCode(() => migrate({ schemaVersion: 0 }, 'project', failing), 'PROJECT_CORRUPT')).message).toMatch(/could not be migrated from schema 0: no title/);
  });
});

describe('opening an older project', () => {
  async function v0Project(): Promise<{ folder: string; projectBytes: string; documentBytes: string }> {
    const folder = join(await tempDir(), 'Old.factmark');
    await mkdir(join(folder, 'documents'), { recursive: true });
    const at = '2025-01-01T00:00:00.000Z';
    const projectBytes = JSON.stringify({ format: 'factmark-project', schemaVersion: 0, id: 'old', title: 'Old project', createdAt: at, updatedAt: at, documents: [{ id: 'd1', title: 'Memo', createdAt: at, updatedAt: at }] });
    const documentBytes = JSON.stringify({ schemaVersion: 0, id: 'd1', title: 'Memo', text: 'Line one.\nLine two.', createdAt: at, updatedAt: at });
    await writeFile(join(folder, 'project.json'), projectBytes);
    await writeFile(join(folder, 'documents', 'd1.json'), documentBytes);
    return { folder, projectBytes, documentBytes };
  }

  it('reads it migrated but changes no file until a save, then keeps each original as .v0.bak', async () => {
    const { folder, projectBytes, documentBytes } = await v0Project();
    const store = await ProjectStore.open(folder, testOptions({ migrations: FROM_V0, autosaveDelayMs: 60_000 }));
    expect(store.project.name).toBe('Old project');
    expect((await store.getDocument('d1')).content).toEqual(paragraphs('Line one.', 'Line two.'));
    expect(await readFile(join(folder, 'project.json'), 'utf8')).toBe(projectBytes);
    expect(await readFile(join(folder, 'documents', 'd1.json'), 'utf8')).toBe(documentBytes);

    store.updateDocumentContent('d1', paragraphs('Edited.'), [], { reason: 'edit' });
    await store.saveNow();
    expect(await readFile(join(folder, 'project.json.v0.bak'), 'utf8')).toBe(projectBytes);
    expect(await readFile(join(folder, 'documents', 'd1.json.v0.bak'), 'utf8')).toBe(documentBytes);
    expect(StoredProject.parse(JSON.parse(await readFile(join(folder, 'project.json'), 'utf8')))).toMatchObject({ schemaVersion: 3, name: 'Old project', activeRatingScaleId: 'truth' });

    store.updateDocumentContent('d1', paragraphs('Edited twice.'), [], { reason: 'edit' });
    await store.close();
    expect((await readdir(folder)).filter((name) => name.includes('.v0'))).toEqual(['project.json.v0.bak']);
    const again = await ProjectStore.open(folder, testOptions());
    expect((await again.getDocument('d1')).content).toEqual(paragraphs('Edited twice.'));
    await again.close();
  });

  it('never replaces an earlier version backup', async () => {
    const { folder, projectBytes } = await v0Project();
    await writeFile(join(folder, 'project.json.v0.bak'), 'an earlier original');
    const store = await ProjectStore.open(folder, testOptions({ migrations: FROM_V0 }));
    await store.getDocument('d1');
    await store.renameDocument('d1', 'Memo, renamed');
    await store.close();
    expect(await readFile(join(folder, 'project.json.v0.bak'), 'utf8')).toBe('an earlier original');
    expect(await readFile(join(folder, 'project.json.v0-2.bak'), 'utf8')).toBe(projectBytes);
  });

  it('is refused, untouched, by a build that has no migration for it', async () => {
    const { folder, projectBytes } = await v0Project();
    await expectCode(ProjectStore.open(folder, testOptions()), 'PROJECT_CORRUPT');
    expect(await readFile(join(folder, 'project.json'), 'utf8')).toBe(projectBytes);
  });
});
