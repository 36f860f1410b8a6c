/**
 * Runs of stand-ins shown as one box (renderer/editor/stand-in-runs.ts): each run's head takes the
 * height of the whole run and the rest fold away; folding again after blocks came near or went far
 * moves the heights with them; and a height inside a head's box maps to the stand-in it stands for.
 * On linkedom's DOM, with the head's rectangle given by hand (there is no layout here).
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { blockShownAt, foldStandIns, markStandIn } from '../../../renderer/editor/stand-in-runs.js';

/** An editor root with one child per entry: a number is a stand-in of that many lines, a string a built block. */
function root(children: Array<number | string>): { root: HTMLElement; blocks: HTMLElement[] } {
  const { document } = parseHTML('<html><body><div class="document-text"></div></body></html>');
  const element = document.querySelector('.document-text') as unknown as HTMLElement;
  const blocks = children.map((child) => standInOrBlock(element.ownerDocument, child));
  blocks.forEach((block) => element.append(block));
  return { root: element, blocks };
}

function standInOrBlock(document: Document, child: number | string): HTMLElement {
  const element = document.createElement('p');
  if (typeof child === 'string') element.textContent = child;
  else markStandIn(element, child);
  return element;
}

/** What each block shows: its text, `folded`, or a stand-in's inline height (`own` when it has only its own). */
const shown = (blocks: HTMLElement[]) => blocks.map((block) => block.textContent || (block.classList.contains('folded') ? 'folded' : block.style.height || 'own'));

describe('stand-in runs', () => {
  it('shows each run of stand-ins as its first, as tall as the run, and keeps built blocks as they are', () => {
    const { root: editor, blocks } = root(['a', 2, 3, 1, 'b', 4]);
    const boxes = foldStandIns(editor);
    expect(boxes).toEqual([blocks[0], blocks[1], blocks[4], blocks[5]]);
    expect(shown(blocks)).toEqual(['a', '12em', 'folded', 'folded', 'b', 'own']);
  });

  it('moves heights and folds with the blocks when the window moves', () => {
    const { root: editor, blocks } = root(['a', 2, 3, 1, 'b', 4]);
    foldStandIns(editor);
    // Block 2 comes near (built again, with text) and block 0 goes far (a stand-in of 5 lines).
    const [near, far] = [standInOrBlock(editor.ownerDocument, 'c'), standInOrBlock(editor.ownerDocument, 5)];
    blocks[2]!.replaceWith(near);
    blocks[0]!.replaceWith(far);
    const now = [far, blocks[1]!, near, blocks[3]!, blocks[4]!, blocks[5]!];
    expect(foldStandIns(editor)).toEqual([far, near, blocks[3], blocks[4], blocks[5]]);
    expect(shown(now)).toEqual(['12.8em', 'folded', 'c', 'own', 'b', 'own']);
  });

  it('finds the stand-in that a height inside a run’s box stands for', () => {
    const { root: editor, blocks } = root(['a', 2, 3, 1]);
    const [, head] = foldStandIns(editor);
    // Six lines (1.7 em each) and two gaps (0.9 em) between three blocks: 12 em, drawn 120 px tall from y = 100.
    expect(head!.style.height).toBe('12em');
    head!.getBoundingClientRect = () => ({ top: 100, bottom: 220, height: 120 }) as DOMRect;
    expect(blockShownAt(head!, 50)).toBe(blocks[1]);
    // Two lines and a gap: 4.3 em.
    expect(blockShownAt(head!, 142)).toBe(blocks[1]);
    expect(blockShownAt(head!, 144)).toBe(blocks[2]);
    // Three more lines and a gap: 10.3 em.
    expect(blockShownAt(head!, 202)).toBe(blocks[2]);
    expect(blockShownAt(head!, 204)).toBe(blocks[3]);
    expect(blockShownAt(head!, 900)).toBe(blocks[3]);
    expect(blockShownAt(blocks[0]!, 150)).toBe(blocks[0]);
  });
});
