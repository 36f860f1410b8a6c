/**
 * The revision diff's comparison (renderer/app/revisions/text-diff.ts): word by word, exact (the
 * pieces give back both texts), never splitting a word or a surrogate pair, and only the changed
 * passages with their context, numbered by paragraph of the text after.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTexts, CONTEXT, diffWords, shownParts, type DiffPiece } from '../../../renderer/app/revisions/text-diff.js';

const side = (pieces: DiffPiece[], which: 'before' | 'after') => pieces.filter((p) => p.op === 'equal' || p.op === (which === 'before' ? 'delete' : 'insert')).map((p) => p.text).join('');
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('diffWords', () => {
  it('marks an inserted word, and only it', () => {
    const pieces = diffWords('The PMF is a cornerstone of security.', 'The PMF is a true cornerstone of security.');
    expect(pieces.filter((p) => p.op !== 'equal')).toHaveLength(1);
    const inserted = pieces.find((p) => p.op === 'insert')!;
    expect(inserted.text.trim()).toBe('true');
    expect(pieces.some((p) => p.op === 'delete')).toBe(false);
  });

  it('replaces whole words, never parts of them', () => {
    const pieces = diffWords('He said teh truth.', 'He said the truth.');
    expect(pieces.filter((p) => p.op !== 'equal')).toEqual([
      { op: 'delete', text: 'teh' },
      { op: 'insert', text: 'the' },
    ]);
  });

  it('never splits a surrogate pair or a combining mark', () => {
    const pieces = diffWords('a 😀 b cafe\u0301 c', 'a 😃 b cafe\u0300 c');
    for (const piece of pieces) expect(piece.text).not.toMatch(loneSurrogate);
    expect(pieces.filter((p) => p.op === 'delete').map((p) => p.text)).toEqual(['😀', 'cafe\u0301']);
    expect(pieces.filter((p) => p.op === 'insert').map((p) => p.text)).toEqual(['😃', 'cafe\u0300']);
  });

  it('gives back both texts exactly, whatever they are', () => {
    const alphabet = fc.constantFrom('a', 'b', 'é', ' ', '\n', '😀', 'ب', '\u202e', '.', '\u0301');
    const text = fc.array(alphabet, { maxLength: 60 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const pieces = diffWords(before, after);
        expect(side(pieces, 'before')).toBe(before);
        expect(side(pieces, 'after')).toBe(after);
        for (let i = 1; i < pieces.length; i++) expect(pieces[i]!.op).not.toBe(pieces[i - 1]!.op);
        for (const piece of pieces) expect(piece.text).not.toMatch(loneSurrogate);
      }),
      { numRuns: 400 },
    );
  });

  it('replaces a stretch with too many distinct words whole, still exactly', () => {
    const words = (prefix: string) => Array.from({ length: 35_000 }, (_, i) => `${prefix}${i}`).join(' ');
    const before = `Head.\n${words('x')}\nTail.`;
    const after = `Head.\n${words('y')}\nTail.`;
    const pieces = diffWords(before, after);
    expect(side(pieces, 'before')).toBe(before);
    expect(side(pieces, 'after')).toBe(after);
    expect(pieces.map((p) => p.op)).toEqual(['equal', 'delete', 'insert', 'equal']);
  });
});

describe('compareTexts', () => {
  const long = (word: string) => Array.from({ length: 40 }, () => word).join(' ');

  it('says two equal texts have no changed passages', () => {
    expect(compareTexts('Same.\nText.', 'Same.\nText.')).toEqual({ passages: [], total: 0, deleted: 0, inserted: 0 });
  });

  it('shows each changed passage with context cut inside long paragraphs, numbered by paragraph', () => {
    const before = ['First paragraph.', `${long('alpha')} old ${long('beta')}`, 'Third.', long('gamma'), `${long('delta')} end`].join('\n');
    const after = ['First paragraph.', `${long('alpha')} new ${long('beta')}`, 'Third.', long('gamma'), `${long('delta')} finish`].join('\n');
    const { passages, total, deleted, inserted } = compareTexts(before, after);
    expect(total).toBe(2);
    expect([deleted, inserted]).toEqual([3 + 3, 3 + 6]);
    const [first, second] = passages;
    expect(first!.paragraph).toBe(2);
    expect(first!.cutBefore && first!.cutAfter).toBe(true);
    expect(first!.lines).toHaveLength(1);
    const shown = first!.lines[0]!.map((p) => p.text).join('');
    expect(shown.length).toBeLessThan(2 * CONTEXT + 20);
    expect(first!.lines[0]!.filter((p) => p.op !== 'equal')).toEqual([
      { op: 'delete', text: 'old' },
      { op: 'insert', text: 'new' },
    ]);
    expect(second!.paragraph).toBe(5);
    expect(second!.cutBefore).toBe(true);
    expect(second!.cutAfter).toBe(false);
  });

  it('keeps two nearby changes in one passage, and stops at the paragraph ends', () => {
    const { passages, total } = compareTexts('Intro.\nOne two three four.\nOutro.', 'Intro.\nOne 2 three 4.\nOutro.');
    expect(total).toBe(1);
    expect(passages[0]).toMatchObject({ paragraph: 2, cutBefore: false, cutAfter: false });
    expect(passages[0]!.lines.map((line) => line.map((p) => p.text).join('|'))).toEqual(['One |two|2| three |four|4|.']);
  });

  it('counts a paragraph inserted at the start, and shows at most maxPassages', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `${long(`p${i}`)}`);
    const after = paragraphs.map((p, i) => (i % 2 === 0 ? `${p} changed` : p));
    const comparison = compareTexts(paragraphs.join('\n'), after.join('\n'), 3);
    expect(comparison.total).toBe(6);
    expect(comparison.passages).toHaveLength(3);
    expect(comparison.passages.map((p) => p.paragraph)).toEqual([1, 3, 5]);
    expect(compareTexts('Body.', 'New start.\nBody.').passages[0]).toMatchObject({ paragraph: 1 });
  });
});

describe('shownParts', () => {
  it('shows invisible characters as their code, wherever they are, and never as themselves', () => {
    expect(shownParts('Price \u202e001$ and a\u200bb', false)).toEqual([
      { kind: 'text', text: 'Price ' },
      { kind: 'code', text: 'U+202E' },
      { kind: 'text', text: '001$ and a' },
      { kind: 'code', text: 'U+200B' },
      { kind: 'text', text: 'b' },
    ]);
  });

  it('makes removed or added white space visible', () => {
    expect(shownParts(' ', true)).toEqual([{ kind: 'sign', text: '␣', label: 'space' }]);
    expect(shownParts('\u00a0', true)).toEqual([{ kind: 'code', text: 'U+00A0' }]);
    expect(shownParts('end.\nNew', true)).toEqual([
      { kind: 'text', text: 'end.' },
      { kind: 'sign', text: '¶', label: 'paragraph break' },
      { kind: 'text', text: 'New' },
    ]);
    // Spaces inside changed words, and unchanged text, stay as they are.
    expect(shownParts('two words', true)).toEqual([{ kind: 'text', text: 'two words' }]);
    expect(shownParts(' ', false)).toEqual([{ kind: 'text', text: ' ' }]);
  });
});
