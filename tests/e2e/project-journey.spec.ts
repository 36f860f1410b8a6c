/**
 * An analyst's first path through Factmark in Chromium, against the real services: create a
 * project, add the sample article, edit it, reload, restart the host — and find everything there.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startHost, type RunningHost } from './browser-host.js';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

const TITLE = 'Khamenei calls for US exit';

async function createProject(page: Page, folder: string): Promise<void> {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New project…' }).click();
  await page.getByLabel('Folder for the new project').fill(folder);
  await page.getByRole('button', { name: 'Create project' }).click();
}

async function addDocument(page: Page, title: string, text: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'New document' }).click();
  await page.getByRole('dialog').getByLabel('Title').fill(title);
  await page.getByRole('dialog').getByLabel('Text', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Add document' }).click();
}

test('create a project, add the sample article, edit it, reload and restart: all there', async ({ page }, testInfo) => {
  const article = await readFile('tests/fixtures/article-iraq-iran.txt', 'utf8');
  const paragraphs = article.split('\n').filter((line) => line.trim() !== '');
  const folder = join(host.workDir, 'Iraq check.factmark');

  await createProject(page, folder);
  await expect(page.getByRole('heading', { name: 'Iraq check', level: 1 })).toBeVisible();
  await addDocument(page, TITLE, article);

  const text = page.getByRole('textbox', { name: `Text of ${TITLE}` });
  await expect(text.locator('p')).toHaveCount(paragraphs.length);
  await expect(text.locator('p').first()).toHaveText(paragraphs[0]!);
  // The damaged bytes arrive exactly as received: nothing is silently "fixed".
  await expect(text).toContainText('°®Âþµº');

  // The text opens read-only: a key typed there changes nothing. Edit text lets the analyst edit it.
  await text.locator('p').first().click();
  await page.keyboard.type('x');
  await expect(text.locator('p').first()).toHaveText(paragraphs[0]!);
  await page.getByRole('button', { name: 'Edit text' }).click();
  await text.locator('p').first().click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' [checked]');
  await expect(page.getByRole('status')).toHaveText(/All changes saved at/);
  await page.screenshot({ path: testInfo.outputPath('workspace-light.png'), fullPage: true });

  // On disk: the edit reached the document file.
  const docFiles = JSON.parse(await readFile(join(folder, 'project.json'), 'utf8')) as { documents: { id: string }[] };
  const stored = await readFile(join(folder, 'documents', `${docFiles.documents[0]!.id}.json`), 'utf8');
  expect(stored).toContain('[checked]');

  await page.reload();
  await page.getByRole('button', { name: TITLE, exact: true }).click();
  await expect(page.getByRole('textbox', { name: `Text of ${TITLE}` }).locator('p').last()).toHaveText(`${paragraphs.at(-1)} [checked]`);

  // Quit and start again: the project is in the recent list and opens as it was.
  await host.stop({ keepFiles: true });
  host = await startHost(host.workDir);
  await page.goto(host.url);
  await page.getByRole('button', { name: /^Iraq check/ }).click();
  await page.getByRole('button', { name: TITLE, exact: true }).click();
  await expect(page.getByRole('textbox', { name: `Text of ${TITLE}` }).locator('p').last()).toHaveText(`${paragraphs.at(-1)} [checked]`);
});

test('rename and delete documents', async ({ page }) => {
  await createProject(page, join(host.workDir, 'Desk.factmark'));
  await addDocument(page, 'First', 'One line.');
  await addDocument(page, 'Second', 'Another line.');
  const list = page.getByRole('navigation');
  await expect(list.getByRole('listitem')).toHaveCount(2);

  await list.getByRole('button', { name: 'Rename First' }).click();
  await page.getByRole('dialog').getByLabel('Title').fill('Statement by the ministry');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(list.getByRole('button', { name: 'Statement by the ministry', exact: true })).toBeVisible();

  await list.getByRole('button', { name: 'Delete Second' }).click();
  await page.getByRole('button', { name: 'Delete document' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);

  await page.reload();
  await expect(page.getByRole('navigation').getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('navigation').getByRole('button', { name: 'Statement by the ministry', exact: true })).toBeVisible();
});

test('right-to-left paragraphs display right-to-left beside English ones', async ({ page }, testInfo) => {
  await createProject(page, join(host.workDir, 'Mixed.factmark'));
  await addDocument(page, 'Mixed languages', 'The minister said the talks went well.\nقال الوزير إن المحادثات سارت على ما يرام.\nوزیر گفت مذاکرات خوب پیش رفت.');
  const paragraphs = page.getByRole('textbox', { name: 'Text of Mixed languages' }).locator('p');
  await expect(paragraphs).toHaveCount(3);
  const directions = await paragraphs.evaluateAll((nodes) => nodes.map((n) => getComputedStyle(n).direction));
  expect(directions).toEqual(['ltr', 'rtl', 'rtl']);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('workspace-dark-rtl.png'), fullPage: true });
});

test('a corrupt project is refused with a message, and its file is left as it was', async ({ page }, testInfo) => {
  const folder = join(host.workDir, 'Broken.factmark');
  await createProject(page, folder);
  await page.getByRole('button', { name: 'Close project' }).click();
  const garbage = '{"format":"factmark-project","schemaVersion":1,"id":"x","na';
  await writeFile(join(folder, 'project.json'), garbage);

  await page.getByRole('button', { name: /^Broken/ }).click();
  await expect(page.getByRole('alert')).toContainText('project.json');
  expect(await readFile(join(folder, 'project.json'), 'utf8')).toBe(garbage);
  await expect(page.getByRole('button', { name: 'New project…' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('start-corrupt-project.png') });
});

test('the theme can be forced dark and stays so after a reload', async ({ page }, testInfo) => {
  await createProject(page, join(host.workDir, 'Night.factmark'));
  await page.getByRole('combobox', { name: 'Colour theme' }).selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await page.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
  expect(background).toBe('rgb(23, 25, 28)');
  await page.screenshot({ path: testInfo.outputPath('start-dark.png') });
});
