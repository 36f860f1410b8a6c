/**
 * The source library, the project overview and the rating scales in Chromium against the real
 * services: an analyst adds sources (invalid addresses and future dates refused in the dialog),
 * is told of a duplicate, merges two, cannot delete a source in use and is told where, imports a
 * Zotero CSL-JSON library and exports it again; opens the overview, follows a count to the claim in
 * its document; switches the rating scale and builds one of their own.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { useHost } from './support/host.js';
import { importByButton, newProject } from './support/project.js';
import { selectWithMouse } from './support/text-selection.js';

const host = useHost();

const ARTICLE = resolve('tests/fixtures/article-iraq-iran.txt');
const ZOTERO_EXPORT = resolve('tests/fixtures/csl/zotero-export.json');

interface ProjectSnapshot {
  project: {
    sources: { id: string; title: string; url: string; reliability: string; authors: unknown[]; published: string | null }[];
    ratingScales: { id: string; name: string; conclusionOnly: boolean; levels: { label: string; value: number | null }[] }[];
    activeRatingScaleId: string | null;
  };
}

/** Calls the contract the way the page does (for what other panels make: evidence, mentions). */
async function call(page: Page, name: string, ...args: unknown[]): Promise<unknown> {
  const response = await page.request.post(`${host().origin}/api/${name}`, { headers: { 'X-Factmark-Token': host().token, Origin: host().origin }, data: { args } });
  const result = (await response.json()) as { ok: boolean; value: unknown };
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return result.value;
}

const openProject = async (page: Page) => ((await call(page, 'getOpenProject')) as ProjectSnapshot).project;

async function sourcesTab(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Sources', exact: true }).click();
  return page.getByRole('region', { name: /^Sources/ });
}

/** The row of a source in the library. */
const sourceRow = (library: Locator, title: string) => library.getByRole('listitem').filter({ has: library.page().getByText(title, { exact: true }) });

