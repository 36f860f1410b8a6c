/**
 * A long document, where off-screen paragraphs skip layout (content-visibility), and a very long
 * one, windowed (far blocks are empty stand-ins): the caret still travels to the end, find still
 * reaches and shows a match far below, moving to an annotation scrolls to it, a selection across
 * hundreds of unrendered paragraphs still becomes one claim, and scrolling shows the text.
 * Saving it sends only what changed, from the first edit after it was opened.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { ContentPatch } from '../../shared/contract.js';
import { useHost } from './support/host.js';
import { newProject, pasteDocument } from './support/project.js';
import { selectedText } from './support/text-selection.js';

const host = useHost();

/** Long, with every paragraph rendered as it scrolls in; and beyond WINDOWED_BLOCK_COUNT (renderer/editor/windowing.ts), windowed. */
const LONG = 1_500;
const WINDOWED = 2_500;
const paragraph = (i: number) => `Paragraph ${i}: the ministry said on Tuesday that exports rose by ${i % 97} percent, a figure analysts questioned.`;

/** Pastes `paragraphs` paragraphs as the document "Transcript", which opens; returns its text box. */
async function pasteLongDocument(page: Page, project: string, paragraphs = LONG) {
  await newProject(page, host(), project);
  const editor = await pasteDocument(page, 'Transcript', Array.from({ length: paragraphs }, (_, i) => paragraph(i + 1)).join('\n'));
  await expect(editor.locator('p')).toHaveCount(paragraphs);
  return editor;
}

/** How the browser shows a paragraph: `auto` renders it when near the screen, `hidden` not at all. */
const visibility = (p: Locator) => p.evaluate((element) => getComputedStyle(element).contentVisibility);

/** The number of the paragraph holding the caret. */
const caretParagraph = (page: Page) =>
  page.evaluate(() => {
    const node = getSelection()?.anchorNode;
    const block = (node instanceof Element ? node : node?.parentElement)?.closest('.document-text > *');
    return Number(/^Paragraph (\d+):/.exec(block?.textContent ?? '')?.[1] ?? 0);
  });

/** The block shown across the middle of the reading pane (or the first below it): how it renders and its text. */
const blockAtMiddle = (page: Page) =>
  page.locator('.reader').evaluate((reader) => {
    const box = reader.getBoundingClientRect();
    const middle = (box.top + box.bottom) / 2;
    const block = [...reader.querySelectorAll('.document-text > *')].find((child) => getComputedStyle(child).display !== 'none' && child.getBoundingClientRect().bottom >= middle);
    return { visibility: block ? getComputedStyle(block).contentVisibility : 'none', text: block?.textContent ?? '' };
  });

