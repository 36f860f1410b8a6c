/**
 * Annotating in Chromium through the browser host: claims, source mentions and notes made with
 * the mouse and with the keyboard only, overlapping; undo and redo; editing text inside a claim;
 * everything identical after a reload; filtering, orphans, paste and right-to-left text.
 */
import { expect, test, type Page } from '@playwright/test';
import { join, resolve } from 'node:path';
import { startHost, type RunningHost } from './browser-host.js';
import { sideTab } from './support/side-panel.js';
import { clickBefore, selectedText, selectWithMouse } from './support/text-selection.js';

let host: RunningHost;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => {
  await host.stop();
});

const ARTICLE = resolve('tests/fixtures/article-iraq-iran.txt');

async function projectWithArticle(page: Page, name: string): Promise<void> {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New project…' }).click();
  await page.getByLabel('Folder for the new project').fill(join(host.workDir, `${name}.factmark`));
  await page.getByRole('button', { name: 'Create project' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('navigation').getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles([ARTICLE]);
  await expect(page.getByRole('textbox', { name: 'Text of article-iraq-iran' })).toBeVisible();
}

const text = (page: Page) => page.getByRole('textbox', { name: 'Text of article-iraq-iran' });
const entries = (page: Page) => page.getByRole('list', { name: 'Annotations in text order' }).getByRole('listitem');

test('mark overlapping claims, a source mention and a note by mouse and keyboard; undo, redo, reload', async ({ page }, testInfo) => {
  await projectWithArticle(page, 'Annotate');

  // Mouse: select a phrase, the toolbar offers the kinds, a claim opens its card ready for typing.
  await selectWithMouse(page, 'called for the removal of US forces from Iraq');
  const toolbar = page.getByRole('toolbar', { name: 'Annotate selected words' });
  await toolbar.getByRole('button', { name: /^Claim/ }).click();
  const card = page.getByRole('region', { name: 'Claim C1 details' });
  await expect(card.getByRole('blockquote').or(card.locator('blockquote'))).toHaveText('called for the removal of US forces from Iraq');
  await expect(card.getByLabel('What is checked')).toBeFocused();
  await page.keyboard.type('Khamenei called for US troops to leave Iraq');
  await page.keyboard.press('Escape');
  await expect(text(page)).toBeFocused();
  await expect(text(page).locator('.annotation-claim')).toHaveText('called for the removal of US forces from Iraq');

  // Keyboard only: move to the claim, shrink the selection, make a note inside it (nested).
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Alt+ArrowDown');
  expect(await selectedText(page)).toBe('called for the removal of US forces from Iraq');
  for (let i = 0; i < 'from Iraq'.length + 1; i += 1) await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('n');
  const note = page.getByRole('region', { name: 'Note details' });
  await expect(note.getByRole('textbox', { name: 'Note' })).toBeFocused();
  await page.keyboard.type('Check the date of the meeting');
  await page.keyboard.press('Escape');
  await expect(text(page).locator('.annotation-claim .annotation-note')).toHaveText('called for the removal of US forces');

  // A source mention crossing the claim's start (overlap, not nesting). Arrow first: the
  // toolbar over the current selection would otherwise sit where the drag starts.
  await page.keyboard.press('ArrowRight');
  await selectWithMouse(page, "Supreme Leader Ayatollah Ali Khamenei called");
  await page.keyboard.press('s');
  await expect(entries(page)).toHaveCount(3);
  await expect(page.getByText('3 annotations: 1 claim, 1 source mention, 1 note')).toBeVisible();

  // Undo removes the source mention, redo brings it back; undo twice more removes the note too.
  await text(page).focus();
  await page.keyboard.press('Control+z');
  await expect(entries(page)).toHaveCount(2);
  await page.keyboard.press('Control+Shift+z');
  await expect(entries(page)).toHaveCount(3);
  expect((await text(page).locator('.annotation-sourceMention').allTextContents()).join('')).toBe('Supreme Leader Ayatollah Ali Khamenei called');

  // Editing text inside the claim: the claim follows its words.
  await clickBefore(page, 'US forces from Iraq');
  await page.keyboard.type('all ');
  await expect(text(page).locator('.annotation-claim').first()).toContainText('removal of all US forces');

  await page.screenshot({ path: testInfo.outputPath('annotate-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('annotate-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  // After saving and reloading, everything is as it was.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved', { exact: false }).first()).toBeVisible();
  await page.reload();
  await page.getByRole('navigation').getByRole('button', { name: 'article-iraq-iran', exact: true }).click();
  await expect(entries(page)).toHaveCount(3);
  await expect(text(page).locator('.annotation-claim').first()).toContainText('called for the removal of all US forces');
  await page.getByRole('list', { name: 'Annotations in text order' }).getByRole('button', { name: /Note/ }).click();
  await expect(page.getByRole('region', { name: 'Note details' }).getByRole('textbox', { name: 'Note' })).toHaveValue('Check the date of the meeting');
});
