/**
 * The rule every offered repair follows (main/services/import/damage/repair.ts): a repair never
 * inserts an invisible or direction-changing character, and applying it never leaves text that the
 * check flags again at that place — shown on the mojibake of format characters, HTML entities for
 * them, and as a property over random damaged texts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DamageWarning } from '../../../shared/model/index.js';
import { checkDamage } from '../../../main/services/import/damage/index.js';
import { decodeWindows1252 } from '../../../main/services/import/decode/windows-1252.js';

/** What UTF-8 text looks like when read as Windows-1252: the damage mojibake repairs undo. */
const misread = (text: string): string => decodeWindows1252(new TextEncoder().encode(text));

/** Format and control characters a repair may never insert (the joiners are tested apart). */
const HIDDEN = /[\p{Cf}\p{Zl}\p{Zp}\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u034f\u115f\u1160\u3164\uffa0]/u;

/** `text` with warning `w`'s repair applied, and where the repair now stands. */
const applied = (text: string, w: DamageWarning) => ({
  text: text.slice(0, w.start) + w.repair! + text.slice(w.end),
  start: w.start,
  end: w.start + w.repair!.length,
});

/** The kinds of warnings that touch `[start, end]` (an empty place too), leaving out `own`. */
const kindsAt = (warnings: readonly DamageWarning[], start: number, end: number, own?: DamageWarning) =>
  new Set(warnings.filter((w) => w.start <= end && w.end >= start && !(own && w.kind === own.kind && w.start === own.start && w.end === own.end)).map((w) => w.kind));

/** Kinds that the check flags at a repaired place and did not flag there before: what must never happen. */
function flaggedAgain(text: string, w: DamageWarning): string[] {
  const before = kindsAt(checkDamage(text), w.start, w.end, w);
  const after = applied(text, w);
  return [...kindsAt(checkDamage(after.text), after.start, after.end)].filter((kind) => !before.has(kind));
}

describe('mojibake of invisible and direction-changing characters', () => {
  it.each([
    ['â€®', '\u202e', 'right-to-left override (U+202E)'],
    ['â€‹', '\u200b', 'zero-width space (U+200B)'],
    ['â€Ž', '\u200e', 'left-to-right mark (U+200E)'],
    ['â€\u008f', '\u200f', 'right-to-left mark (U+200F)'],
    ['â€ª', '\u202a', 'left-to-right embedding (U+202A)'],
    ['â\u0081¦', '\u2066', 'left-to-right isolate (U+2066)'],
    ['â\u0081\u00a0', '\u2060', 'word joiner (U+2060)'],
    ['Â\u00ad', '\u00ad', 'soft hyphen (U+00AD)'],
  ])('%s (the bytes of %j) is repaired by removing it, and the message says so', (damaged, original, name) => {
    expect(misread(original)).toBe(damaged);
    const text = `Hidden ${damaged}characters here.`;
    const warnings = checkDamage(text);
    expect(warnings.map((w) => [w.kind, w.excerpt, w.repair])).toEqual([['mojibake', damaged, '']]);
    const w = warnings[0]!;
    expect(w.message).toContain('it probably reads “characters”');
    expect(w.message).toContain(`The repair removes these characters and puts nothing in their place: they stand for the ${name}`);
    expect(w.message).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u200b]/); // it quotes the damage as found, never the repair
    const repaired = applied(text, w).text;
    expect(repaired).toBe('Hidden characters here.');
    expect(checkDamage(repaired)).toEqual([]);
  });

  it('keeps the visible characters of a repair and leaves out the hidden ones inside it', () => {
    const text = `A ${misread('caf\u00e9\u200b\u00e9t\u00e9')} here`; // “café​été” with a zero-width space
    const [w] = checkDamage(text);
    expect(w!.repair).toBe('caféété'.slice(3)); // the mojibake span starts at the first damaged character
    expect(w!.message).toContain('leaves out the zero-width space (U+200B)');
    expect(checkDamage(applied(text, w!).text)).toEqual([]);
  });

  it('keeps a zero-width non-joiner that shapes Persian letters, as the invisible-character check does', () => {
    const text = misread('می\u200cخواهم');
    const [w] = checkDamage(text);
    expect(w!.repair).toBe('می\u200cخواهم');
    expect(w!.message).not.toContain('leaves out');
    expect(checkDamage(w!.repair!)).toEqual([]);
  });

  it('undoes text misread twice in one repair, so nothing is flagged after it', () => {
    const text = `it${misread(misread('’'))}s`;
    const [w] = checkDamage(text);
    expect(w!.repair).toBe('’');
    expect(checkDamage(applied(text, w!).text)).toEqual([]);
  });
});

