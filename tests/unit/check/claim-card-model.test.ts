/** The claim card's pure helpers: spans of another document, source search, claimants (verdicts in words: tests/unit/model/queries.test.ts). */
import { describe, expect, it } from 'vitest';
import { findSources, sourceDraft, sourceLine } from '../../../renderer/app/annotations/claim/source-draft.js';
import { findSpan, linesOf, spanAnchor } from '../../../renderer/app/annotations/claim/span-text.js';
import { claimantNames } from '../../../renderer/app/annotations/claim/claimants.js';
import { Source } from '../../../shared/model/source.js';
import { claim, source } from './claim-fixtures.js';

describe('spans of another document', () => {
  const text = 'Joint press conference 🇮🇶.\nThe agreement was signed in March 2023.';

  it('splits the plain text into lines that know where they start', () => {
    const lines = linesOf(text);
    expect(lines.map((l) => text.slice(l.start, l.start + l.text.length))).toEqual(lines.map((l) => l.text));
  });

  it('anchors words after an emoji flag in code points, as the store counts', () => {
    const found = findSpan(text, 'signed in March 2023');
    if (!('anchor' in found)) throw new Error(found.problem);
    const { anchor } = found;
    expect(anchor.quote.exact).toBe('signed in March 2023');
    // The flag is two code points but four UTF-16 units: the position counts code points.
    const before = [...text.slice(0, text.indexOf('signed'))].length;
    expect(anchor.position).toEqual({ start: before, end: before + 'signed in March 2023'.length });
    expect(anchor.quote.prefix.endsWith('was ')).toBe(true);
  });

  it('chooses nothing for blanks, and says why for words not in the text or in several places', () => {
    expect(spanAnchor(text, 4, 4)).toBeNull();
    expect(findSpan(text, 'the moon landing of 1969')).toEqual({ problem: expect.stringContaining('not in the text') });
    expect(findSpan(text, '   ')).toEqual({ problem: expect.stringContaining('not in the text') });
    expect(findSpan(`${text} It was signed again.`, 'signed')).toEqual({ problem: expect.stringContaining('2 times') });
  });
});

describe('sources in the card', () => {
  const library = [
    source('s1', { title: 'Security agreement text', publisher: 'Iraqi Ministry of Foreign Affairs', url: 'https://mofa.gov.iq/a', reliability: 'B' }),
    source('s2', { title: 'Post on X', publisher: 'X', withhold: true, reliability: 'D' }),
  ];

  it('finds by every word of the query in title, outlet or address, any case', () => {
    expect(findSources(library, 'ministry').map((s) => s.id)).toEqual(['s1']);
    expect(findSources(library, 'MOFA.gov agreement').map((s) => s.id)).toEqual(['s1']);
    expect(findSources(library, '').map((s) => s.id)).toEqual(['s1', 's2']);
  });

  it('names a source in one line with its grade, marking a withheld one', () => {
    expect(sourceLine(library[0]!)).toBe('Security agreement text — Iraqi Ministry of Foreign Affairs (B)');
    expect(sourceLine(library[1]!)).toBe('Post on X — X (D, withheld)');
  });

  it('drafts a source main accepts: type other and reliability F unless told', () => {
    const draft = sourceDraft({ title: 'A UN representative' });
    expect(draft).toMatchObject({ type: 'other', reliability: 'F', withhold: false });
    expect(() => Source.parse({ ...draft, id: 'x', createdAt: '2026-11-27T12:00:00.000Z', updatedAt: '2026-11-27T12:00:00.000Z' })).not.toThrow();
  });
});

describe('claimants in words', () => {
  it('lists each claimant once, trimmed, alphabetically', () => {
    const names = claimantNames([claim({ claimant: 'Ghani Ghadban ' }), claim({ claimant: 'Abdel Wahab' }), claim({ claimant: 'Ghani Ghadban' }), claim({ claimant: ' ' })]);
    expect(names).toEqual(['Abdel Wahab', 'Ghani Ghadban']);
  });
});
