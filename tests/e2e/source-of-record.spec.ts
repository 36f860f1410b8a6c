/**
 * The two promises, tried as the first build's users broke them, in Chromium through the browser
 * host: the words stay as published (a drag inside selected words, typing over them, pasting and
 * deleting change nothing in read-only text; edit mode is shown and asked for), and saved means
 * saved (a card field typed and reloaded at once is kept; text undo never takes back a verdict or
 * a correction). Each case asserts the stored document on disk, not only the screen.
 */
import { expect, test, type Page } from '@playwright/test';
import { useHost } from './support/host.js';
import { newProject, openInSecondTab, pasteDocument } from './support/project.js';
import { storedDocument, storedDocuments } from './support/stored.js';
import { clickBefore, selectWithMouse } from './support/text-selection.js';

const host = useHost();

const TEXT = [
  'There is clear evidence that the Americans are seeking to expand their foothold in Iraq, and this occupation must be firmly confronted.',
  'The PMF is a cornerstone of Iraq\'s security, and its continued support is essential, he added.',
].join('\n');

/** The one document of the project `name` as stored on disk. */
const stored = (name: string) => storedDocument(host(), name);
const claims = async (name: string) => (await stored(name)).annotations.filter((a) => a.kind === 'claim');
const saved = (page: Page) => expect(page.locator('.save-indicator')).toHaveText(/All changes saved/);