describe('HTML entities of invisible characters', () => {
  it.each([
    ['&lrm;', 'left-to-right mark (U+200E)'],
    ['&rlm;', 'right-to-left mark (U+200F)'],
    ['&zwnj;', 'zero-width non-joiner (U+200C)'],
    ['&#8238;', 'right-to-left override (U+202E)'],
    ['&#x200B;', 'zero-width space (U+200B)'],
    ['&shy;', 'soft hyphen (U+00AD)'],
  ])('%s is repaired by removing it, not by inserting the character', (entity, name) => {
    const text = `one ${entity}two`;
    const [w] = checkDamage(text);
    expect(w).toMatchObject({ kind: 'markupResidue', excerpt: entity, repair: '' });
    expect(w!.message).toContain(`they stand for the ${name}`);
    expect(checkDamage(applied(text, w!).text)).toEqual([]);
  });

  it('keeps the repair of an entity for a visible character as it was', () => {
    expect(checkDamage('Tom &amp; Jerry')[0]).toMatchObject({ repair: '&', message: '“&amp;” is an HTML entity left in the text; it stands for “&”.' });
  });
});

describe('a repair the check would flag again', () => {
  it('is not offered, and the message says why', () => {
    // Each entity alone repairs cleanly; once one is repaired, the other would complete a tag.
    const text = 'Type &lt;b&gt; for bold.';
    const first = checkDamage(text).find((w) => w.excerpt === '&lt;')!;
    expect(first.repair).toBe('<');
    const once = applied(text, first).text;
    const second = checkDamage(once).find((w) => w.excerpt === '&gt;')!;
    expect(second.repair).toBeNull();
    expect(second.message).toMatch(/No repair is offered: with “>” in its place the check would flag these words again \(leftover web markup\)\.$/);
  });

  it('is withdrawn alone: the others are offered', () => {
    const text = 'CafÃ© and <b&gt; and Tom &amp; Jerry';
    expect(checkDamage(text).map((w) => [w.excerpt, w.repair])).toEqual([
      ['Ã©', 'é'],
      ['&gt;', null],
      ['&amp;', '&'],
    ]);
  });

  it('spliced sentences uncovered by a repair withdraw it (the splice is damage the repair would leave)', () => {
    const [w] = checkDamage('the end.Ã‰cole starts');
    expect(w).toMatchObject({ kind: 'mojibake', repair: null });
    expect(w!.message).toContain('(spliced sentences)');
  });
});

describe('every offered repair (property)', () => {
  /** Pieces random texts are made of: clean words, damage of every kind, and text near damage. */
  const piece = fc.oneof(
    fc.constantFrom('the', 'a', 'series', 'of', 'is', 'was', 'In', 'end.', 'The', 'word', 'Zürich', 'می‌خواهم', '👩‍💻', '&', '<', '>', '"', '>', ' ', ' ', '\n', '.', 'was here'),
    fc.constantFrom('&amp;', '&lt;', '&gt;', '&quot;', '&nbsp;', '&lrm;', '&rlm;', '&zwnj;', '&zwj;', '&shy;', '&#8238;', '&#x200B;', '&#150;', '<br>', 'class="x"', '">'),
    fc.constantFrom('\u202e', '\u200b', '\u200e', '\u2066', '\u2069', '\u00ad', '\ufeff', '\u0007', '\ufffd'),
    fc
      .array(fc.constantFrom('é', 'ü', '’', '“', '”', '€', 'п', 'и', 'ß', '\u202e', '\u202c', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2060', '\u2066', '\u00ad', '\ufeff', '😀', 'a', 'b', '<', 'b', '>', 'é', 'X'), { minLength: 1, maxLength: 5 })
      .map((chars) => misread(chars.join(''))),
    fc.constantFrom('Ã‰cole', 'Ã¢â‚¬â„¢', 'â€®', 'â€‹', 'â€Ž', 'Â\u00ad', 'ï»¿'),
  );
  const damagedText = fc.array(piece, { minLength: 1, maxLength: 14 }).map((pieces) => pieces.join(''));

  it('inserts no invisible or direction-changing character, and applied alone leaves nothing flagged again there', () => {
    fc.assert(
      fc.property(damagedText, (text) => {
        for (const w of checkDamage(text)) {
          if (w.repair === null) continue;
          expect(w.repair.replace(/[\u200c\u200d]/g, '')).not.toMatch(HIDDEN);
          expect(flaggedAgain(text, w), `${JSON.stringify(text)}: repair of ${JSON.stringify(w.excerpt)} to ${JSON.stringify(w.repair)}`).toEqual([]);
        }
      }),
      { numRuns: 600, seed: 14 },
    );
  });

  it('applied one after another, as the document panel does (repair, check again), never leave a flagged place', () => {
    fc.assert(
      fc.property(damagedText, (start) => {
        let text = start;
        for (let step = 0; step < 20; step++) {
          const w = checkDamage(text).find((x) => x.repair !== null);
          if (!w) return;
          expect(flaggedAgain(text, w), `${JSON.stringify(start)}, step ${step}: ${JSON.stringify(text)} at ${JSON.stringify(w.excerpt)}`).toEqual([]);
          text = applied(text, w).text;
        }
      }),
      { numRuns: 300, seed: 15 },
    );
  });
});
