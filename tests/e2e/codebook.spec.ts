/**
 * The codebook in Chromium against the real services: an analyst builds the project's tags —
 * creates, nests, renames, recolours — is told plainly when a name is taken, and deletes a tag in
 * use only after being told how many annotations carry it. The files on disk follow.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useHost } from './support/host.js';

const host = useHost();

interface StoredTag {
  id: string;
  name: string;
  colour: string;
  parentId: string | null;
}

/** Calls the contract the way the page does (the annotation tools are not part of this test). */
async function call(page: Page, name: string, ...args: unknown[]): Promise<unknown> {
  const response = await page.request.post(`${host().origin}/api/${name}`, { headers: { 'X-Factmark-Token': host().token, Origin: host().origin }, data: { args } });
  const result = (await response.json()) as { ok: boolean; value: unknown };
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return result.value;
}

async function tagsOnDisk(folder: string): Promise<StoredTag[]> {
  return (JSON.parse(await readFile(join(folder, 'project.json'), 'utf8')) as { tags: StoredTag[] }).tags;
}

/** Adds a tag through the "New tag" dialog, optionally inside another tag. */
async function addTag(page: Page, codebook: Locator, name: string, parent?: string): Promise<void> {
  await codebook.getByRole('button', { name: 'New tag' }).click();
  const dialog = page.getByRole('dialog', { name: 'New tag' });
  await dialog.getByLabel('Name').fill(name);
  if (parent) await dialog.getByLabel('Parent tag').selectOption({ label: parent });
  await dialog.getByRole('button', { name: 'Add tag' }).click();
  await expect(dialog).toBeHidden();
}

/** The list item of a tag (it holds the tags nested under it too). */
const tagItem = (codebook: Locator, name: string) => codebook.getByRole('listitem').filter({ has: codebook.page().getByText(name, { exact: true }) }).last();

