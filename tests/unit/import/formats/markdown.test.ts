import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../../main/services/import/formats/markdown.js';
import { contentToText } from '../../../../shared/text.js';

const sample = readFileSync(resolve(import.meta.dirname, '../../../fixtures/import/formats/sample.md'), 'utf8');

describe('parseMarkdown', () => {
  const parsed = parseMarkdown(sample, 'sample.md');
  const blocks = parsed.content.content!;

  it('takes the title from the first heading', () => {
    expect(parsed.title).toBe('Fact-check: the bridge claim');
    expect(blocks[0]).toEqual({ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Fact-check: the bridge claim' }] });
  });

  it('keeps emphasis and absolute links; a relative link keeps only its text', () => {
    expect(blocks[1]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'A viral post claims the ' },
        { type: 'text', text: 'new bridge', marks: [{ type: 'strong' }] },
        { type: 'text', text: ' cost ' },
        { type: 'text', text: 'twice', marks: [{ type: 'em' }] },
        { type: 'text', text: ' the budget. See the ' },
        { type: 'text', text: 'official report', marks: [{ type: 'link', attrs: { href: 'https://example.gov/report' } }] },
        { type: 'text', text: ' and a relative link.' },
      ],
    });
  });

  it('keeps nested lists, ordered lists and nested quotes', () => {
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'heading', 'bullet_list', 'ordered_list', 'blockquote', 'paragraph', 'paragraph', 'paragraph']);
    const bullets = blocks[3]!;
    expect(bullets.content![0]!.content!.map((c) => c.type)).toEqual(['paragraph', 'bullet_list']);
    expect(bullets.content![0]!.content![1]!.content).toHaveLength(2);
    expect(blocks[4]!.attrs).toEqual({ order: 1 });
    expect(blocks[5]!.content!.map((c) => c.type)).toEqual(['paragraph', 'blockquote']);
  });

  it('shows raw HTML as text and never renders it', () => {
    const json = JSON.stringify(parsed.content);
    expect(contentToText(parsed.content)).toContain("<script>alert('raw html')</script>");
    expect(contentToText(parsed.content)).toContain('<b onclick="x()">raw bold</b>');
    expect(json).not.toMatch(/"type":"(?:strong)"[^}]*}\],"text":"raw bold"/);
  });

  it('drops javascript: links, does not linkify bare addresses, keeps hard breaks', () => {
    const json = JSON.stringify(parsed.content);
    expect(json).not.toMatch(/"href":"\s*javascript:/i);
    expect(contentToText(parsed.content)).toContain('[bad link](javascript:alert(1)) and https://bare.example.org stays text.');
    expect(json).not.toContain('"href":"https://bare.example.org');
    expect(blocks[8]!.content!.map((c) => c.type)).toEqual(['text', 'hard_break', 'text']);
  });
});
