/**
 * Exporting a report through the browser host: a checked claim shows in the live preview (rendered
 * and as Markdown source), the Markdown download holds its exact words and its short id, and the
 * CSV download opens in spreadsheets (UTF-8 byte order mark, header row), and the PDF download
 * holds the claim's words. The layout (verdict first, the default, or audit) changes the preview's
 * order; the report's web address, given in the dialog, is saved with the project and makes
 * ClaimReview's url the claim's section of the published report, and its absence is said.
 */
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { useHost } from './support/host.js';
import { importByButton, newProject } from './support/project.js';
import { selectWithMouse } from './support/text-selection.js';
import { pdfText } from '../unit/report/pdf-text.js';

const host = useHost();

const ARTICLE = resolve('tests/fixtures/article-iraq-iran.txt');
const QUOTE = 'called for the removal of US forces from Iraq';

/** Clicks Export in the dialog and reads the downloaded file's bytes. */
async function download(page: Page, dialog: Locator): Promise<{ file: Download; bytes: Buffer }> {
  const pending = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await pending;
  return { file, bytes: await readFile((await file.path())!) };
}

/** A new project `name` with the sample article, whose {@link QUOTE} is claim C1 with its restatement typed; returns C1's card. */
async function claimInNewProject(page: Page, name: string): Promise<Locator> {
  await newProject(page, host(), name);
  await importByButton(page, [ARTICLE]);
  await expect(page.getByRole('textbox', { name: 'Text of article-iraq-iran' })).toBeVisible();
  await selectWithMouse(page, QUOTE);
  await page.keyboard.press('c');
  const card = page.getByRole('region', { name: 'Claim C1 details' });
  await expect(card.getByLabel('What is checked')).toBeFocused();
  await page.keyboard.type('Khamenei called for US troops to leave Iraq');
  return card;
}