test('build a codebook: create, nest, rename, recolour, refuse a taken name, delete a tag in use after asking, merge', async ({ page }, testInfo) => {
  const folder = join(host().workDir, 'Election desk.factmark');
  await page.goto(host().url);
  await page.getByRole('button', { name: 'New project…' }).click();
  await page.getByLabel('Folder for the new project').fill(folder);
  await page.getByRole('button', { name: 'Create project' }).click();

  const codebook = page.getByRole('region', { name: /^Codebook/ });
  await expect(codebook).toContainText('No tags yet');

  // Keyboard only: the "New tag" button, type a name, Enter adds it.
  await codebook.getByRole('button', { name: 'New tag' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'New tag' }).getByLabel('Name')).toBeFocused();
  await page.keyboard.type('Economy');
  await page.keyboard.press('Enter');
  await expect(codebook.getByText('Economy', { exact: true })).toBeVisible();

  await addTag(page, codebook, 'Prices', 'Economy');
  await addTag(page, codebook, 'Health');
  await addTag(page, codebook, 'تضليل');
  await expect(tagItem(codebook, 'Economy').getByRole('list')).toContainText('Prices');
  await expect(codebook.getByText('تضليل', { exact: true })).toHaveAttribute('dir', 'auto');

  // A taken name, in another case: refused with a message in the dialog, nothing added.
  await codebook.getByRole('button', { name: 'New tag' }).click();
  const duplicate = page.getByRole('dialog', { name: 'New tag' });
  await duplicate.getByLabel('Name').fill(' ECONOMY ');
  await duplicate.getByRole('button', { name: 'Add tag' }).click();
  await expect(duplicate.getByRole('alert')).toHaveText('A tag named “Economy” already exists. Choose another name, or merge the two tags.');
  await page.screenshot({ path: testInfo.outputPath('codebook-duplicate-light.png') });
  await duplicate.getByRole('button', { name: 'Cancel' }).click();
  expect((await tagsOnDisk(folder)).map((t) => t.name)).toEqual(['Economy', 'Prices', 'Health', 'تضليل']);

  // Rename and recolour Prices; nest Health under Economy.
  await codebook.getByRole('button', { name: 'Edit tag Prices' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit tag “Prices”' });
  await edit.getByLabel('Name').fill('Fuel prices');
  await edit.getByRole('radio', { name: 'Green' }).check();
  await edit.getByLabel('Description').fill('Prices of petrol, diesel and gas');
  await edit.getByRole('button', { name: 'Save tag' }).click();
  await expect(edit).toBeHidden();
  await expect(codebook.getByText('Fuel prices', { exact: true })).toHaveAttribute('title', 'Prices of petrol, diesel and gas');

  await codebook.getByRole('button', { name: 'Edit tag Health' }).click();
  await page.getByRole('dialog', { name: 'Edit tag “Health”' }).getByLabel('Parent tag').selectOption({ label: 'Economy' });
  await page.getByRole('button', { name: 'Save tag' }).click();
  await expect(tagItem(codebook, 'Economy').getByRole('list')).toContainText('Health');

  // Economy cannot go under one of its own children: the dialog does not offer them.
  await codebook.getByRole('button', { name: 'Edit tag Economy' }).click();
  const options = await page.getByRole('dialog').getByLabel('Parent tag').locator('option').allTextContents();
  expect(options.map((o) => o.trim())).toEqual(['None (top level)', 'تضليل']);
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  let tags = await tagsOnDisk(folder);
  const id = (name: string) => tags.find((t) => t.name === name)!.id;
  expect(tags.find((t) => t.name === 'Fuel prices')).toMatchObject({ colour: '#2f9a4f', parentId: id('Economy') });
  expect(tags.find((t) => t.name === 'Health')!.parentId).toBe(id('Economy'));

  // Annotations carrying the tags (the annotation tools are another test's subject).
  const summary = (await call(page, 'createDocument', { title: 'Speech', text: 'The minister said prices fell.' })) as { id: string };
  const opened = (await call(page, 'getDocument', summary.id)) as { document: { content: unknown } };
  const note = (n: string, tagIds: string[]) => ({
    id: n,
    kind: 'note',
    anchor: { quote: { exact: 'The', prefix: '', suffix: ' minister' }, position: { start: 0, end: 3 } },
    tagIds,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  });
  await call(page, 'updateDocumentContent', summary.id, opened.document.content, [note('n1', [id('Economy')]), note('n2', [id('Fuel prices'), id('Economy')]), note('n3', [id('Health')])]);
  await call(page, 'saveNow');
  await page.reload();
  await expect(tagItem(codebook, 'Fuel prices').locator('.count')).toHaveText(/^1/);
  await expect(codebook.getByRole('listitem').first().locator('.tag-row').first()).toContainText('2 annotations');

  await page.emulateMedia({ colorScheme: 'light' });
  await codebook.screenshot({ path: testInfo.outputPath('codebook-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await codebook.screenshot({ path: testInfo.outputPath('codebook-dark.png') });
  await codebook.getByRole('button', { name: 'Edit tag Fuel prices' }).click();
  await page.screenshot({ path: testInfo.outputPath('codebook-edit-dark.png') });
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await page.emulateMedia({ colorScheme: 'light' });

  // Deleting a tag in use asks first; Cancel keeps it.
  await codebook.getByRole('button', { name: 'Delete tag Economy' }).click();
  const question = page.getByRole('dialog', { name: 'Delete tag “Economy”?' });
  await expect(question).toContainText('2 annotations carry it.');
  await expect(question).toContainText('The tags under it move to the top level.');
  await page.screenshot({ path: testInfo.outputPath('codebook-delete-light.png') });
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(codebook.getByText('Economy', { exact: true })).toBeVisible();

  await codebook.getByRole('button', { name: 'Delete tag Economy' }).click();
  await page.getByRole('dialog', { name: 'Delete tag “Economy”?' }).getByRole('button', { name: 'Delete tag' }).click();
  await expect(codebook.getByText('Economy', { exact: true })).toBeHidden();
  await expect(codebook.getByRole('heading', { name: /^Codebook/ })).toBeFocused();

  // An unused tag goes without a question.
  await codebook.getByRole('button', { name: 'Delete tag تضليل' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(codebook.getByText('تضليل', { exact: true })).toBeHidden();

  tags = await tagsOnDisk(folder);
  expect(tags.map((t) => [t.name, t.parentId])).toEqual([['Fuel prices', null], ['Health', null]]);
  const annotationsOnDisk = async () => {
    const stored = JSON.parse(await readFile(join(folder, 'documents', `${summary.id}.json`), 'utf8')) as { annotations: { id: string; tagIds: string[] }[] };
    return Object.fromEntries(stored.annotations.map((a) => [a.id, a.tagIds]));
  };
  expect(await annotationsOnDisk()).toEqual({ n1: [], n2: [id('Fuel prices')], n3: [id('Health')] });

  // Merge Health into Fuel prices: the dialog says what will happen; the annotations follow.
  await codebook.getByRole('button', { name: 'Merge Health into…' }).click();
  const merge = page.getByRole('dialog', { name: 'Merge “Health” into another tag' });
  await expect(merge).toContainText('1 annotation carries “Health”.');
  await expect(merge).toContainText('Annotations tagged “Health” will carry “Fuel prices” instead (once, where they already carry both) and “Health” is deleted.');
  await merge.getByLabel('Merge into').selectOption({ label: 'Fuel prices' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('codebook-merge-dark.png') });
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(codebook.getByText('Health', { exact: true })).toBeHidden();
  await expect(tagItem(codebook, 'Fuel prices').locator('.count')).toHaveText(/^2/);
  expect(await annotationsOnDisk()).toEqual({ n1: [], n2: [id('Fuel prices')], n3: [id('Fuel prices')] });
});
