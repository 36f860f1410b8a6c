/**
 * The document panel's revisions, in Chromium through the browser host: a word typed in edit mode
 * is listed as a revision ("Edit in edit mode") whose diff against the original shows the word in
 * an <ins>, stored with its exact before and after; restoring the original brings the text as
 * imported back exactly, as a second revision; right-to-left text reads right to left in the diff;
 * a damage repair is a revision too. Each case asserts what main stores, not only the screen.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RevisionList } from '../../shared/contract.js';
import type { ContentNode } from '../../shared/model/document.js';
import type { Revision } from '../../shared/model/revision.js';
import { applyChanges } from '../../shared/revision-text.js';
import { contentToText } from '../../shared/text.js';
import { useHost } from './support/host.js';
import { importByButton, newProject, pasteDocument } from './support/project.js';
import { sideTab } from './support/side-panel.js';
import { clickBefore } from './support/text-selection.js';

const host = useHost();
test.use({ deviceScaleFactor: 2 });

const TEXT = [
  'There is clear evidence that the Americans are seeking to expand their foothold in Iraq, and this occupation must be firmly confronted.',
  'The PMF is a cornerstone of Iraq\'s security, and its continued support is essential, he added.',
].join('\n');

/** Calls the contract the way the page does. */
async function call<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  const response = await page.request.post(`${host().origin}/api/${name}`, { headers: { 'X-Factmark-Token': host().token, Origin: host().origin }, data: { args } });
  const result = (await response.json()) as { ok: boolean; value: T };
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return result.value;
}

/** The one document of project `name` as stored on disk (`documents/<id>.json`): its id, plain text and revisions. */
async function stored(name: string): Promise<{ id: string; text: string; revisions: Revision[] }> {
  const folder = join(host().workDir, `${name}.factmark`, 'documents');
  const file = (await readdir(folder)).find((f) => /^[0-9a-f-]{36}\.json$/.test(f))!;
  const doc = JSON.parse(await readFile(join(folder, file), 'utf8')) as { id: string; content: ContentNode; revisions: Revision[] };
  return { id: doc.id, text: contentToText(doc.content), revisions: doc.revisions };
}

const saved = (page: Page) => expect(page.locator('.save-indicator')).toHaveText(/All changes saved/);

/** The Revisions section of the Document tab. */
const revisionsOf = (panel: Locator) => panel.getByRole('region', { name: /^Revisions/ });

/** The revisions listed, newest first (not the changed passages of an open diff). */
const listed = (revisions: Locator) => revisions.getByRole('list', { name: 'Revisions, newest first' }).locator(':scope > li');

/** Turns on Edit text, types `words` just before `phrase`, turns it off and saves. */
async function typeBefore(page: Page, phrase: string, words: string): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Edit text' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await clickBefore(page, phrase);
  await page.keyboard.type(words);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await saved(page);
}

