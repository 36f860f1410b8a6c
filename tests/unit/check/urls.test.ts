/** Duplicate detection in the source library: the URL normal form, and when two sources count as one. */
import { describe, expect, it } from 'vitest';
import { duplicateOf, normaliseUrl } from '../../../shared/check/urls.js';
import type { Source } from '../../../shared/model/index.js';

describe('normaliseUrl', () => {
  it.each([
    ['HTTPS://WWW.Example.COM/Path/', 'https://example.com/Path'],
    ['https://example.com', 'https://example.com'],
    ['https://example.com/', 'https://example.com'],
    ['https://example.com:443/a', 'https://example.com/a'],
    ['http://example.com:80/a', 'http://example.com/a'],
    ['http://example.com:8080/a', 'http://example.com:8080/a'],
    ['https://example.com/a#section-2', 'https://example.com/a'],
    ['https://example.com/a?utm_source=x&utm_MEDIUM=y&fbclid=1&gclid=2', 'https://example.com/a'],
    ['https://example.com/a?b=2&a=1&utm_campaign=z', 'https://example.com/a?a=1&b=2'],
    ['https://example.com/a?id=7&id=3', 'https://example.com/a?id=3&id=7'],
    ['  https://www.example.com/a/b//  ', 'https://example.com/a/b'],
    ['https://wwwexample.com/', 'https://wwwexample.com'],
    ['not a url', 'not a url'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseUrl(input)).toBe(expected);
  });

  it('keeps the scheme apart: http and https are different addresses', () => {
    expect(normaliseUrl('http://example.com/a')).not.toBe(normaliseUrl('https://example.com/a'));
  });
});

function source(id: string, fields: Partial<Source>): Source {
  return { id, type: 'webpage', title: 'T', authors: [], publisher: '', published: null, accessed: null, url: '', archiveUrl: '', language: '', notes: '', reliability: 'F', withhold: false, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', ...fields };
}

describe('duplicateOf', () => {
  const library = [
    source('s1', { title: 'Labour survey', url: 'https://www.stats.example/labour?utm_source=newsletter' }),
    source('s2', { title: 'Interview with the minister', published: '2024-03-01' }),
  ];

  it('finds the same page behind another form of its address', () => {
    expect(duplicateOf({ title: 'Anything', url: 'https://stats.example/labour/#top', published: null }, library)).toEqual({ source: library[0], reason: 'url' });
    expect(duplicateOf({ title: 'Labour survey', url: 'https://stats.example/labour/2024', published: null }, library)).toBeNull();
  });

  it('without an address, matches title (any case and spacing) and publication date, among sources without one', () => {
    expect(duplicateOf({ title: '  interview with  the Minister ', url: '', published: '2024-03-01' }, library)).toEqual({ source: library[1], reason: 'title' });
    expect(duplicateOf({ title: 'Interview with the minister', url: '', published: '2024-03-02' }, library)).toBeNull();
    expect(duplicateOf({ title: 'Labour survey', url: '', published: null }, library)).toBeNull();
  });
});
