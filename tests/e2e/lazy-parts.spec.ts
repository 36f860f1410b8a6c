/**
 * Parts of the window that load on first use (renderer/app/lazy-part.tsx): when a part's chunk
 * cannot be fetched (missing from an install, the host gone for a moment), the place where it
 * belongs says so in words, the rest of the window keeps working, and the next time the part is
 * shown it loads again.
 */
import { expect, test } from '@playwright/test';
import { useHost } from './support/host.js';
import { newProject, pasteDocument } from './support/project.js';
import { sideTab } from './support/side-panel.js';

const host = useHost();

test('a side-panel tab whose code cannot be loaded says so, and loads when shown again', async ({ page }) => {
  // Every request for the annotations panel's chunk fails, from the idle preload on.
  const blocked = '**/chunks/AnnotationsPanel-*.js';
  await page.route(blocked, (route) => route.abort('failed'));
  await newProject(page, host(), 'Lazy');
  const editor = await pasteDocument(page, 'Statement', 'The minister said exports rose by 40 percent.');
  await expect(editor).toContainText('exports rose');

  const annotations = await sideTab(page, 'Annotations');
  await expect(annotations.getByRole('alert')).toContainText('Factmark could not load the annotations panel');
  // The text is still there to read and edit.
  await page.getByRole('button', { name: 'Edit text' }).click();
  await editor.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Officials agreed.');
  await expect(editor).toContainText('Officials agreed.');

  // Once the code can be fetched, showing the tab again loads it.
  await page.unroute(blocked);
  await sideTab(page, 'Codebook');
  const again = await sideTab(page, 'Annotations');
  await expect(again.getByRole('alert')).toHaveCount(0);
  await expect(again.getByRole('combobox', { name: 'Colour by' })).toBeVisible();
});
