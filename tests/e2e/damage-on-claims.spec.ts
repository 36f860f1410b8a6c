/**
 * Damage and the source of record, in Chromium through the browser host: repairing the mojibake of
 * a right-to-left override removes it (the stored text has no U+202E, and checking again flags
 * nothing there), and a claim made on spliced words shows the splice warning in its card.
 */
import { expect, test } from '@playwright/test';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { contentToText } from '../../shared/text.js';
import { useHost } from './support/host.js';
import { importByButton, newProject } from './support/project.js';
import { sideTab } from './support/side-panel.js';
import { selectWithMouse } from './support/text-selection.js';

const host = useHost();
const ARTICLE = resolve('tests/fixtures/article-iraq-iran.txt');

/** The current plain text of every stored document of project `name`, read from `documents/<id>.json` on disk (not the kept `<id>.original.json`). */
async function storedTexts(name: string): Promise<string[]> {
  const folder = join(host().workDir, `${name}.factmark`, 'documents');
  const files = (await readdir(folder)).filter((f) => /^[^.]+\.json$/.test(f));
  return Promise.all(files.map(async (f) => contentToText((JSON.parse(await readFile(join(folder, f), 'utf8')) as { content: Parameters<typeof contentToText>[0] }).content)));
}

test('repairing “â€®” removes it: no U+202E in the stored text, and checking again flags nothing there', async ({ page }) => {
  await newProject(page, host(), 'Override');
  await importByButton(page, [{ name: 'override.txt', mimeType: 'text/plain', buffer: Buffer.from('Hidden â€®characters here.\n', 'utf8') }]);
  const text = page.getByRole('textbox', { name: 'Text of override' });
  await expect(text.locator('.damage-mojibake')).toHaveText('â€®');
  const panel = await sideTab(page, 'Document');
  await expect(panel).toContainText('The repair removes these characters and puts nothing in their place: they stand for the right-to-left override (U+202E)');
  await panel.getByRole('button', { name: 'Repair “â€®” by removing it' }).click();
  await expect(text).toHaveText('Hidden characters here.');
  await expect(panel.getByText('No damage found in this text.')).toBeVisible();
  await expect.poll(async () => (await storedTexts('Override')).join('\n')).toBe('Hidden characters here.');
  expect((await storedTexts('Override')).join('')).not.toContain('\u202e');
  await panel.getByRole('button', { name: 'Check again' }).click();
  await expect(panel.getByText('No damage found in this text.')).toBeVisible();
  await expect(text.locator('.damage')).toHaveCount(0);
});

test('a claim on spliced words shows the splice warning in its card (light and dark)', async ({ page }, testInfo) => {
  await newProject(page, host(), 'Splice');
  await importByButton(page, [ARTICLE]);
  await expect(page.getByRole('textbox', { name: 'Text of article-iraq-iran' }).locator('.damage-splice').first()).toBeVisible();
  await selectWithMouse(page, 'he stated in a series of is a crucial component');
  await page.keyboard.press('c');
  const card = page.getByRole('region', { name: /details$/ });
  const warning = card.getByRole('note', { name: /These words carry a damage warning/ });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('Spliced sentences');
  await expect(warning).toContainText('“a series of is” does not read as English');

  await page.keyboard.press('Escape');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await warning.evaluate((el) => el.scrollIntoView({ block: 'center' })); // clear of the sticky tab bar
    await warning.screenshot({ path: testInfo.outputPath(`claim-card-damage-${scheme}.png`) });
  }
});
