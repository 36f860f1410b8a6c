/**
 * Schema 2: a project the foundation wrote (schema 1, tests/unit/store/fixtures/v1-project.factmark,
 * made by that build's own store) opens with the preset rating scales and the truth scale active,
 * keeps everything it held, and keeps its original bytes as `.v1.bak` on the first save.
 */
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import presets from '../../../assets/rating-scales.json';
import { SCHEMA_VERSION, StoredDocument, StoredProject } from '../../../shared/model/index.js';
import { ProjectStore } from '../../../main/services/store/project-store.js';
import { tempDir, testOptions } from './helpers.js';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'v1-project.factmark');

async function copyOfV1(): Promise<string> {
  const folder = join(await tempDir(), 'Election.factmark');
  await cp(FIXTURE, folder, { recursive: true });
  return folder;
}

describe('a schema-1 project', () => {
  it('opens migrated: presets added, truth scale active, its tags, documents and claims kept', async () => {
    const folder = await copyOfV1();
    const before = JSON.parse(await readFile(join(folder, 'project.json'), 'utf8'));
    expect(before.schemaVersion).toBe(1);
    const store = await ProjectStore.open(folder, testOptions());
    try {
      expect(SCHEMA_VERSION).toBe(3);
      expect(store.project).toMatchObject({ schemaVersion: 3, name: 'Election', tags: before.tags, documents: before.documents, lastClaimNumber: 1, activeRatingScaleId: 'truth' });
      expect(store.project.ratingScales).toEqual(presets);
      const document = await store.getDocument('v1-2');
      expect(document.schemaVersion).toBe(3);
      expect(document.annotations.map((a) => [a.kind, a.anchor.quote.exact])).toEqual([
        ['claim', 'unemployment fell to 4% last year'],
        ['sourceMention', 'a UN representative'],
      ]);
      expect(await store.listClaims()).toMatchObject([{ documentTitle: 'Speech', claim: { shortId: 'C1', claimant: 'The minister', status: 'researching' } }]);
    } finally {
      await store.close();
    }
  });

  it('changes no file until a save, then writes the current schema and keeps the originals as .v1.bak', async () => {
    const folder = await copyOfV1();
    const projectBytes = await readFile(join(folder, 'project.json'), 'utf8');
    const documentBytes = await readFile(join(folder, 'documents', 'v1-2.json'), 'utf8');
    const store = await ProjectStore.open(folder, testOptions({ autosaveDelayMs: 60_000 }));
    await store.getDocument('v1-2');
    expect(await readFile(join(folder, 'project.json'), 'utf8')).toBe(projectBytes);
    await store.setActiveRatingScale('afp-meta');
    await store.renameDocument('v1-2', 'Speech, 4 June');
    await store.close();
    expect(await readFile(join(folder, 'project.json.v1.bak'), 'utf8')).toBe(projectBytes);
    expect(await readFile(join(folder, 'documents', 'v1-2.json.v1.bak'), 'utf8')).toBe(documentBytes);
    const project = StoredProject.parse(JSON.parse(await readFile(join(folder, 'project.json'), 'utf8')));
    expect(project).toMatchObject({ schemaVersion: 3, activeRatingScaleId: 'afp-meta' });
    expect(project.ratingScales.map((s) => s.name)).toEqual(['Truth scale', 'AFP/Meta labels', 'Conclusion only']);
    expect(StoredDocument.parse(JSON.parse(await readFile(join(folder, 'documents', 'v1-2.json'), 'utf8')))).toMatchObject({ schemaVersion: 3, title: 'Speech, 4 June' });
  });
});

describe('a new project', () => {
  it('starts with the preset scales and the truth scale active', async () => {
    const store = await ProjectStore.create(join(await tempDir(), 'New'), 'New', testOptions());
    try {
      expect(store.project.ratingScales).toEqual(presets);
      expect(store.project.activeRatingScaleId).toBe('truth');
    } finally {
      await store.close();
    }
  });
});