/** Fills the source dialog's fields that are named, then adds the source. */
async function addSource(page: Page, library: Locator, fields: { title: string; url?: string; published?: string; authors?: string; outlet?: string; grade?: string; type?: string }) {
  await library.getByRole('button', { name: 'Add source' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add source' });
  await fillSource(dialog, fields);
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await expect(dialog).toBeHidden();
  await expect(sourceRow(library, fields.title)).toBeVisible();
}

async function fillSource(dialog: Locator, fields: { title: string; url?: string; published?: string; authors?: string; outlet?: string; grade?: string; type?: string }) {
  await dialog.getByLabel('Title', { exact: true }).fill(fields.title);
  if (fields.type) await dialog.getByLabel('Type').selectOption({ label: fields.type });
  if (fields.url !== undefined) await dialog.getByLabel('Web address (URL)').fill(fields.url);
  if (fields.published !== undefined) await dialog.getByLabel('Published', { exact: true }).fill(fields.published);
  if (fields.authors) await dialog.getByLabel('Authors').fill(fields.authors);
  if (fields.outlet) await dialog.getByLabel('Outlet or publisher').fill(fields.outlet);
  if (fields.grade) await dialog.getByLabel('Reliability (Admiralty)').selectOption({ value: fields.grade });
}

test('source library: add, refuse invalid input inline, detect a duplicate, merge, refuse deleting a used source, import and export CSL-JSON', async ({ page }, testInfo) => {
  await newProject(page, host(), 'Library desk');
  let library = await sourcesTab(page);
  await expect(library).toContainText('No sources yet');

  // An address that is not http(s) and a publication date in the future are refused in the dialog; nothing is sent.
  await library.getByRole('button', { name: 'Add source' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add source' });
  await expect(dialog.getByLabel('Title', { exact: true })).toBeFocused();
  await fillSource(dialog, { title: 'Joint statement on the 2023 security agreement', url: 'ftp://files.example.org/statement.pdf', published: '2999-01-01' });
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await expect(dialog.getByLabel('Web address (URL)')).toHaveAccessibleDescription(/Only web addresses \(http or https\) are kept/);
  await expect(dialog.getByLabel('Published', { exact: true })).toHaveAccessibleDescription(/The publication date cannot be in the future/);
  await expect(dialog.getByLabel('Web address (URL)')).toBeFocused();
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: testInfo.outputPath('source-dialog-refused-light.png') });
  expect((await openProject(page)).sources).toEqual([]);

  await fillSource(dialog, {
    title: 'Joint statement on the 2023 security agreement',
    type: 'Official statement',
    url: 'https://www.example.org/statement',
    published: '2024-09-18',
    authors: 'Ministry of Foreign Affairs\nAl-Sudani, Mohammed',
    outlet: 'Iraqi News Agency',
    grade: 'B',
  });
  await expect(dialog.getByText('cannot be in the future')).toBeHidden();
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await expect(dialog).toBeHidden();
  const statement = sourceRow(library, 'Joint statement on the 2023 security agreement');
  await expect(statement).toContainText('Official statement · Iraqi News Agency · example.org');
  await expect(statement).toContainText('Not used');
  await expect(statement.locator('.grade-badge')).toHaveAttribute('title', 'Reliability B: Usually reliable');
  let stored = (await openProject(page)).sources;
  expect(stored[0]).toMatchObject({ url: 'https://www.example.org/statement', published: '2024-09-18', reliability: 'B', authors: [{ literal: 'Ministry of Foreign Affairs' }, { family: 'Al-Sudani', given: 'Mohammed' }] });

  await addSource(page, library, { title: 'Iran and Iraq sign rail deal', type: 'News article', url: 'https://www.reuters.com/world/middle-east/iraq-iran-sign-railway-deal-2023-09-04/', outlet: 'Reuters', grade: 'C' });

  // The same address again: the dialog says so and offers the source already there.
  await library.getByRole('button', { name: 'Add source' }).click();
  const again = page.getByRole('dialog', { name: 'Add source' });
  await fillSource(again, { title: 'Statement (copy)', url: 'https://example.org/statement/?utm_source=newsletter' });
  await expect(again.getByRole('status')).toHaveText('“Joint statement on the 2023 security agreement” is already in the library, with the same web address. Open it instead, or change this one.');
  await again.getByRole('button', { name: 'Add source' }).click();
  await expect(again.getByLabel('Web address (URL)')).toBeFocused();
  expect((await openProject(page)).sources).toHaveLength(2);
  await again.getByRole('button', { name: 'Open that source instead' }).click();
  const opened = page.getByRole('dialog', { name: 'Edit source “Joint statement on the 2023 security agreement”' });
  await expect(opened.getByLabel('Outlet or publisher')).toHaveValue('Iraqi News Agency');
  await expect(opened.getByLabel('Authors')).toHaveValue('Ministry of Foreign Affairs\nAl-Sudani, Mohammed');
  await opened.getByRole('button', { name: 'Cancel' }).click();

  // A library from before duplicates were refused (or edited by hand) holds a pair: the library points it out.
  await page.getByRole('button', { name: 'Close project' }).click();
  const projectFile = join(host().workDir, 'Library desk.factmark', 'project.json');
  const onDisk = JSON.parse(await readFile(projectFile, 'utf8')) as { sources: Record<string, unknown>[] };
  onDisk.sources.push({ ...onDisk.sources[0], id: 'copy-of-statement', title: 'Statement (copy)', url: 'https://example.org/statement/?utm_source=newsletter', reliability: 'D' });
  await writeFile(projectFile, JSON.stringify(onDisk, null, 2));
  await page.getByRole('button', { name: /^Library desk/ }).click();
  library = await sourcesTab(page);
  const notice = library.getByRole('region', { name: 'Possible duplicates' });
  await expect(notice).toContainText('“Statement (copy)” has the same web address as “Joint statement on the 2023 security agreement”.');
  await page.emulateMedia({ colorScheme: 'light' });
  await library.screenshot({ path: testInfo.outputPath('source-library-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await library.screenshot({ path: testInfo.outputPath('source-library-dark.png') });
  await notice.getByRole('button', { name: /^Merge/ }).click();
  const merge = page.getByRole('dialog', { name: 'Merge “Statement (copy)” into another source' });
  await expect(merge.getByLabel('Merge into')).toHaveValue(stored[0]!.id);
  await expect(merge).toContainText('Evidence and source mentions that use “Statement (copy)” will use “Joint statement on the 2023 security agreement” instead');
  await page.screenshot({ path: testInfo.outputPath('source-merge-dark.png') });
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(merge).toBeHidden();
  await expect(sourceRow(library, 'Statement (copy)')).toHaveCount(0);
  await expect(notice).toBeHidden();
  await expect(library.getByRole('heading', { name: /^Sources/ })).toBeFocused();
  stored = (await openProject(page)).sources;
  expect(stored.map((s) => s.title)).toEqual(['Joint statement on the 2023 security agreement', 'Iran and Iraq sign rail deal']);

  // A source mention uses the Reuters report (the annotation tools are another test's subject).
  const reuters = stored[1]!;
  const speech = (await call(page, 'createDocument', { title: 'Minister’s speech', text: 'Reuters reported the rail deal.' })) as { id: string };
  const content = ((await call(page, 'getDocument', speech.id)) as { document: { content: unknown } }).document.content;
  const mention = {
    id: 'mention-1',
    kind: 'sourceMention',
    sourceId: reuters.id,
    anchor: { quote: { exact: 'Reuters', prefix: '', suffix: ' reported' }, position: { start: 0, end: 7 } },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
  await call(page, 'updateDocumentContent', speech.id, content, [mention]);
  await call(page, 'saveNow');
  await page.reload();
  const reloaded = await sourcesTab(page);
  await expect(sourceRow(reloaded, 'Iran and Iraq sign rail deal')).toContainText('Used once');

  // Deleting it is refused, saying where it is used; the source stays.
  await reloaded.getByRole('button', { name: 'Delete source Iran and Iraq sign rail deal' }).click();
  const question = page.getByRole('dialog', { name: 'Delete source “Iran and Iraq sign rail deal”?' });
  await question.getByRole('button', { name: 'Delete source' }).click();
  await expect(question.getByRole('alert')).toContainText('Minister’s speech');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: testInfo.outputPath('source-delete-refused-light.png') });
  await expect(question.getByRole('button', { name: 'Delete source' })).toHaveCount(0);
  await expect(question.getByRole('button', { name: 'Merge into another source…' })).toBeVisible();
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(sourceRow(reloaded, 'Iran and Iraq sign rail deal')).toBeVisible();

  // An unused source goes after the question.
  await reloaded.getByRole('button', { name: 'Delete source Joint statement on the 2023 security agreement' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete source' }).click();
  await expect(sourceRow(reloaded, 'Joint statement on the 2023 security agreement')).toHaveCount(0);

  // Import a Zotero export: the panel says what came in, what it skipped and what it refused.
  const chooser = page.waitForEvent('filechooser');
  await reloaded.getByRole('button', { name: 'Import CSL-JSON…' }).click();
  await (await chooser).setFiles(ZOTERO_EXPORT);
  await expect(reloaded.getByRole('status')).toHaveText(
    'Added 5 sources from zotero-export.json. 1 duplicate skipped (already in the library). 2 entries refused: Entry 7: it has no title. Entry 8: it is not a CSL item (an object).',
  );
  await expect(reloaded.getByRole('list', { name: 'Sources of the library' }).getByRole('listitem')).toHaveCount(6);
  await expect(sourceRow(reloaded, 'Iraq: Economic Monitor, Spring 2024')).toContainText('Report · World Bank · worldbank.org');
  await expect(sourceRow(reloaded, 'Iraq: Economic Monitor, Spring 2024')).toContainText('World Bank Group');

  // Searching narrows the list.
  await reloaded.getByRole('searchbox', { name: 'Search sources' }).fill('rail deal');
  await expect(reloaded.getByRole('list', { name: 'Sources of the library' }).getByRole('listitem')).toHaveCount(1);
  await reloaded.getByRole('searchbox', { name: 'Search sources' }).fill('');

  // Export: a CSL-JSON array named after the project, with every source.
  const download = page.waitForEvent('download');
  await reloaded.getByRole('button', { name: 'Export CSL-JSON' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Library desk sources.json');
  const exported = JSON.parse(await readFile((await file.path())!, 'utf8')) as { title: string; URL?: string; type: string }[];
  expect(Array.isArray(exported)).toBe(true);
  expect(exported).toHaveLength(6);
  expect(exported).toContainEqual(expect.objectContaining({ title: 'Iran and Iraq sign rail deal', URL: 'https://www.reuters.com/world/middle-east/iraq-iran-sign-railway-deal-2023-09-04/' }));

  // The edit dialog of an imported source, in both themes.
  await reloaded.getByRole('button', { name: 'Edit source Iraq: Economic Monitor, Spring 2024' }).click();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('source-dialog-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: testInfo.outputPath('source-dialog-light.png') });
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
});

test('overview: counts lead to the claim in its document; switch the rating scale and build a custom one', async ({ page }, testInfo) => {
  await newProject(page, host(), 'Overview desk');
  await importByButton(page, [ARTICLE]);
  const text = page.getByRole('textbox', { name: 'Text of article-iraq-iran' });
  await expect(text).toBeVisible();

  // One claim made in the text, another document beside it.
  await selectWithMouse(page, 'called for the removal of US forces from Iraq');
  await page.keyboard.press('c');
  await expect(page.getByRole('region', { name: 'Claim C1 details' })).toBeVisible();
  await page.keyboard.press('Escape');
  await call(page, 'createDocument', { title: 'Press release', text: 'The railway opens next year.' });
  const draft = { type: 'report', authors: [], publisher: '', published: null, accessed: null, url: '', archiveUrl: '', language: '', notes: '', withhold: false };
  await call(page, 'createSource', { ...draft, title: 'Security agreement text', reliability: 'A' });
  await call(page, 'createSource', { ...draft, title: 'Anonymous official', type: 'interview', reliability: 'D', withhold: true });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.reload();
  await page.getByRole('navigation').getByRole('button', { name: 'Press release', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Text of Press release' })).toBeVisible();

  // The overview replaces the text; a second click brings the text back.
  const overviewButton = page.getByRole('button', { name: 'Overview', exact: true });
  await overviewButton.click();
  await expect(overviewButton).toHaveAttribute('aria-pressed', 'true');
  const overview = page.getByRole('region', { name: 'Overview' });
  await expect(overview).toContainText('1 claim in 1 of 2 documents');
  await expect(page.getByRole('textbox', { name: 'Text of Press release' })).toBeHidden();
  const byStatus = overview.getByRole('table', { name: 'Claims by status' });
  await expect(byStatus.getByRole('button', { name: '1 claim: New' })).toBeVisible();
  await expect(byStatus.getByRole('button', { name: '0 claims: Done' })).toBeVisible();
  await expect(overview.getByRole('table', { name: 'Needs attention' }).getByRole('button', { name: '1 claim: Missing evidence' })).toBeVisible();
  await expect(overview.getByRole('table', { name: 'Sources by reliability' }).getByRole('button', { name: '1 source graded D: show where they are used' })).toBeVisible();
  await expect(overview.getByRole('table', { name: 'Sources by use' }).getByRole('button', { name: '0 uses: Anonymous official' })).toBeVisible();
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: testInfo.outputPath('overview-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('overview-dark.png') });
  await overview.getByRole('table', { name: 'Sources by use' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('overview-sources-dark.png') });
  await overviewButton.click();
  await expect(page.getByRole('textbox', { name: 'Text of Press release' })).toBeVisible();

  // Follow "missing evidence" to the claim: its document opens with the claim selected.
  await overviewButton.click();
  await overview.getByRole('table', { name: 'Needs attention' }).getByRole('button', { name: '1 claim: Missing evidence' }).click();
  const listed = overview.getByRole('region', { name: /^Needs attention: Missing evidence/ });
  await expect(listed.getByRole('heading')).toBeFocused();
  const entry = listed.getByRole('listitem').getByRole('button');
  await expect(entry).toContainText('C1');
  await expect(entry).toContainText('article-iraq-iran');
  await expect(entry).toContainText('called for the removal of US forces from Iraq');
  await expect(entry).toContainText('Status: New');
  await expect(entry).toContainText('Verdict: No verdict yet');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: testInfo.outputPath('overview-list-light.png') });
  await entry.click();
  await expect(overviewButton).toHaveAttribute('aria-pressed', 'false');
  await expect(text).toBeVisible();
  await expect(text.locator('.annotation-claim.is-active')).toHaveText('called for the removal of US forces from Iraq');
  await expect(page.getByRole('region', { name: 'Claim C1 details' })).toBeVisible();

  // Rating scales: the presets arrive with the project; choose another one.
  const before = await openProject(page);
  expect(before.ratingScales.length).toBeGreaterThan(1);
  const other = before.ratingScales.find((s) => s.id !== before.activeRatingScaleId && !s.conclusionOnly)!;
  await overviewButton.click();
  await overview.getByRole('button', { name: 'Rating scale…' }).click();
  const scales = page.getByRole('dialog', { name: 'Rating scale' });
  await page.screenshot({ path: testInfo.outputPath('rating-scales-light.png') });
  await scales.getByRole('button', { name: `Use ${other.name}` }).click();
  await expect(scales.getByRole('listitem').filter({ hasText: 'In use' })).toContainText(other.name);
  expect((await openProject(page)).activeRatingScaleId).toBe(other.id);
  await expect(overview.getByRole('table', { name: `Claims by verdict (${other.name})` })).toContainText(other.levels[0]!.label);

  // A custom scale: a value that is not a number is refused inline; levels are added and reordered.
  await scales.getByRole('button', { name: 'New scale…' }).click();
  const editor = page.getByRole('dialog', { name: 'New rating scale' });
  await editor.getByLabel('Name of the scale').fill('Desk scale');
  const level = (n: number) => editor.getByRole('group', { name: `Level ${n}` });
  await level(1).getByLabel('Label').fill('Accurate');
  await level(1).getByLabel('Value').fill('2');
  await editor.getByRole('button', { name: 'Add level' }).click();
  await level(2).getByLabel('Label').fill('Inaccurate');
  await level(2).getByLabel('Value').fill('none');
  await editor.getByRole('button', { name: 'Add level' }).click();
  await level(3).getByLabel('Label').fill('Misleading');
  await level(3).getByLabel('Description').fill('True words arranged to give a false impression');
  await level(3).getByLabel('Value').fill('1');
  await editor.getByRole('button', { name: 'Save scale' }).click();
  await expect(level(2).getByLabel('Value')).toHaveAccessibleDescription('Write a number, such as 1 or 0.5, or leave it empty.');
  await level(2).getByLabel('Value').fill('0');
  await editor.getByRole('button', { name: 'Move Misleading up' }).click();
  await expect(level(2).getByLabel('Label')).toHaveValue('Misleading');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('rating-scale-editor-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await editor.getByRole('button', { name: 'Save scale' }).click();
  const list = page.getByRole('dialog', { name: 'Rating scale' });
  await expect(list.getByRole('list', { name: 'Levels of Desk scale' })).toHaveText(/Accurate\s*Misleading\s*Inaccurate/);
  await list.getByRole('button', { name: 'Use Desk scale' }).click();
  await expect(list.getByRole('listitem').filter({ hasText: 'In use' })).toContainText('Desk scale');
  const saved = (await openProject(page)).ratingScales.find((s) => s.name === 'Desk scale')!;
  expect(saved.levels.map((l) => [l.label, l.value])).toEqual([['Accurate', 2], ['Misleading', 1], ['Inaccurate', 0]]);

  // A scale no verdict uses can be deleted.
  await list.getByRole('button', { name: `Delete ${other.name}` }).click();
  await list.getByRole('group', { name: `Delete ${other.name}?` }).getByRole('button', { name: 'Delete scale' }).click();
  await expect(list.getByRole('button', { name: `Use ${other.name}` })).toHaveCount(0);
  await list.getByRole('button', { name: 'Close' }).click();
  await expect(overview.getByRole('table', { name: 'Claims by verdict (Desk scale)' })).toContainText('Misleading');
});