test('export a report: live preview of a checked claim, Markdown and CSV downloads', async ({ page }, testInfo) => {
  const card = await claimInNewProject(page, 'Report');
  await card.getByLabel('Analyst').fill('R. Haddad');
  await card.getByLabel('Analyst').blur();

  // The menu's shortcut opens the dialog (Alt+Shift+E in a browser); the top bar's button does too.
  await page.keyboard.press('Alt+Shift+E');
  const dialog = page.getByRole('dialog', { name: 'Export report' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await page.getByRole('banner').getByRole('button', { name: 'Export…' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Analyst')).toHaveValue('R. Haddad');

  // The preview: the claim rendered, then the Markdown source.
  const preview = dialog.getByRole('region', { name: 'Preview of the Markdown report' });
  const rendered = preview.getByRole('tabpanel', { name: 'Rendered' });
  await expect(rendered.locator('blockquote', { hasText: QUOTE }).first()).toBeVisible();
  await expect(rendered.getByRole('link', { name: 'C1' }).first()).toBeVisible();
  await expect(rendered.locator('script, img, iframe')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('export-dialog-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('export-dialog-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  // A claim's link scrolls the preview to its section, not the page's address.
  await rendered.getByRole('link', { name: 'C1' }).first().click();
  await expect(rendered.locator('[data-anchor="c1"]')).toBeInViewport();
  expect(new URL(page.url()).hash).toBe('');
  await dialog.getByLabel('Analyst').scrollIntoViewIfNeeded();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('export-dialog-claim-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  await preview.getByRole('tab', { name: 'Markdown source' }).click();
  const source = preview.getByRole('tabpanel', { name: 'Markdown source' });
  await expect(source).toContainText(QUOTE);
  await expect(source).toContainText('R. Haddad');
  await page.screenshot({ path: testInfo.outputPath('export-dialog-source-light.png') });
  // Arrow keys move between the tabs.
  await preview.getByRole('tab', { name: 'Markdown source' }).press('ArrowLeft');
  await expect(preview.getByRole('tab', { name: 'Rendered' })).toBeFocused();
  await expect(preview.getByRole('tab', { name: 'Rendered' })).toHaveAttribute('aria-selected', 'true');

  // Chosen documents with none ticked cannot be exported, and the dialog says why.
  await dialog.getByRole('radio', { name: 'Chosen documents' }).check();
  await expect(dialog.getByRole('alert')).toContainText('Choose at least one document');
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeDisabled();
  await dialog.getByRole('checkbox', { name: 'article-iraq-iran' }).check();
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeEnabled();

  // Markdown, downloaded under its suggested name: the exact words and the claim's short id.
  const markdown = await download(page, dialog);
  expect(markdown.file.suggestedFilename()).toMatch(/\.md$/);
  const report = markdown.bytes.toString('utf8');
  expect(report).toContain(QUOTE);
  expect(report).toContain('C1');
  await expect(dialog.getByRole('status').filter({ hasText: 'Downloaded' })).toContainText(markdown.file.suggestedFilename());

  // CSV of the claims: a UTF-8 byte order mark for Excel, then the header row.
  await dialog.getByRole('radio', { name: /^Claims as a spreadsheet/ }).check();
  const csv = await download(page, dialog);
  expect(csv.file.suggestedFilename()).toMatch(/\.csv$/);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = csv.bytes.subarray(3).toString('utf8').split(/\r?\n/);
  expect(header).toMatch(/^[\w" ]+(,[\w" ()-]+)+$/);
  expect(rows.join('\n')).toContain(QUOTE);

  // The PDF: the preview says what it shows, and the download is a PDF holding the claim's words.
  await dialog.getByRole('radio', { name: /^The same report as a PDF/ }).check();
  await expect(dialog).toContainText('the PDF is made when you export');
  await page.screenshot({ path: testInfo.outputPath('export-pdf.png') });
  const pdf = await download(page, dialog);
  expect(pdf.file.suggestedFilename()).toMatch(/\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect((await pdfText(new Uint8Array(pdf.bytes))).replace(/\s+/g, ' ')).toContain(QUOTE);
});

test('report layout and address: verdict first or audit, and the address ClaimReview needs, saved with the project', async ({ page, browser }, testInfo) => {
  const card = await claimInNewProject(page, 'Published');
  await card.getByLabel('Claimant').fill("The Supreme Leader's office");
  await card.getByLabel('Claimant').blur();
  await card.getByLabel('Person or organisation').selectOption('organization');
  await card.getByRole('radio', { name: 'True', exact: true }).check();
  await card.getByLabel('Conclusion').fill('He **did** call for it, in the meeting with Al-Sudani.\n\nSee [his office](https://english.khamenei.ir/) for the readout.');
  await card.getByLabel('Conclusion').blur();
  await card.getByLabel('Analyst').fill('R. Haddad');
  await card.getByLabel('Analyst').blur();
  await expect(page.getByText('All changes saved')).toBeVisible();

  await page.getByRole('banner').getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export report' });
  const rendered = dialog.getByRole('region', { name: 'Preview of the Markdown report' }).getByRole('tabpanel', { name: 'Rendered' });
  const sections = () => rendered.locator('h2').allTextContents();

  // Verdict first by default: the claim's verdict and conclusion (as Markdown) before the text; audit puts the documents first.
  await expect(dialog.getByRole('radio', { name: /^Verdict first/ })).toBeChecked();
  await dialog.getByRole('group', { name: 'Layout' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('export-dialog-layout-light.png') });
  await expect(rendered.locator('h2').nth(2)).toHaveText('Fact-checks');
  expect(await sections()).toEqual(['Summary', 'Claims', 'Fact-checks', 'Annotated text', 'Sources', 'Documents', 'Text damage', 'Changes to the source text', 'Methodology', 'Corrections']);
  await expect(rendered.locator('strong', { hasText: 'did' })).toBeVisible();
  await expect(rendered.getByRole('link', { name: 'his office' })).toHaveAttribute('href', 'https://english.khamenei.ir/');
  await dialog.getByRole('radio', { name: /^Audit/ }).check();
  await expect(rendered.locator('h2').first()).toHaveText('Documents');
  expect((await sections()).indexOf('Claim details')).toBeGreaterThan((await sections()).indexOf('Annotated text'));
  await dialog.getByRole('radio', { name: /^Verdict first/ }).check();
  await expect(rendered.locator('h2').nth(2)).toHaveText('Fact-checks');

  // ClaimReview without the report's address: the dialog says what it lacks.
  await dialog.getByRole('radio', { name: /^schema\.org ClaimReview/ }).check();
  await expect(dialog.getByRole('status').filter({ hasText: 'ClaimReview needs the report' })).toBeVisible();
  const address = dialog.getByLabel(/^Published at/);
  await address.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('export-dialog-address-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('export-dialog-address-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  // The address, once given and left, is the project's: on disk, in ClaimReview's url with the claim's anchor, and there next time.
  await address.fill('https://factdesk.example.org/checks/khamenei-iraq');
  await address.blur();
  const projectFile = join(host().workDir, 'Published.factmark', 'project.json');
  await expect.poll(async () => (JSON.parse(await readFile(projectFile, 'utf8')) as { reportUrl?: string }).reportUrl).toBe('https://factdesk.example.org/checks/khamenei-iraq');
  await expect(dialog.getByRole('status').filter({ hasText: 'ClaimReview needs the report' })).toHaveCount(0);
  const claimReview = JSON.parse((await download(page, dialog)).bytes.toString('utf8')) as { '@graph': { url: string; '@id': string; itemReviewed: { author: unknown } }[] };
  expect(claimReview['@graph'][0]).toMatchObject({ '@id': 'https://factdesk.example.org/checks/khamenei-iraq#c1', url: 'https://factdesk.example.org/checks/khamenei-iraq#c1', itemReviewed: { author: { '@type': 'Organization', name: "The Supreme Leader's office" } } });
  await page.reload();
  await page.getByRole('banner').getByRole('button', { name: 'Export…' }).click();
  await expect(dialog.getByLabel(/^Published at/)).toHaveValue('https://factdesk.example.org/checks/khamenei-iraq');

  // The verdict-first web page, as a reader opens it: light and dark.
  await dialog.getByRole('radio', { name: /^The same report as one self-contained web page/ }).check();
  const html = await download(page, dialog);
  const file = testInfo.outputPath('verdict-first.html');
  await writeFile(file, html.bytes);
  const reader = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
  await reader.goto(pathToFileURL(file).href);
  await expect(reader.locator('#c1')).toHaveText('C1');
  await reader.locator('#fact-checks').scrollIntoViewIfNeeded();
  await reader.screenshot({ path: testInfo.outputPath('verdict-first-report-light.png') });
  await reader.emulateMedia({ colorScheme: 'dark' });
  await reader.screenshot({ path: testInfo.outputPath('verdict-first-report-dark.png') });
  await reader.close();
});
