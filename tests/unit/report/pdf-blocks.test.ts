/**
 * The PDF reads the Markdown report's raw HTML as the HTML report renders it: the report's own
 * fallback tags style the words (bold, italic, a line break) and any other tag is shown as text.
 */
import { describe, expect, it } from 'vitest';
import { markdownBlocks, type Block } from '../../../main/services/export/pdf/blocks.js';

function paragraphRuns(blocks: Block[]) {
  const first = blocks[0];
  if (!first || first.kind !== 'paragraph') throw new Error(`expected a paragraph, got ${JSON.stringify(first)}`);
  return first.runs.map(({ text, bold, italic }) => ({ text, bold, italic }));
}

describe('raw HTML in the PDF', () => {
  it('sets the report’s own <strong>, <em> and <br> as styles, not as text', () => {
    expect(paragraphRuns(markdownBlocks('a<strong>b</strong>c<em>d</em><br>e'))).toEqual([
      { text: 'a', bold: false, italic: false },
      { text: 'b', bold: true, italic: false },
      { text: 'c', bold: false, italic: false },
      { text: 'd', bold: false, italic: true },
      { text: '\n', bold: false, italic: false },
      { text: 'e', bold: false, italic: false },
    ]);
  });

  it('shows any other tag as its own characters', () => {
    const text = paragraphRuns(markdownBlocks('x <script>alert(1)</script> y')).map((r) => r.text).join('');
    expect(text).toBe('x <script>alert(1)</script> y');
  });
});
