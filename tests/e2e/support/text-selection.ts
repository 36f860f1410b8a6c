/**
 * Selecting words in the document text the way an analyst does: with the mouse, dragging from
 * the first letter of a phrase to its last.
 */
import type { Page } from '@playwright/test';

/** Where a phrase of the document text starts and ends on screen (its first occurrence). */
async function phraseEdges(page: Page, phrase: string, occurrence = 0) {
  const edges = await page.evaluate(
    ({ phrase, occurrence }) => {
      const root = document.querySelector('.document-text');
      if (!root) return null;
      const nodes: { node: Text; start: number }[] = [];
      let text = '';
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node: node as Text, start: text.length });
        text += node.nodeValue ?? '';
      }
      let at = -1;
      for (let i = 0; i <= occurrence; i += 1) at = text.indexOf(phrase, at + 1);
      if (at < 0) return null;
      const locate = (offset: number) => {
        const entry = [...nodes].reverse().find((n) => n.start <= offset)!;
        return { node: entry.node, offset: offset - entry.start };
      };
      const rectOf = (offset: number) => {
        const { node, offset: inNode } = locate(offset);
        const range = document.createRange();
        range.setStart(node, inNode);
        range.setEnd(node, inNode + 1);
        return range.getBoundingClientRect();
      };
      locate(at).node.parentElement!.scrollIntoView({ block: 'center' });
      const first = rectOf(at);
      const last = rectOf(at + phrase.length - 1);
      // Right-to-left text starts at the right edge of its first letter and ends at the left of its last.
      const rtl = getComputedStyle(locate(at).node.parentElement!).direction === 'rtl' || /[\u0590-\u08ff]/.test(phrase[0]!);
      return rtl
        ? { startX: first.right - 1, startY: first.top + first.height / 2, endX: last.left + 1, endY: last.top + last.height / 2 }
        : { startX: first.left + 1, startY: first.top + first.height / 2, endX: last.right - 1, endY: last.top + last.height / 2 };
    },
    { phrase, occurrence },
  );
  if (!edges) throw new Error(`"${phrase}" is not in the document text`);
  return edges;
}

/** Drags the mouse over a phrase of the document text, selecting it. */
export async function selectWithMouse(page: Page, phrase: string, occurrence = 0): Promise<void> {
  const { startX, startY, endX, endY } = await phraseEdges(page, phrase, occurrence);
  await page.mouse.move(startX, startY);
  await page.mouse.down();
  await page.mouse.move((startX + endX) / 2, (startY + endY) / 2, { steps: 4 });
  await page.mouse.move(endX, endY, { steps: 4 });
  await page.mouse.up();
}

/** Clicks just before the first letter of a phrase, placing the cursor there. */
export async function clickBefore(page: Page, phrase: string): Promise<void> {
  const { startX, startY } = await phraseEdges(page, phrase);
  await page.mouse.click(startX - 1, startY);
  // A click inside selected words collapses them on mouse-up; a busy page may take a moment to say so.
  await page.waitForFunction(() => window.getSelection()?.isCollapsed ?? true);
}

/** The words selected in the page. */
export function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => window.getSelection()?.toString() ?? '');
}