test('read-only text: a drag inside selected words, typing over them, paste, cut and delete change nothing; edit mode is asked for and shown', async ({ page }, testInfo) => {
  await newProject(page, host(), 'Words');
  const editor = await pasteDocument(page, 'Statement', TEXT);
  await expect(editor).toHaveAttribute('aria-readonly', 'true');
  const toggle = page.getByRole('button', { name: 'Edit text' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');

  // Select words, make a claim, Escape, then press inside the still-selected words and drag away.
  await selectWithMouse(page, 'this occupation must be firmly confronted');
  await page.keyboard.press('c');
  await page.keyboard.press('Escape');
  await selectWithMouse(page, 'this occupation must be firmly confronted');
  const inside = await editor.locator('.annotation-claim').boundingBox();
  const target = await editor.locator('p').nth(1).boundingBox();
  await page.mouse.move(inside!.x + inside!.width / 2, inside!.y + inside!.height / 2);
  await page.mouse.down();
  await page.mouse.move(target!.x + target!.width - 4, target!.y + target!.height / 2, { steps: 8 });
  await page.mouse.up();

  // Typing over selected words: a letter that is no command, then Backspace, Delete, Enter, paste, cut.
  await selectWithMouse(page, 'cornerstone');
  const claimButton = page.getByRole('toolbar', { name: 'Annotate selected words' }).getByRole('button', { name: /^Claim/ });
  await expect(claimButton).toHaveAttribute('aria-keyshortcuts', 'C');
  for (const key of ['q', 'Backspace', 'Delete', 'Enter', 'Control+x']) await page.keyboard.press(key);
  await page.evaluate(() => navigator.clipboard?.writeText?.('PASTED').catch(() => undefined));
  await page.keyboard.press('Control+v');
  await expect(page.getByText(/The text is read-only, as published/)).toBeVisible();

  await expect(editor).toHaveText(TEXT.replace('\n', ''));
  await expect(editor.locator('.annotation-claim')).toHaveText('this occupation must be firmly confronted');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await saved(page);
  expect((await stored('Words')).text).toBe(TEXT);

  // Edit mode is a deliberate switch (button or Ctrl+Shift+E), shown on the page; then keys type.
  await editor.focus();
  await page.keyboard.press('Control+Shift+E');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(editor).toHaveClass(/editing/);
  await expect(page.getByText('Editing the text.')).toBeVisible();
  // In edit mode a key types over the selection: the toolbar names no key there.
  await expect(claimButton).toBeVisible();
  await expect(claimButton).toHaveAttribute('title', 'Mark as claim');
  await expect(claimButton).not.toHaveAttribute('aria-keyshortcuts', /.*/);
  await expect(claimButton.locator('kbd')).toHaveCount(0);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath('edit-mode-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('edit-mode-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  // Away from the words still selected above first: a click inside a selection may start a drag.
  await clickBefore(page, 'he added');
  await clickBefore(page, 'cornerstone');
  await page.keyboard.type('true ');
  await expect(editor).toContainText('a true cornerstone');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await saved(page);
  expect((await stored('Words')).text).toContain('a true cornerstone');

  // Ctrl+Z of that edit in read-only text changes nothing and says how; in edit mode it undoes it.
  await clickBefore(page, 'he added');
  await page.keyboard.press('Control+z');
  await expect(page.getByText('The next undo would change the words: turn on Edit text (Ctrl+Shift+E) to undo text edits.')).toBeVisible();
  await expect(editor).toContainText('a true cornerstone');
  await toggle.click();
  await expect(editor).toHaveClass(/editing/);
  await editor.focus();
  // Typing is one undo step per burst of keys; a slow machine may have made it more than one.
  for (let presses = 0; presses < 5 && ((await editor.textContent()) ?? '').includes('a true cornerstone'); presses++) {
    await page.keyboard.press('Control+z');
  }
  await expect(editor).toHaveText(TEXT.replace('\n', ''));
  await expect(editor.locator('.annotation-claim')).toHaveText('this occupation must be firmly confronted');
});

test('an input method composes nothing into read-only text, and composes as usual in edit mode', async ({ page }) => {
  await newProject(page, host(), 'Compose');
  const editor = await pasteDocument(page, 'Statement', TEXT);
  await clickBefore(page, 'cornerstone');
  // Chromium's own input-method events, as a Chinese or Japanese IME sends them.
  const ime = await page.context().newCDPSession(page);
  await ime.send('Input.imeSetComposition', { text: 'ni', selectionStart: 2, selectionEnd: 2 });
  await ime.send('Input.insertText', { text: '你' });
  await expect(page.getByText(/The text is read-only, as published/)).toBeVisible();
  await expect(editor).toHaveText(TEXT.replace('\n', ''));

  await editor.focus();
  await page.keyboard.press('Control+Shift+E');
  // Composition starts only once the editor is in edit mode (a loaded machine renders it later).
  await expect(editor).toHaveClass(/editing/);
  await clickBefore(page, 'cornerstone');
  await ime.send('Input.imeSetComposition', { text: 'ni', selectionStart: 2, selectionEnd: 2 });
  await ime.send('Input.insertText', { text: '你' });
  await expect(editor).toContainText('a 你cornerstone');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await saved(page);
  const { text, revisions } = await stored('Compose');
  expect(text).toBe(TEXT.replace('a cornerstone', 'a 你cornerstone'));
  expect(revisions.map((r) => [r.reason, r.changes.map((c) => [c.before, c.after])])).toEqual([['edit', [['cornerstone', '你cornerstone']]]]);
});

test('a paste into edit mode keeps its words; only safe links stay links, in the editor and on disk', async ({ page }) => {
  await newProject(page, host(), 'Pasted');
  const editor = await pasteDocument(page, 'Statement', TEXT);
  await editor.focus();
  await page.keyboard.press('Control+Shift+E');
  await expect(editor).toHaveClass(/editing/);
  await clickBefore(page, 'he added');
  const html = ['<a href="javascript:alert(1)">one</a>', '<a href="data:text/html,x">two</a>', '<a href="file:///etc/passwd">three</a>', '<a href="/relative">four</a>', '<a href="https://example.org/source">five</a>'].join(' ');
  await editor.evaluate((element, markup) => {
    const data = new DataTransfer();
    data.setData('text/html', markup);
    data.setData('text/plain', 'one two three four five');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
  await expect(editor).toContainText('one two three four five');
  await expect(editor.locator('a')).toHaveCount(1);
  await expect(editor.locator('a')).toHaveAttribute('href', 'https://example.org/source');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await saved(page);
  expect((await stored('Pasted')).hrefs).toEqual(['https://example.org/source']);
});

test('a card field saves as it is typed: a reload right after typing keeps every character', async ({ page }) => {
  await newProject(page, host(), 'Typed');
  await pasteDocument(page, 'Statement', TEXT);
  await selectWithMouse(page, 'this occupation must be firmly confronted');
  await page.keyboard.press('c');
  const card = page.getByRole('region', { name: 'Claim C1 details' });
  const why = card.getByLabel('Why it is worth checking');
  await why.click();
  await page.keyboard.type('Calls for confrontation: widely quoted.');
  // Still in the field, nothing left it: the status bar does not claim it is saved until it is.
  await expect(why).toBeFocused();
  await expect.poll(async () => (await claims('Typed'))[0]?.worthChecking).toBe('Calls for confrontation: widely quoted.');
  await saved(page);

  // Type more and reload at once, without leaving the field or waiting for the pause.
  await page.keyboard.type(' Check the date.');
  await page.reload();
  await page.getByRole('navigation').getByRole('button', { name: 'Statement', exact: true }).click();
  await page.getByRole('list', { name: 'Annotations in text order' }).getByRole('button', { name: /Claim C1/ }).click();
  await expect(page.getByRole('region', { name: 'Claim C1 details' }).getByLabel('Why it is worth checking')).toHaveValue('Calls for confrontation: widely quoted. Check the date.');
  await expect.poll(async () => (await claims('Typed'))[0]?.worthChecking).toBe('Calls for confrontation: widely quoted. Check the date.');
});

test('text undo never changes a verdict, another claim\'s check or the corrections log', async ({ page }) => {
  await newProject(page, host(), 'Undo');
  const editor = await pasteDocument(page, 'Statement', TEXT);
  await selectWithMouse(page, 'The PMF is a cornerstone of Iraq\'s security');
  await page.keyboard.press('c');
  const c1 = page.getByRole('region', { name: 'Claim C1 details' });
  await c1.getByRole('radio', { name: 'Mostly true' }).check();
  await c1.getByLabel('Conclusion').fill('Officials say so in every statement.');
  await c1.getByLabel('Status').selectOption('done');
  await page.keyboard.press('Escape');

  await selectWithMouse(page, 'this occupation must be firmly confronted');
  await page.keyboard.press('c');
  const c2 = page.getByRole('region', { name: 'Claim C2 details' });
  await c2.getByRole('radio', { name: 'False', exact: true }).check();
  await c2.getByLabel('Conclusion').fill('No such evidence was shown.');
  await c2.getByLabel('Status').selectOption('done');
  // A correction of the done verdict, with its reason.
  await c2.getByRole('radio', { name: 'Half true' }).click();
  const dialog = page.getByRole('dialog', { name: 'Correct a done claim' });
  await dialog.getByLabel('Reason for the correction').fill('A report was published after all.');
  await dialog.getByRole('button', { name: 'Record the correction' }).click();
  await expect(c2.getByRole('region', { name: 'Corrections of C2' })).toContainText('False → Half true');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await saved(page);

  // Click in the text and press Ctrl+Z three times: marking is undone, checks are not.
  await clickBefore(page, 'he added');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(editor.locator('.annotation-claim')).toHaveCount(0);
  // Redo brings both claims back with their checks as they were last written.
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+Shift+z');
  await expect(editor.locator('.annotation-claim')).toHaveCount(2);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await saved(page);
  const byId = new Map((await claims('Undo')).map((c) => [c.shortId, c]));
  expect(byId.get('C1')).toMatchObject({ status: 'done', verdict: { levelId: 'truth-mostly-true', conclusion: 'Officials say so in every statement.' } });
  expect(byId.get('C2')).toMatchObject({ status: 'done', verdict: { levelId: 'truth-half-true', conclusion: 'No such evidence was shown.' } });
  expect(byId.get('C2')!.corrections!.map((c) => c.reason)).toEqual(['A report was published after all.']);
});

test('the same document in two tabs: a claim made in each is kept on disk, numbers stay unique, and no tab says saved while refused', async ({ page, browser }, testInfo) => {
  await newProject(page, host(), 'Tabs');
  const editorA = await pasteDocument(page, 'Statement', TEXT);
  await selectWithMouse(page, 'this occupation must be firmly confronted');
  await page.keyboard.press('c');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await saved(page);

  const { context: contextB, tab: tabB, editor: editorB } = await openInSecondTab(browser, host(), 'Statement');
  await expect(editorB.locator('.annotation-claim')).toHaveCount(1);

  // Tab B, cut off, makes a claim: it is numbered C2 and not saved, and its status bar says so.
  await contextB.setOffline(true);
  await selectWithMouse(tabB, 'its continued support is essential');
  await tabB.keyboard.press('c');
  await tabB.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(tabB.locator('.save-indicator')).not.toHaveText(/All changes saved/);
  await tabB.screenshot({ path: testInfo.outputPath('offline-tab-b.png') });
  // Tab A makes its own claim C2 meanwhile, and saves it.
  await selectWithMouse(page, 'a cornerstone of Iraq');
  await page.keyboard.press('c');
  await expect(page.getByRole('region', { name: 'Claim C2 details' })).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await saved(page);

  // Back online, tab B's save is on an old version: it merges, renumbers its claim and says so.
  await contextB.setOffline(false);
  await tabB.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(tabB.locator('.banner-info')).toContainText('given anew here: C2 → C3');
  await saved(tabB);
  // Saved now: no message of the refusal is left standing.
  await expect(tabB.locator('.banner-error')).toHaveCount(0);
  await tabB.screenshot({ path: testInfo.outputPath('merged-tab-b.png') });
  await expect(editorB.locator('.annotation-claim')).toHaveCount(3);
  // Tab A hears of it and shows all three.
  await expect(editorA.locator('.annotation-claim')).toHaveCount(3);
  await expect(page.locator('.banner-info')).toHaveText('Updated with changes made in another window.');
  const onDisk = new Map((await claims('Tabs')).map((c) => [c.shortId, c]));
  expect([...onDisk.keys()].sort()).toEqual(['C1', 'C2', 'C3']);

  // A card change in tab A after the merge is kept, and reaches tab B.
  await page.getByRole('list', { name: 'Annotations in text order' }).getByRole('button', { name: /^Claim C3/ }).click();
  await page.getByRole('region', { name: 'Claim C3 details' }).getByLabel('Why it is worth checking').fill('Support for the PMF is disputed.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await saved(page);
  await expect.poll(async () => (await claims('Tabs')).find((c) => c.shortId === 'C3')?.worthChecking).toBe('Support for the PMF is disputed.');
  await tabB.getByRole('list', { name: 'Annotations in text order' }).getByRole('button', { name: /^Claim C3/ }).click();
  await expect(tabB.getByRole('region', { name: 'Claim C3 details' }).getByLabel('Why it is worth checking')).toHaveValue('Support for the PMF is disputed.');
  expect((await stored('Tabs')).text).toBe(TEXT);
  await contextB.close();
});

test('two tabs on two documents numbering a claim the same: the later one takes the next free number, saved and said', async ({ page, browser }) => {
  await newProject(page, host(), 'Numbers');
  await pasteDocument(page, 'Speech', TEXT);
  await pasteDocument(page, 'Reply', 'The ministry denied that unemployment fell by 40 percent last year.');
  await page.getByRole('navigation').getByRole('button', { name: 'Speech', exact: true }).click();

  const { context: contextB, tab: tabB } = await openInSecondTab(browser, host(), 'Reply');

  // Tab B, cut off, numbers its claim C1; tab A numbers its own C1 in the other document and saves.
  await contextB.setOffline(true);
  await selectWithMouse(tabB, 'unemployment fell by 40 percent');
  await tabB.keyboard.press('c');
  await expect(tabB.getByRole('region', { name: 'Claim C1 details' })).toBeVisible();
  await selectWithMouse(page, 'this occupation must be firmly confronted');
  await page.keyboard.press('c');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await saved(page);

  // Back online, tab B's claim takes C2: saved, and said.
  await contextB.setOffline(false);
  await tabB.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(tabB.locator('.banner-info')).toHaveText('Claim number C1 was given to another claim in another window meanwhile; this claim is now C2.');
  await saved(tabB);
  await expect(tabB.locator('.banner-error')).toHaveCount(0);
  await expect(tabB.getByRole('region', { name: 'Claim C2 details' })).toBeVisible();
  const shortIds = (await storedDocuments(host(), 'Numbers')).flatMap((doc) => doc.annotations.map((a) => a.shortId ?? ''));
  expect(shortIds.sort()).toEqual(['C1', 'C2']);
  await contextB.close();
});
