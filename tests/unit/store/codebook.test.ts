/**
 * The codebook: the pure rules (names, nesting, delete, merge, palette) and the store's tag calls
 * on real files — annotations in every document follow a delete or a merge, on disk and after reopening.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nextTagColour, TAG_PALETTE } from '../../../shared/codebook/palette.js';
import { remapTagIds } from '../../../shared/codebook/remap.js';
import { tagRows } from '../../../shared/codebook/tree.js';
import { Note, StoredDocument, type Annotation, type Tag } from '../../../shared/model/index.js';
import { createTag, deleteTag, mergeTags, updateTag } from '../../../main/services/store/codebook.js';
import { ProjectStore } from '../../../main/services/store/project-store.js';
import { expectCode, failure, paragraphs, tempDir, testOptions } from './helpers.js';

/** A codebook built by the rules themselves, ids t1, t2, … in order. */
function codebook(...specs: { name: string; parent?: string }[]): Tag[] {
  return specs.reduce<Tag[]>((tags, spec, index) => createTag(tags, { name: spec.name, parentId: spec.parent ?? null }, `t${index + 1}`), []);
}

const parents = (tags: Tag[]) => Object.fromEntries(tags.map((tag) => [tag.name, tag.parentId]));

describe('codebook rules', () => {
  it('trims names and refuses an empty name or one another tag has, whatever the case', async () => {
    const tags = codebook({ name: '  Needs   context ' });
    expect(tags[0]).toMatchObject({ name: 'Needs context', description: '', parentId: null, colour: TAG_PALETTE[0]!.hex });
    expect((await expectCode(() => createTag(tags, { name: '   ' }, 'x'), 'INVALID_ARGUMENT')).message).toBe('A tag needs a name.');
    const duplicate = await expectCode(() => createTag(tags, { name: 'NEEDS CONTEXT' }, 'x'), 'ALREADY_EXISTS');
    expect(duplicate.message).toContain('A tag named “Needs context” already exists');
  });

  it('keeps Arabic names and tells them apart from others', () => {
    const tags = codebook({ name: 'تضليل' }, { name: 'سياق ناقص' });
    expect(tags.map((t) => t.name)).toEqual(['تضليل', 'سياق ناقص']);
    expect(() => createTag(tags, { name: ' تضليل ' }, 'x')).toThrow(/already exists/);
  });

  it('renames (its own name in another case is fine), recolours, describes and re-parents', () => {
    let tags = codebook({ name: 'Health' }, { name: 'Vaccines' });
    tags = updateTag(tags, 't1', { name: 'HEALTH', colour: '#ABCDEF', description: ' Medicine and public health ' });
    tags = updateTag(tags, 't2', { parentId: 't1' });
    expect(tags).toEqual([
      { id: 't1', name: 'HEALTH', colour: '#abcdef', description: 'Medicine and public health', parentId: null },
      { id: 't2', name: 'Vaccines', colour: TAG_PALETTE[1]!.hex, description: '', parentId: 't1' },
    ]);
    expect(updateTag(tags, 't2', { parentId: null })[1]!.parentId).toBeNull();
    expect(() => updateTag(tags, 't2', { name: 'health' })).toThrow('A tag named “HEALTH” already exists');
  });

  it('refuses a cycle, a tag under itself, an unknown parent and an unknown tag', async () => {
    const tags = codebook({ name: 'Economy' }, { name: 'Prices', parent: 't1' }, { name: 'Fuel', parent: 't2' });
    const cycle = await expectCode(() => updateTag(tags, 't1', { parentId: 't3' }), 'INVALID_ARGUMENT');
    expect(cycle.message).toBe('“Economy” cannot be placed under “Fuel”, because “Fuel” is inside “Economy”. Move “Fuel” out first.');
    await expectCode(() => updateTag(tags, 't1', { parentId: 't1' }), 'INVALID_ARGUMENT');
    await expectCode(() => updateTag(tags, 't1', { parentId: 'gone' }), 'NOT_FOUND');
    await expectCode(() => createTag(tags, { name: 'New', parentId: 'gone' }, 't9'), 'NOT_FOUND');
    await expectCode(() => updateTag(tags, 'gone', { name: 'x' }), 'NOT_FOUND');
    await expectCode(() => updateTag(tags, 't1', { colour: 'red' }), 'INVALID_ARGUMENT');
  });

  it('moves the children of a deleted tag up to its parent', () => {
    const tags = codebook({ name: 'Economy' }, { name: 'Prices', parent: 't1' }, { name: 'Fuel', parent: 't2' }, { name: 'Food', parent: 't2' });
    expect(parents(deleteTag(tags, 't2'))).toEqual({ Economy: null, Fuel: 't1', Food: 't1' });
    expect(parents(deleteTag(tags, 't1'))).toEqual({ Prices: null, Fuel: 't2', Food: 't2' });
  });

  it('merges: children move under the kept tag, even when the kept tag sat inside the merged one', async () => {
    const tags = codebook({ name: 'Economy' }, { name: 'Prices', parent: 't1' }, { name: 'Fuel', parent: 't2' }, { name: 'Money' });
    expect(parents(mergeTags(tags, 't1', 't4'))).toEqual({ Prices: 't4', Fuel: 't2', Money: null });
    // Fuel sits inside Economy: it takes Economy's place, and Prices (its old parent) goes under it.
    expect(parents(mergeTags(tags, 't1', 't3'))).toEqual({ Prices: 't3', Fuel: null, Money: null });
    await expectCode(() => mergeTags(tags, 't1', 't1'), 'INVALID_ARGUMENT');
    await expectCode(() => mergeTags(tags, 't1', 'gone'), 'NOT_FOUND');
  });

  it('remaps annotation tags: deleted ones go, merged ones are carried once', () => {
    const unchanged = ['a', 'b'];
    expect(remapTagIds(unchanged, { c: null })).toBe(unchanged);
    expect(remapTagIds(['a', 'b', 'c'], { b: null })).toEqual(['a', 'c']);
    expect(remapTagIds(['a', 'b'], { a: 'b' })).toEqual(['b']);
    expect(remapTagIds(['a', 'c'], { a: 'b' })).toEqual(['b', 'c']);
  });

  it('hands out the next unused palette colour, then starts the palette again', () => {
    expect(nextTagColour([])).toBe(TAG_PALETTE[0]!.hex);
    expect(nextTagColour([{ colour: TAG_PALETTE[0]!.hex.toUpperCase() }, { colour: TAG_PALETTE[2]!.hex }])).toBe(TAG_PALETTE[1]!.hex);
    expect(nextTagColour(TAG_PALETTE.map((c) => ({ colour: c.hex })))).toBe(TAG_PALETTE[0]!.hex);
    expect(new Set(TAG_PALETTE.map((c) => c.hex)).size).toBe(TAG_PALETTE.length);
  });

  it('has a palette that keeps 3:1 contrast against the light and the dark backgrounds', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: string, b: string) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    // The panel and page backgrounds of renderer/styles/app.css, light and dark.
    for (const background of ['#ffffff', '#fffefb', '#f6f5f1', '#1f2226', '#1b1d21', '#17191c']) {
      for (const colour of TAG_PALETTE) expect(contrast(colour.hex, background), `${colour.name} on ${background}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('orders the tree with children under their parents, and shows a tag with a missing parent at the top', () => {
    const tags = [...codebook({ name: 'Zeta' }, { name: 'Alpha' }, { name: 'Child', parent: 't1' }), { id: 'o', name: 'Orphan', colour: '#000000', description: '', parentId: 'missing' }];
    expect(tagRows(tags).map((row) => `${'-'.repeat(row.depth)}${row.tag.name}`)).toEqual(['Alpha', 'Orphan', 'Zeta', '-Child']);
    const loop = [
      { id: 'a', name: 'A', colour: '#000000', description: '', parentId: 'b' },
      { id: 'b', name: 'B', colour: '#000000', description: '', parentId: 'a' },
    ];
    expect(tagRows(loop).map((row) => `${'-'.repeat(row.depth)}${row.tag.name}`)).toEqual(['A', '-B']);
  });
});

const open: ProjectStore[] = [];
afterEach(async () => {
  for (const store of open.splice(0)) await store.close().catch(() => undefined);
});

/** A note on the first words of a document carrying `tagIds`. */
function note(id: string, tagIds: string[]): Annotation {
  return Note.parse({
    id,
    kind: 'note',
    anchor: { quote: { exact: 'The', prefix: '', suffix: ' minister' }, position: { start: 0, end: 3 } },
    tagIds,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  });
}

/** A project with tags Economy > Prices and Health, and two documents whose notes carry them. */
async function taggedProject() {
  const dir = await tempDir();
  const store = await ProjectStore.create(join(dir, 'Tags'), 'Tags', testOptions());
  open.push(store);
  const economy = await store.createTag({ name: 'Economy' });
  const prices = await store.createTag({ name: 'Prices', parentId: economy.id, description: 'What things cost' });
  const health = await store.createTag({ name: 'Health' });
  const first = await store.createDocument('Speech', 'The minister said prices fell.');
  const second = await store.createDocument('Interview', 'The minister said hospitals opened.');
  store.updateDocumentContent(first.id, paragraphs('The minister said prices fell.'), [note('n1', [prices.id, economy.id]), note('n2', [prices.id]), note('n3', [health.id])], { reason: 'edit' });
  store.updateDocumentContent(second.id, paragraphs('The minister said hospitals opened.'), [note('n4', [prices.id, health.id])], { reason: 'edit' });
  await store.saveNow();
  return { store, economy, prices, health, first, second };
}

const storedTags = async (store: ProjectStore, documentId: string) => {
  const stored = StoredDocument.parse(JSON.parse(await readFile(join(store.path, 'documents', `${documentId}.json`), 'utf8')));
  return Object.fromEntries(stored.annotations.map((a) => [a.id, a.tagIds]));
};

describe('the store and the codebook', () => {
  it('creates tags with palette colours and writes them to project.json at once', async () => {
    const { store, economy, prices } = await taggedProject();
    const onDisk = JSON.parse(await readFile(join(store.path, 'project.json'), 'utf8')) as { tags: Tag[] };
    expect(onDisk.tags.map((t) => [t.name, t.colour, t.parentId])).toEqual([
      ['Economy', TAG_PALETTE[0]!.hex, null],
      ['Prices', TAG_PALETTE[1]!.hex, economy.id],
      ['Health', TAG_PALETTE[2]!.hex, null],
    ]);
    expect(prices.description).toBe('What things cost');
    const duplicate = await expectCode(store.createTag({ name: 'economy' }), 'ALREADY_EXISTS');
    expect(duplicate.message).toContain('A tag named “Economy” already exists');
    expect(store.project.tags).toHaveLength(3);
  });

  it('counts the annotations carrying each tag over every document, including ones not loaded yet', async () => {
    const { store, economy, prices, health } = await taggedProject();
    const path = store.path;
    await store.close();
    const reopened = await ProjectStore.open(path, testOptions());
    open.push(reopened);
    expect(await reopened.tagUsage()).toEqual({ [economy.id]: 1, [prices.id]: 3, [health.id]: 2 });
  });

  it('deleting a tag in use rewrites every document on disk, loaded or not, and moves its children up', async () => {
    const { store, economy, prices, health, first, second } = await taggedProject();
    const path = store.path;
    await store.close();
    const reopened = await ProjectStore.open(path, testOptions());
    open.push(reopened);
    await reopened.getDocument(first.id); // one document loaded, the other only on disk
    await reopened.deleteTag(economy.id);
    expect(reopened.project.tags.map((t) => [t.name, t.parentId])).toEqual([['Prices', null], ['Health', null]]);
    await reopened.deleteTag(prices.id);
    expect(await storedTags(reopened, first.id)).toEqual({ n1: [], n2: [], n3: [health.id] });
    expect(await storedTags(reopened, second.id)).toEqual({ n4: [health.id] });
    expect((await reopened.getDocument(second.id)).annotations[0]!.tagIds).toEqual([health.id]);
    await expectCode(reopened.deleteTag(prices.id), 'NOT_FOUND');
  });

  it('merging carries the kept tag once, moves the children, and survives reopening', async () => {
    const { store, economy, prices, health, first, second } = await taggedProject();
    const child = await store.createTag({ name: 'Fuel prices', parentId: prices.id });
    await store.mergeTags(prices.id, economy.id);
    expect(await storedTags(store, first.id)).toEqual({ n1: [economy.id], n2: [economy.id], n3: [health.id] });
    expect(await storedTags(store, second.id)).toEqual({ n4: [economy.id, health.id] });
    expect(await store.tagUsage()).toEqual({ [economy.id]: 3, [health.id]: 2, [child.id]: 0 });

    const path = store.path;
    await store.close();
    const reopened = await ProjectStore.open(path, testOptions());
    open.push(reopened);
    expect(reopened.project.tags.map((t) => [t.name, t.parentId])).toEqual([['Economy', null], ['Health', null], ['Fuel prices', economy.id]]);
    expect((await reopened.getDocument(second.id)).annotations[0]!.tagIds).toEqual([economy.id, health.id]);
    await reopened.updateTag(health.id, { name: 'Public health', colour: '#123456', parentId: economy.id });
    await expectCode(reopened.updateTag(economy.id, { parentId: health.id }), 'INVALID_ARGUMENT');
    await reopened.close();
    const again = await ProjectStore.open(path, testOptions());
    open.push(again);
    expect(again.project.tags.find((t) => t.id === health.id)).toMatchObject({ name: 'Public health', colour: '#123456', parentId: economy.id });
  });

  it('changes nothing when a document cannot be read, and says which one', async () => {
    const { store, prices, first } = await taggedProject();
    const path = store.path;
    await store.close();
    await writeFile(join(path, 'documents', `${first.id}.json`), '{"broken');
    const reopened = await ProjectStore.open(path, testOptions());
    open.push(reopened);
    const error = await failure(reopened.deleteTag(prices.id));
    expect(error.message).toMatch(/^The tag “Prices” was not deleted, because the document “Speech” could not be read/);
    expect(reopened.project.tags.map((t) => t.name)).toContain('Prices');
  });
});
