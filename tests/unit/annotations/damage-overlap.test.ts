/**
 * Which damage warnings lie on an annotation's words (shared/annotations/damage-overlap.ts): the
 * one rule the card and the report use — spans share a character — and the conversion of a stored
 * anchor's code points to the UTF-16 units damage offsets count, across astral characters.
 */
import { describe, expect, it } from 'vitest';
import { damageOnAnchor, damageOnWords } from '../../../shared/annotations/damage-overlap.js';
import type { DamageWarning } from '../../../shared/model/damage.js';
import { codePointLength, textToContent } from '../../../shared/text.js';

const span = (start: number, end: number) => ({ start, end });

describe('damageOnWords', () => {
  it('takes a warning that shares at least one character with the words, and keeps the order', () => {
    const damage = [span(0, 3), span(3, 5), span(8, 9), span(9, 12), span(12, 14), span(2, 20)];
    expect(damageOnWords(damage, span(5, 12), (w) => w)).toEqual([span(8, 9), span(9, 12), span(2, 20)]);
  });

  it('leaves out a warning that only meets the words at an edge', () => {
    expect(damageOnWords([span(0, 5), span(10, 12)], span(5, 10), (w) => w)).toEqual([]);
  });
});

describe('damageOnAnchor', () => {
  /** A document of `text` with one warning on `damaged` (UTF-16 offsets, as the check stores them). */
  function documentWith(text: string, damaged: string): { content: ReturnType<typeof textToContent>; damage: DamageWarning[] } {
    const start = text.indexOf(damaged);
    return { content: textToContent(text), damage: [{ kind: 'splice', start, end: start + damaged.length, excerpt: damaged, message: 'cut', repair: null }] };
  }
  /** The TextPosition selector (code points) of the first `words` in `text`. */
  function position(text: string, words: string) {
    const at = codePointLength(text.slice(0, text.indexOf(words)));
    return { start: at, end: at + codePointLength(words) };
  }

  it('finds the warning on a claim whose words follow astral characters (code points vs UTF-16 units)', () => {
    const text = '😀😀😀😀 𠀋 He stated in a series of is a crucial component.\nAll fine here.';
    const document = documentWith(text, 'a series of is');
    expect(damageOnAnchor(document, position(text, 'He stated in a series'))).toHaveLength(1);
    expect(damageOnAnchor(document, position(text, 'is a crucial'))).toHaveLength(1);
    // Counted in UTF-16 units, these words would reach the warning; in code points they end before it.
    const before = position(text, 'He stated in');
    expect(damageOnAnchor(document, before)).toEqual([]);
    expect(damageOnAnchor(document, { start: before.start + 6, end: before.end + 6 })).toHaveLength(1);
    expect(damageOnAnchor(document, position(text, 'All fine'))).toEqual([]);
  });

  it('leaves out a warning whose words are no longer at its offsets (the text changed since the check)', () => {
    const text = 'He stated in a series of is a crucial component.';
    const document = documentWith(text, 'a series of is');
    const changed = { ...document, content: textToContent(`Now ${text}`) };
    expect(damageOnAnchor(changed, position(`Now ${text}`, 'series of is a crucial'))).toEqual([]);
  });
});
