/**
 * Importing documents in Chromium through the browser host: by the Import button, by dropping
 * files, by pasting rich HTML — with metadata kept, text damage shown, and hostile pages inert.
 */
import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { useHost } from './support/host.js';
import { importByButton, newProject } from './support/project.js';
import { sideTab } from './support/side-panel.js';
import { storedDocument } from './support/stored.js';

const host = useHost();

const ARTICLE = resolve('tests/fixtures/article-iraq-iran.txt');
const HOSTILE = resolve('tests/fixtures/import/hostile-article.html');

test('import the sample article: its three damages are shown on the text and in the panel', async ({ page }, testInfo) => {
  await newProject(page, host(), 'Damage');
  await importByButton(page, [ARTICLE]);
  const list = page.getByRole('navigation');
  await expect(list.getByRole('button', { name: 'article-iraq-iran', exact: true })).toBeVisible();

  const panel = await sideTab(page, 'Document');
  await expect(panel.getByText('Text in another encoding')).toHaveCount(2);
  await expect(panel.getByText('Leftover web markup')).toHaveCount(1);
  await expect(panel.getByText('Spliced sentences').first()).toBeVisible();
  await expect(panel).toContainText('爱漫岛');
  await expect(panel).toContainText('utf-8');

  // The damaged spans are underlined in the text itself.
  const text = page.getByRole('textbox', { name: 'Text of article-iraq-iran' });
  await expect(text.locator('.damage-foreignEncoding')).toHaveCount(2);
  await expect(text.locator('.damage-foreignEncoding').first()).toHaveText('°®Âþµº');

  // "Show" selects the damaged words.
  await panel.getByRole('button', { name: 'Show “°®Âþµº” in the text' }).first().click();
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('°®Âþµº');
  await page.screenshot({ path: testInfo.outputPath('import-damage-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('import-damage-dark.png') });
});

test('a hostile saved page imports as its article, inert, with its metadata', async ({ page }) => {
  const outside: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(host().origin)) outside.push(request.url());
  });
  page.on('dialog', (dialog) => {
    outside.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await newProject(page, host(), 'Hostile');
  await importByButton(page, [HOSTILE]);

  const panel = await sideTab(page, 'Document');
  await expect(panel.getByLabel('Title')).toHaveValue(/Minister denies report/);
  await expect(panel.getByLabel('Author')).toHaveValue(/Jane Reporter/);
  await expect(panel.getByLabel('Outlet')).toHaveValue('The Daily Example');
  await expect(panel.getByLabel('Source URL')).toHaveValue('https://daily.example/politics/minister-denies');
  await expect(panel.getByLabel('Published')).toHaveValue(/^2026-03-14/);

  const text = page.getByRole('textbox', { name: /^Text of Minister denies report/ });
  await expect(text).toContainText('entirely false');
  await expect(text).not.toContainText('Buy now');
  await expect(text).not.toContainText('All rights reserved');
  const html = await text.innerHTML();
  for (const forbidden of ['<script', '<iframe', '<form', '<svg', '<img', 'javascript:', 'onerror', 'onload', 'evil.example']) expect(html).not.toContain(forbidden);
  const hrefs = await text.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs).toEqual(['https://daily.example/statement', 'mailto:desk@daily.example']);

  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(outside).toEqual([]);
});

test('files dropped on the window are imported; an empty or binary file is refused with a reason', async ({ page }) => {
  await newProject(page, host(), 'Drops');
  const article = await readFile(ARTICLE, 'utf8');
  await page.evaluate((articleText) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([articleText], 'dropped.txt', { type: 'text/plain' }));
    transfer.items.add(new File([], 'empty.txt', { type: 'text/plain' }));
    transfer.items.add(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])], 'photo.txt', { type: 'text/plain' }));
    document.querySelector('.app')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, article);
  await expect(page.getByRole('navigation').getByRole('button', { name: 'dropped', exact: true })).toBeVisible();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('empty.txt');
  await expect(alert).toContainText('photo.txt');
  await expect(page.getByRole('navigation').getByRole('listitem')).toHaveCount(1);
});