/** Screenshots of the window in light and dark, with `target` scrolled into view. */
async function screenshots(page: Page, target: Locator, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await target.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: `/tmp/revisions-${name}-${scheme}.png` });
    await target.screenshot({ path: `/tmp/revisions-${name}-${scheme}-detail.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a word typed in edit mode is a revision, shown against the original; restoring brings the original back exactly', async ({ page }) => {
  await newProject(page, host(), 'Edited');
  await pasteDocument(page, 'Statement', TEXT);
  const panel = await sideTab(page, 'Document');
  const revisions = revisionsOf(panel);
  const { id } = await stored('Edited');
  const before = await call<RevisionList>(page, 'listRevisions', id);
  expect(before.revisions).toEqual([]);
  expect(before.originalKept).toBe(true);

  // As imported: said so, with the fingerprint shortened and whole; nothing to restore.
  await expect(revisions.getByText('The text is as imported.')).toBeVisible();
  const fingerprint = before.original!.fingerprint;
  await expect(revisions.locator('code', { hasText: `${fingerprint.slice(0, 12)}…` })).toBeVisible();
  await revisions.getByText('Show in full').click();
  await expect(revisions.locator('code.selectable')).toHaveText(fingerprint);
  await expect(revisions.getByRole('button', { name: 'Restore the original' })).toBeDisabled();

  // One word typed in edit mode, with the panel open: the list follows the save.
  await typeBefore(page, 'cornerstone', 'true ');
  const edited = TEXT.replace('a cornerstone', 'a true cornerstone');
  await expect.poll(async () => (await stored('Edited')).text).toBe(edited);
  const item = revisions.getByRole('button', { name: /^Revision 1: Edit in edit mode, .*, 1 change/ });
  await expect(item).toBeVisible();
  await expect(item).toHaveAttribute('aria-expanded', 'false');
  await expect(listed(revisions)).toHaveCount(1);

  // Stored exactly: the one change, its words before and after, the fingerprints either side.
  const afterEdit = await call<RevisionList>(page, 'listRevisions', id);
  expect(afterEdit.revisions).toHaveLength(1);
  const [edit] = afterEdit.revisions;
  expect(edit).toMatchObject({ reason: 'edit', detail: '', fingerprintBefore: fingerprint });
  const at = TEXT.indexOf('cornerstone');
  expect(edit!.changes).toEqual([{ start: at, end: at, before: '', after: 'true ' }]);
  expect(applyChanges(TEXT, edit!.changes)).toBe(edited);
  expect((await stored('Edited')).revisions).toEqual(afterEdit.revisions);

  // Its diff: the added word in an <ins>, nothing removed, in the paragraph it is in.
  await item.click();
  await expect(item).toHaveAttribute('aria-expanded', 'true');
  const diff = revisions.getByRole('region', { name: 'Revision 1 compared with the original' });
  const passages = diff.getByRole('list', { name: 'Changed passages' });
  await expect(passages.locator('ins')).toHaveText(/^\s*true\s*$/);
  await expect(passages.locator('del')).toHaveCount(0);
  await expect(passages).toContainText('Paragraph 2');
  await expect(passages.locator('.diff-line')).toHaveText(/The PMF is a\s*true\s*cornerstone of Iraq's security/);
  await expect(passages.locator('.diff-line')).toHaveAttribute('dir', 'auto');
  await expect(diff.getByText('Both texts match their recorded SHA-256 fingerprints.')).toBeVisible();
  await screenshots(page, diff, 'edit');

  // Restore the original, confirmed: the text as imported, exactly, and a second revision.
  await revisions.getByRole('button', { name: 'Restore the original' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore “Statement” as imported?' });
  await dialog.getByRole('button', { name: 'Restore the original' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Text of Statement' })).toHaveText(TEXT.replace('\n', ''));
  await expect.poll(async () => (await stored('Edited')).text).toBe(TEXT);
  await expect(listed(revisions)).toHaveCount(2);
  const restored = listed(revisions).first().getByRole('button', { name: /^Revision 2: Original restored, .*, 1 change/ });
  await expect(restored).toBeVisible();
  await expect(listed(revisions).nth(1)).toContainText('Edit in edit mode');
  await expect(revisions.getByRole('button', { name: 'Restore the original' })).toBeDisabled();
  await expect(revisions.getByText('The text is the original as imported again.')).toBeVisible();

  const afterRestore = await call<RevisionList>(page, 'listRevisions', id);
  expect(afterRestore.revisions).toHaveLength(2);
  expect(afterRestore.revisions[0]).toEqual(edit);
  expect(afterRestore.revisions[1]).toMatchObject({ reason: 'restore', fingerprintBefore: edit!.fingerprintAfter, fingerprintAfter: fingerprint });
  expect(afterRestore.revisions[1]!.changes).toEqual([{ start: at, end: at + 5, before: 'true ', after: '' }]);
  expect(applyChanges(edited, afterRestore.revisions[1]!.changes)).toBe(TEXT);

  // The restore's diff against the original: none. The edit's still shows its word.
  await restored.click();
  await expect(revisions.getByRole('region', { name: 'Revision 2 compared with the original' })).toContainText('No differences: after this revision the text is the original as imported.');
  await revisions.getByRole('button', { name: /^Revision 1: Edit in edit mode/ }).click();
  await expect(revisions.getByRole('region', { name: 'Revision 1 compared with the original' }).locator('.diff-passages ins')).toHaveText(/^\s*true\s*$/);
  await screenshots(page, revisions, 'restored');
});

test('right-to-left text reads right to left in the diff', async ({ page }) => {
  const ARABIC = ['قال المتحدث إن الوضع الأمني مستقر في المدينة.', 'وأضاف أن الدعم سيستمر.'].join('\n');
  await newProject(page, host(), 'Arabic');
  await pasteDocument(page, 'Statement', ARABIC);
  const panel = await sideTab(page, 'Document');
  await typeBefore(page, 'مستقر', 'نسبيا ');
  const edited = ARABIC.replace('الأمني مستقر', 'الأمني نسبيا مستقر');
  await expect.poll(async () => (await stored('Arabic')).text).toBe(edited);
  const { id } = await stored('Arabic');
  const [edit] = (await call<RevisionList>(page, 'listRevisions', id)).revisions;
  expect(applyChanges(ARABIC, edit!.changes)).toBe(edited);

  const revisions = revisionsOf(panel);
  await revisions.getByRole('button', { name: /^Revision 1: Edit in edit mode/ }).click();
  const line = revisions.getByRole('region', { name: 'Revision 1 compared with the original' }).locator('.diff-line');
  await expect(line.locator('ins')).toHaveText(/^\s*نسبيا\s*$/);
  await expect(line).toHaveAttribute('dir', 'auto');
  expect(await line.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  // The passage starts at the right: its first word's box is right of the inserted word's.
  const first = await line.evaluate((el) => {
    const range = document.createRange();
    range.setStart(el.firstChild!, 0);
    range.setEnd(el.firstChild!, 3);
    return range.getBoundingClientRect().right;
  });
  const inserted = (await line.locator('ins').boundingBox())!;
  expect(first).toBeGreaterThan(inserted.x + inserted.width);
  await screenshots(page, line, 'rtl');
});

test('a damage repair is a revision: named by the warning it answers, its removed characters shown', async ({ page }) => {
  await newProject(page, host(), 'Repair');
  await importByButton(page, [{ name: 'override.txt', mimeType: 'text/plain', buffer: Buffer.from('Hidden â€®characters here.\n', 'utf8') }]);
  const panel = await sideTab(page, 'Document');
  await panel.getByRole('button', { name: 'Repair “â€®” by removing it' }).click();
  await expect(panel.getByText('No damage found in this text.')).toBeVisible();
  await expect.poll(async () => (await stored('Repair')).text).toBe('Hidden characters here.');

  const revisions = revisionsOf(panel);
  const item = revisions.getByRole('button', { name: /^Revision 1: Damage repair: Garbled characters “â€®”/ });
  await expect(item).toBeVisible();
  const [repair] = (await stored('Repair')).revisions;
  expect(repair).toMatchObject({ reason: 'repair', changes: [{ start: 7, end: 10, before: 'â€®', after: '' }] });
  await item.click();
  const diff = revisions.getByRole('region', { name: 'Revision 1 compared with the original' });
  await expect(diff.locator('.diff-passages del')).toHaveText('â€®');
  await expect(diff.locator('.diff-passages ins')).toHaveCount(0);
  await expect(revisions.getByRole('button', { name: 'Restore the original' })).toBeEnabled();
  await screenshots(page, diff, 'repair');
});