for (const [paragraphs, windowed] of [
  [LONG, false],
  [WINDOWED, true],
] as const) {
  test(`caret, find, jumps and selection work across off-screen paragraphs (${paragraphs} paragraphs${windowed ? ', windowed' : ''})`, async ({ page }, testInfo) => {
    const editor = await pasteLongDocument(page, `Long ${paragraphs}`, paragraphs);
    // Off-screen paragraphs are not laid out.
    expect(await visibility(editor.locator('p').first())).toBe('auto');
    // Far from the view, a windowed document's blocks are empty stand-ins until they come near.
    if (windowed) await expect(editor.locator('p').last()).toHaveText('');
    // … and each run of them is one box: the page lays out a few dozen blocks, not thousands.
    if (windowed) expect(await editor.evaluate((root) => [...root.children].filter((block) => getComputedStyle(block).display !== 'none').length)).toBeLessThan(200);
    else await expect(editor.locator('p').last()).toHaveText(paragraph(paragraphs));
    expect(await visibility(editor.locator('p').last())).toBe(windowed ? 'visible' : 'auto');

    // Page Down moves the caret a screen at a time, on past the paragraphs built so far (a windowed
    // document pages itself: the browser's own Page Down stopped among stand-ins).
    await editor.locator('p').first().click();
    const paged: number[] = [];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('PageDown');
      paged.push(await caretParagraph(page));
    }
    expect(paged.every((n, i) => n > (paged[i - 1] ?? 1)), `caret paragraphs after each Page Down: ${paged.join(', ')}`).toBe(true);
    expect(paged.at(-1)).toBeGreaterThan(60);
    await page.keyboard.press('PageUp');
    expect(await caretParagraph(page)).toBeLessThan(paged.at(-1)!);

    // The caret reaches the last paragraph, which comes into view.
    await editor.locator('p').first().click();
    // Typing needs edit mode: the text opens read-only.
    await page.getByRole('button', { name: 'Edit text' }).click();
    await editor.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' END');
    await expect(editor.locator('p').last()).toContainText('questioned. END');
    await expect(editor.locator('p').last()).toBeInViewport();
    // Back to read-only, where single keys mark selected words.
    await page.getByRole('button', { name: 'Edit text' }).click();
    await expect(page.getByRole('button', { name: 'Edit text' })).toHaveAttribute('aria-pressed', 'false');
    await editor.focus();

    // Find reaches a match far below the screen and shows it.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+f');
    await page.keyboard.type('Paragraph 1234:');
    await expect(page.getByRole('search', { name: 'Find' }).getByRole('status')).toHaveText('1 of 1');
    await expect(editor.locator('.find-match-current')).toBeInViewport();
    await page.keyboard.press('Escape');

    // A selection from paragraph 1234 to the end, over unrendered paragraphs, becomes one claim.
    await page.keyboard.press('Control+Shift+End');
    // The page draws the paragraphs it brings on screen first; the selection is read once it has.
    await expect.poll(async () => { const selected = await selectedText(page); return selected.startsWith('Paragraph 1234:') && selected.endsWith('questioned. END'); }).toBe(true);
    await page.keyboard.press('c');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('list', { name: 'Annotations in text order' }).getByRole('listitem')).toHaveCount(1);

    // From the top, Alt+↓ moves to that claim: it scrolls into view, selected.
    await page.keyboard.press('Control+Home');
    await expect(editor.locator('p').first()).toBeInViewport();
    await page.keyboard.press('Alt+ArrowDown');
    await expect(editor.locator('.annotation-claim').first()).toBeInViewport();
    expect((await selectedText(page)).startsWith('Paragraph 1234:')).toBe(true);

    // Scrolled to the middle by the scroll bar, the paragraphs there render.
    await page.locator('.reader').evaluate((reader) => (reader.scrollTop = reader.scrollHeight / 2));
    await expect.poll(() => blockAtMiddle(page)).toMatchObject({ visibility: 'auto', text: expect.stringMatching(/^Paragraph \d+:/) });
    // Runs of stand-ins keep their height: half-way down the page is about half-way through the text.
    const middle = Number(/^Paragraph (\d+):/.exec((await blockAtMiddle(page)).text)?.[1]);
    expect(middle).toBeGreaterThan(paragraphs * 0.4);
    expect(middle).toBeLessThan(paragraphs * 0.6);
    await page.screenshot({ path: testInfo.outputPath(`long-${paragraphs}-middle.png`) });
  });
}

test('the first edit after opening sends main only the paragraph it changed', async ({ page }) => {
  const patches: ContentPatch[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/patchDocumentContent')) patches.push((request.postDataJSON() as { args: [string, ContentPatch] }).args[1]);
  });
  const editor = await pasteLongDocument(page, 'Long save');
  await page.getByRole('button', { name: 'Edit text' }).click();
  await editor.locator('p').nth(2).click();
  await page.keyboard.type(' Typed.');
  await page.keyboard.press('Control+s');
  await expect.poll(() => patches.length).toBeGreaterThan(0);
  expect(patches.map(({ base, from, to, blocks }) => ({ base: base !== null, from, to, blocks: blocks.length }))).toEqual([{ base: true, from: 2, to: 3, blocks: 1 }]);
  const sent = JSON.stringify(patches[0]!.blocks);
  expect(sent).toContain('Paragraph 3:');
  expect(sent).toContain(' Typed.');
});