test('rich text pasted from a web page keeps its structure and loses its scripts', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host().origin });
  await newProject(page, host(), 'Paste');
  await page.getByRole('navigation').getByRole('button', { name: 'New document' }).click();
  await page.getByRole('dialog').getByLabel('Title').fill('Pasted statement');
  await page.evaluate(async () => {
    const html = '<h2>Statement</h2><ul><li>First <strong>point</strong></li><li>Second point</li></ul><p onclick="window.__pwned=1">Closing <a href="https://example.org/src">source</a><script>window.__pwned=2</script></p>';
    const text = 'Statement\nFirst point\nSecond point\nClosing source';
    await navigator.clipboard.write([new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) })]);
  });
  await page.getByLabel('Text', { exact: true }).focus();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(page.getByLabel('Text', { exact: true })).toHaveValue(/First point/);
  await page.getByRole('button', { name: 'Add document' }).click();

  const text = page.getByRole('textbox', { name: 'Text of Pasted statement' });
  await expect(text.locator('h2')).toHaveText('Statement');
  await expect(text.locator('li')).toHaveCount(2);
  await expect(text.locator('strong')).toHaveText('point');
  await expect(text.locator('a')).toHaveAttribute('href', 'https://example.org/src');
  expect(await text.innerHTML()).not.toContain('onclick');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
});

test('metadata edits are kept', async ({ page }) => {
  await newProject(page, host(), 'Meta');
  await importByButton(page, [ARTICLE]);
  const panel = await sideTab(page, 'Document');
  await panel.getByLabel('Outlet').fill('Unknown outlet (name garbled)');
  await panel.getByLabel('Published').fill('2024-09-18');
  await panel.getByLabel('Title').fill('Khamenei meets Al-Sudani');
  await panel.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('navigation').getByRole('button', { name: 'Khamenei meets Al-Sudani', exact: true })).toBeVisible();
  await page.reload();
  await page.getByRole('navigation').getByRole('button', { name: 'Khamenei meets Al-Sudani', exact: true }).click();
  await sideTab(page, 'Document');
  await expect(panel.getByLabel('Outlet')).toHaveValue('Unknown outlet (name garbled)');
  await expect(panel.getByLabel('Published')).toHaveValue('2024-09-18');
});

test('a wrongly decoded file is read again with the right encoding', async ({ page }) => {
  await newProject(page, host(), 'Encodings');
  // GBK bytes for 爱漫岛 报道 — not UTF-8, so Factmark first reads them as Windows-1252 and says so.
  await importByButton(page, [{ name: 'outlet.txt', mimeType: 'text/plain', buffer: Buffer.from([0xb0, 0xae, 0xc2, 0xfe, 0xb5, 0xba, 0x20, 0xb1, 0xa8, 0xb5, 0xc0]) }]);
  const panel = await sideTab(page, 'Document');
  await expect(panel).toContainText('windows-1252');
  await expect(panel.getByText('Text in another encoding').first()).toBeVisible();
  await panel.getByLabel('Text looks wrong? Read the file again as').selectOption('gbk');
  await panel.getByRole('button', { name: 'Read again' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Read as gbk' }).click();
  await expect(page.getByRole('textbox', { name: /^Text of / })).toHaveText('爱漫岛 报道');
  await expect(panel).toContainText('encoding gbk');
});

test('a certain mojibake repair is one recorded revision, which Ctrl+Z in read-only text does not take back', async ({ page }) => {
  await newProject(page, host(), 'Repair');
  await importByButton(page, [{ name: 'cafe.txt', mimeType: 'text/plain', buffer: Buffer.from('The CafÃ© owner said prices rose by 20 percent.\n', 'utf8') }]);
  const text = page.getByRole('textbox', { name: 'Text of cafe' });
  await expect(text.locator('.damage-mojibake')).toHaveText('Ã©');
  await (await sideTab(page, 'Document')).getByRole('button', { name: 'Repair “Ã©” to “é”' }).click();
  await expect(text).toHaveText('The Café owner said prices rose by 20 percent.');
  await expect((await sideTab(page, 'Document')).getByText('No damage found in this text.')).toBeVisible();
  await text.click();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(text).toHaveText('The Café owner said prices rose by 20 percent.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').getByText('All changes saved')).toBeVisible();
  const { text: storedText, revisions } = await storedDocument(host(), 'Repair');
  expect(storedText).toBe('The Café owner said prices rose by 20 percent.');
  expect(revisions.map((r) => [r.reason, r.changes])).toEqual([
    ['repair', [{ start: 4, end: 9, before: 'CafÃ©', after: 'Café' }]],
  ]);
});
