/**
 * Annotating in Chromium through the browser host: claims, source mentions and notes made with
 * the mouse and with the keyboard only, overlapping; undo and redo; editing text inside a claim;
 * everything identical after a reload; filtering, orphans, paste and right-to-left text.
 */
import { expect, test, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { useHost } from './support/host.js';
import { importByButton, newProject, pasteDocument } from './support/project.js';
import { sideTab } from './support/side-panel.js';
import { clickBefore, selectedText, selectWithMouse } from './support/text-selection.js';

const host = useHost();

const ARTICLE = resolve('tests/fixtures/article-iraq-iran.txt');

async function projectWithArticle(page: Page, name: string): Promise<void> {
  await newProject(page, host(), name);
  await importByButton(page, [ARTICLE]);
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
  // One key at a time, each seen before the next, as a person shrinks a selection.
  const words = 'called for the removal of US forces from Iraq';
  for (let i = 1; i <= ' from Iraq'.length; i += 1) {
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(() => selectedText(page)).toBe(words.slice(0, words.length - i));
  }
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

  // Editing text inside the claim (in edit mode: the text opens read-only): the claim follows its words.
  await page.getByRole('button', { name: 'Edit text' }).click();
  await expect(page.getByRole('button', { name: 'Edit text' })).toHaveAttribute('aria-pressed', 'true');
  await clickBefore(page, 'US forces from Iraq');
  await page.keyboard.type('all ');
  await expect(text(page).locator('.annotation-claim').first()).toContainText('removal of all US forces');
  // Typed right after the claim's last word, words stay outside it: annotations do not grow.
  await clickBefore(page, ', describing their presence');
  await page.keyboard.type(' now');
  await expect(text(page)).toContainText('US forces from Iraq now, describing their presence');
  await expect(text(page).locator('.annotation-claim').first()).toHaveText('called for the removal of all US forces from Iraq');

  await page.screenshot({ path: testInfo.outputPath('annotate-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('annotate-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  // After saving and reloading, everything is as it was (the token left the address for the tab's storage).
  await expect.poll(() => new URL(page.url()).searchParams.has('token')).toBe(false);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved', { exact: false }).first()).toBeVisible();
  await page.reload();
  await page.getByRole('navigation').getByRole('button', { name: 'article-iraq-iran', exact: true }).click();
  await expect(entries(page)).toHaveCount(3);
  await expect(text(page).locator('.annotation-claim').first()).toContainText('called for the removal of all US forces');
  await page.getByRole('list', { name: 'Annotations in text order' }).getByRole('button', { name: /Note/ }).click();
  await expect(page.getByRole('region', { name: 'Note details' }).getByRole('textbox', { name: 'Note' })).toHaveValue('Check the date of the meeting');
});

test('filter the panel, jump between annotations, orphan and re-attach, paste without copying identities', async ({ page }) => {
  await projectWithArticle(page, 'Panel');
  await selectWithMouse(page, 'Popular Mobilisation Forces');
  await page.keyboard.press('c');
  await page.keyboard.press('Escape');
  await selectWithMouse(page, 'Ghani Ghadban');
  await page.keyboard.press('s');
  await selectWithMouse(page, 'a precarious balancing act');
  await page.keyboard.press('n');
  await page.keyboard.type('Whose words are these?');
  await page.keyboard.press('Escape');
  await expect(entries(page)).toHaveCount(3);

  // Filters: by kind, then by free text in a note's body.
  const panel = page.getByRole('tabpanel', { name: 'Annotations' });
  await panel.getByRole('combobox', { name: 'Filter by kind' }).selectOption('sourceMention');
  await expect(entries(page)).toHaveCount(1);
  await expect(panel.getByText('Showing 1 of 3.')).toBeVisible();
  await panel.getByRole('button', { name: 'Clear filters' }).click();
  await panel.getByRole('searchbox', { name: 'Filter annotations by text' }).fill('whose words');
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page).first()).toContainText('a precarious balancing act');
  await panel.getByRole('searchbox', { name: 'Filter annotations by text' }).fill('');

  // Choosing an entry makes it the active annotation in the text (the keyboard stays in the panel);
  // back in the text, its words are selected, and Alt+↓ and Alt+↑ step through the text order.
  await entries(page).filter({ hasText: 'Claim C1' }).getByRole('button').first().click();
  await expect(text(page).locator('.annotation.is-active')).toHaveText('Popular Mobilisation Forces');
  await text(page).focus();
  expect(await selectedText(page)).toBe('Popular Mobilisation Forces');
  await page.keyboard.press('Alt+ArrowDown');
  expect(await selectedText(page)).toBe('a precarious balancing act');
  await page.keyboard.press('Alt+ArrowDown');
  expect(await selectedText(page)).toBe('Ghani Ghadban');
  await page.keyboard.press('Alt+ArrowUp');
  expect(await selectedText(page)).toBe('a precarious balancing act');

  // Copying annotated words and pasting them elsewhere: read-only text takes nothing and says why;
  // in edit mode the words go in without the annotation.
  await selectWithMouse(page, 'Ghani Ghadban');
  await page.keyboard.press('Control+c');
  await clickBefore(page, 'Diverging perspectives');
  await page.keyboard.press('Control+v');
  await expect(page.getByText(/The text is read-only, as published/)).toBeVisible();
  await expect(text(page)).not.toContainText('Ghani GhadbanDiverging perspectives');
  await page.getByRole('button', { name: 'Edit text' }).click();
  await clickBefore(page, 'Diverging perspectives');
  await page.keyboard.press('Control+v');
  await expect(text(page)).toContainText('Ghani GhadbanDiverging perspectives');
  await expect(entries(page)).toHaveCount(3);
  await expect(text(page).locator('.annotation-sourceMention')).toHaveCount(1);

  // Deleting all the words of the note leaves it listed as an orphan with its last words.
  await selectWithMouse(page, 'a precarious balancing act');
  await page.keyboard.press('Delete');
  const orphans = page.getByRole('region', { name: /Orphans/ });
  await expect(orphans).toContainText('a precarious balancing act');
  await expect(entries(page)).toHaveCount(2);
  // Re-attach it to other words.
  await selectWithMouse(page, 'fostering relations with Iran');
  await orphans.getByRole('button', { name: /Note/ }).click();
  await page.getByRole('button', { name: 'Re-attach to selected words' }).click();
  await expect(page.getByRole('region', { name: /Orphans/ })).toHaveCount(0);
  await expect(text(page).locator('.annotation-note')).toHaveText('fostering relations with Iran');
});

test('right-click menu, context changes of kind, and Arabic text annotated exactly', async ({ page }) => {
  await newProject(page, host(), 'Arabic');
  const arabic = await pasteDocument(page, 'بيان', 'قال الوزير إن البطالة انخفضت بنسبة 40 في المئة هذا العام.\nThe minister said unemployment fell by 40 percent.');

  await selectWithMouse(page, 'البطالة انخفضت بنسبة 40 في');
  expect(await selectedText(page)).toBe('البطالة انخفضت بنسبة 40 في');
  // Right-click on the selected words.
  const box = await page.evaluate(() => {
    const rect = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.mouse.click(box.x, box.y, { button: 'right' });
  const menu = page.getByRole('menu', { name: 'Annotation actions' });
  await expect(menu.getByRole('menuitem', { name: /Mark as claim/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(arabic.locator('.annotation-claim')).toHaveText('البطالة انخفضت بنسبة 40 في');
  await page.keyboard.press('Escape');

  // The menu on an annotation changes its kind.
  const claimBox = (await arabic.locator('.annotation-claim').boundingBox())!;
  await page.mouse.click(claimBox.x + claimBox.width / 2, claimBox.y + claimBox.height / 2, { button: 'right' });
  await page.getByRole('menuitem', { name: 'Change to note' }).click();
  await expect(arabic.locator('.annotation-note')).toHaveText('البطالة انخفضت بنسبة 40 في');
  await expect(arabic.locator('p').first()).toHaveAttribute('dir', 'auto');
});

test('tag annotations with number keys and the card, colour by tag, and a deleted tag leaves them', async ({ page }, testInfo) => {
  await projectWithArticle(page, 'Tags');
  const codebook = await sideTab(page, 'Codebook');
  for (const name of ['Economy', 'Security', 'الأمن']) {
    await codebook.getByRole('button', { name: 'New tag' }).click();
    const dialog = page.getByRole('dialog', { name: 'New tag' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByRole('button', { name: 'Add tag' }).click();
    await expect(dialog).toBeHidden();
  }

  // Number keys over selected words tag the annotation there: codebook order is by name.
  await selectWithMouse(page, 'Popular Mobilisation Forces');
  await page.keyboard.press('c');
  await page.keyboard.press('Escape');
  await page.keyboard.press('2');
  await page.keyboard.press('3');
  const card = page.getByRole('region', { name: 'Claim C1 details' });
  await expect(card.getByRole('checkbox', { name: 'Security' })).toBeChecked();
  await expect(card.getByRole('checkbox', { name: 'الأمن' })).toBeChecked();
  await expect(card.getByRole('checkbox', { name: 'Economy' })).not.toBeChecked();
  // The card's checkbox, and number keys on the card itself, toggle too.
  await card.getByRole('checkbox', { name: 'Economy' }).check();
  await card.focus();
  await page.keyboard.press('2');
  await expect(card.getByRole('checkbox', { name: 'Security' })).not.toBeChecked();
  // Hovering the claim shows its summary; it follows later changes.
  await text(page).locator('.annotation-claim').hover();
  await expect(text(page).locator('.annotation-claim')).toHaveAttribute('title', 'Claim C1 · New · Tags: الأمن, Economy');

  // Colour by tag: the legend names the tag, the text takes its colour.
  const annotationsTab = page.getByRole('tabpanel', { name: 'Annotations' });
  await annotationsTab.getByRole('combobox', { name: 'Colour by' }).selectOption('tag');
  await expect(annotationsTab.getByRole('list', { name: 'Colours' })).toContainText('الأمن');
  await page.screenshot({ path: testInfo.outputPath('tags-colour-by-tag.png') });

  // Deleting a tag in use asks, then takes it off the open document's annotation too.
  const book = await sideTab(page, 'Codebook');
  await book.getByRole('button', { name: 'Delete tag Economy' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete tag' }).click();
  await sideTab(page, 'Annotations');
  await entries(page).first().getByRole('button').first().click();
  await expect(page.getByRole('region', { name: 'Claim C1 details' }).getByRole('checkbox')).toHaveCount(2);
  await expect(text(page).locator('.annotation-claim')).toHaveAttribute('title', 'Claim C1 · New · Tags: الأمن');
});

test('find in the document with the keyboard, count the matches, and mark one as a claim', async ({ page }, testInfo) => {
  await projectWithArticle(page, 'Find');
  // Focus, not a click: a click's caret, read back by the editor on a busy machine, could land after
  // Ctrl+Home and make the second match the first one after the caret.
  await text(page).focus();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+f');
  const find = page.getByRole('textbox', { name: 'Find in document' });
  await expect(find).toBeFocused();
  await page.keyboard.type('us forces');
  const status = page.getByRole('search', { name: 'Find' }).getByRole('status');
  await expect(status).toHaveText('1 of 3');
  await expect(text(page).locator('.find-match-current')).toHaveText('US forces');
  await page.keyboard.press('Enter');
  await expect(status).toHaveText(/^2 of /);
  await page.keyboard.press('Shift+Enter');
  await expect(status).toHaveText(/^1 of /);
  await page.screenshot({ path: testInfo.outputPath('find.png') });

  // Mark the current match as a claim: its card opens ready for typing.
  await page.getByRole('button', { name: 'Mark as claim' }).click();
  await expect(page.getByRole('region', { name: 'Claim C1 details' }).getByLabel('What is checked')).toBeFocused();
  await expect(text(page).locator('.annotation-claim')).toHaveText('US forces');

  // Match case finds nothing for the lower-case query; Escape closes find and clears highlights.
  await find.focus();
  await page.getByRole('button', { name: 'Match case' }).click();
  await expect(status).toHaveText('No matches');
  await find.press('Escape');
  await expect(page.getByRole('search', { name: 'Find' })).toHaveCount(0);
  await expect(text(page).locator('.find-match')).toHaveCount(0);
});
