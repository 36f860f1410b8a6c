/**
 * The plain-text projection of a ProseMirror document and its offset map: same text as
 * contentToText (block separators, hard breaks, nested blockquotes and lists, empty blocks), and
 * positions that convert both ways without drift.
 */
import fc from 'fast-check';
import type { Node } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { projectDocument } from '../../../shared/anchoring/index.js';
import { editorSchema as schema } from '../../../shared/editor-schema.js';
import { contentToText, textToContent } from '../../../shared/text.js';
import { MIXED_WORDS, seeded } from './support/edits.js';

const n = schema.nodes;
const t = (s: string) => schema.text(s);
const br = () => n.hard_break!.create();
const p = (...inline: Node[]) => n.paragraph!.create(null, inline);

/** Title / "ab⏎cd" in a blockquote / a list nested in a list / an empty paragraph. */
function sampleDoc(): Node {
  return n.doc!.create(null, [
    n.heading!.create({ level: 1 }, [t('Title')]),
    n.blockquote!.create(null, [p(t('ab'), br(), t('cd'))]),
    n.bullet_list!.create(null, [n.list_item!.create(null, [p(t('x')), n.bullet_list!.create(null, [n.list_item!.create(null, [p(t('y'))])])])]),
    p(),
  ]);
}

/** A random document of the editor schema: nested blocks, marks, hard breaks, empty blocks. */
function randomDoc(seed: number): Node {
  const rand = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const marks = [schema.marks.em!.create(), schema.marks.strong!.create(), schema.marks.annotation!.create({ id: 'a1' }), schema.marks.link!.create({ href: 'https://example.org' })];
  const inline = (): Node[] => {
    const out: Node[] = [];
    const count = Math.floor(rand() * 5);
    for (let i = 0; i < count; i++) {
      if (rand() < 0.2) out.push(br());
      else out.push(schema.text(`${pick(MIXED_WORDS)} ${pick(MIXED_WORDS)}`, rand() < 0.4 ? [pick(marks)] : []));
    }
    return out;
  };
  const block = (depth: number): Node => {
    const r = rand();
    if (depth < 3 && r < 0.15) return n.blockquote!.create(null, Array.from({ length: 1 + Math.floor(rand() * 3) }, () => block(depth + 1)));
    if (depth < 3 && r < 0.3) {
      const item = () => n.list_item!.create(null, [p(...inline()), ...Array.from({ length: Math.floor(rand() * 2) }, () => block(depth + 1))]);
      return (rand() < 0.5 ? n.bullet_list! : n.ordered_list!).create(null, Array.from({ length: 1 + Math.floor(rand() * 3) }, item));
    }
    if (r < 0.4) return n.heading!.create({ level: 2 }, inline());
    return p(...inline());
  };
  return n.doc!.create(null, Array.from({ length: 1 + Math.floor(rand() * 6) }, () => block(0)));
}

/** Every position whose parent is a textblock. */
function inlinePositions(doc: Node): number[] {
  const out: number[] = [];
  for (let pos = 0; pos <= doc.content.size; pos++) if (doc.resolve(pos).parent.isTextblock) out.push(pos);
  return out;
}

describe('projectDocument', () => {
  it('projects blocks, hard breaks, nesting and empty blocks like contentToText', () => {
    const doc = sampleDoc();
    const projection = projectDocument(doc);
    expect(projection.text).toBe('Title\nab\ncd\nx\ny\n');
    expect(projection.text).toBe(contentToText(doc.toJSON()));
  });

  it('maps positions inside textblocks to text offsets and back', () => {
    const { toTextOffset, toDocPos } = projectDocument(sampleDoc());
    const pairs: [number, number][] = [[1, 0], [6, 5], [9, 6], [11, 8], [12, 9], [14, 11], [19, 12], [24, 14], [25, 15], [31, 16]];
    for (const [pos, offset] of pairs) {
      expect(toTextOffset(pos)).toBe(offset);
      expect(toDocPos(offset)).toBe(pos);
    }
  });

  it('maps positions between blocks to the end of the text before (-1) or the start of the text after (1)', () => {
    const { toTextOffset } = projectDocument(sampleDoc());
    expect(toTextOffset(0)).toBe(0);
    expect(toTextOffset(7, -1)).toBe(5);
    expect(toTextOffset(7, 1)).toBe(6);
    expect(toTextOffset(16, -1)).toBe(11);
    expect(toTextOffset(16, 1)).toBe(12);
    expect(toTextOffset(32, -1)).toBe(16);
    expect(toTextOffset(32, 1)).toBe(16);
  });

  it('clamps text offsets outside the text', () => {
    const { toDocPos } = projectDocument(sampleDoc());
    expect(toDocPos(-3)).toBe(1);
    expect(toDocPos(1000)).toBe(31);
  });

  it('agrees with textToContent for imported plain text, astral characters included', () => {
    const text = 'Iraq 🇮🇶 says\nالعِرَاق 𠀋\nمی‌خواهم 👨‍👩‍👧';
    const doc = schema.nodeFromJSON(textToContent(text));
    const projection = projectDocument(doc);
    expect(projection.text).toBe(text);
    const at = text.indexOf('𠀋');
    expect(doc.textBetween(projection.toDocPos(at), projection.toDocPos(at + 2))).toBe('𠀋');
  });

  it('agrees with contentToText, textBetween and itself on random documents', () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const doc = randomDoc(seed);
        const { text, toTextOffset, toDocPos } = projectDocument(doc);
        expect(text).toBe(contentToText(doc.toJSON()));
        const inline = inlinePositions(doc);
        const bad: string[] = [];
        for (const pos of inline) if (toDocPos(toTextOffset(pos)) !== pos) bad.push(`round trip of position ${pos}`);
        for (let offset = 0; offset <= text.length; offset++) {
          for (const bias of [-1, 1] as const) {
            const pos = toDocPos(offset, bias);
            if (!doc.resolve(pos).parent.isTextblock) bad.push(`offset ${offset} maps outside a textblock`);
            if (toTextOffset(pos, bias) !== offset) bad.push(`round trip of offset ${offset} (bias ${bias})`);
          }
        }
        let previous = 0;
        for (let pos = 0; pos <= doc.content.size; pos++) {
          const offset = toTextOffset(pos, -1);
          if (offset < previous || offset > toTextOffset(pos, 1)) bad.push(`not monotonic at position ${pos}`);
          previous = offset;
        }
        expect(bad).toEqual([]);
        const rand = seeded(seed ^ 0x5bd1e995);
        for (let i = 0; i < 20 && inline.length > 0; i++) {
          const a = inline[Math.floor(rand() * inline.length)]!;
          const b = inline[Math.floor(rand() * inline.length)]!;
          const [from, to] = a <= b ? [a, b] : [b, a];
          expect(text.slice(toTextOffset(from), toTextOffset(to))).toBe(doc.textBetween(from, to, '\n', '\n'));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('builds a 50,000-paragraph document in one pass and answers lookups at both ends', () => {
    const paragraphs = Array.from({ length: 50_000 }, (_, i) => p(t(`Paragraph ${i} of the report.`)));
    const doc = n.doc!.create(null, paragraphs);
    const { text, toTextOffset, toDocPos } = projectDocument(doc);
    const last = text.lastIndexOf('Paragraph 49999');
    expect(toTextOffset(toDocPos(last))).toBe(last);
    expect(doc.textBetween(toDocPos(last), toDocPos(last + 15))).toBe('Paragraph 49999');
  });
});
