/** Starting a project the way an analyst does: the start screen's "New project…" in the browser host. */
import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';

/** A file made by a test: its name, type and bytes (Playwright's file chooser takes these). */
export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}
import { join } from 'node:path';
import type { RunningHost } from '../browser-host.js';

/** Creates the project `name` in the host's work folder and waits for it to open. */
export async function newProject(page: Page, host: RunningHost, name: string): Promise<void> {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New project…' }).click();
  await page.getByLabel('Folder for the new project').fill(join(host.workDir, `${name}.factmark`));
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

/** Imports files (paths, or files made by the test) with the document list's Import button and the page's file chooser. */
export async function importByButton(page: Page, files: string[] | FilePayload[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('navigation').getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(files);
}

/** Adds a document by pasting `text` under `title` in the New document dialog; returns its text box once shown. */
export async function pasteDocument(page: Page, title: string, text: string): Promise<Locator> {
  await page.getByRole('button', { name: 'New document' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Text').fill(text);
  await dialog.getByRole('button', { name: /Add|Create/ }).click();
  const editor = page.getByRole('textbox', { name: `Text of ${title}` });
  await expect(editor).toBeVisible();
  return editor;
}

/**
 * Opens the running project in a second tab with a browser context of its own (so it can lose its
 * connection while the first tab works on) and shows the document `title` there.
 */
export async function openInSecondTab(browser: Browser, host: RunningHost, title: string): Promise<{ context: BrowserContext; tab: Page; editor: Locator }> {
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(host.url);
  await tab.getByRole('navigation').getByRole('button', { name: title, exact: true }).click();
  const editor = tab.getByRole('textbox', { name: `Text of ${title}` });
  await expect(editor).toBeVisible();
  return { context, tab, editor };
}
