/** The annotations panel's model and the colours' meaning: order, filters, counts, codebook order, legend. */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/model/annotation.js';
import type { Tag } from '../../../shared/model/tag.js';
import { countByKind, isUnfiltered, listAnnotations, NO_FILTER, passes } from '../../../renderer/app/annotations/panel-model.js';
import { legendEntryOf, legendFor, summaryOf, type AppearanceContext } from '../../../renderer/editor/annotations/appearance.js';
import { newAnnotation } from '../../../renderer/editor/annotations/new-annotation.js';

const NOW = '2026-11-27T12:00:00.000Z';
const tag = (id: string, name: string, parentId: string | null = null): Tag => ({ id, name, colour: '#123456', description: '', parentId });
const TAGS = [tag('t1', 'Economy'), tag('t2', 'Security'), tag('t3', 'Jobs', 't1'), tag('t4', 'Iraq', 't2'), tag('t5', 'الاقتصاد', 't1')];
const context = (colourBy: AppearanceContext['colourBy']): AppearanceContext => ({
  colourBy,
  tags: new Map(TAGS.map((t) => [t.id, t])),
  levels: new Map([['false', { id: 'false', label: 'False', description: '', colour: '#b91c1c', value: 1 }]]),
});

function claim(id: string, exact: string, patch: Partial<Extract<Annotation, { kind: 'claim' }>> = {}): Annotation {
  return { ...(newAnnotation('claim', { id, exact, now: NOW, shortId: `C${id.length}` }) as Extract<Annotation, { kind: 'claim' }>), ...patch };
}
const note = (id: string, exact: string, body = ''): Annotation => ({ ...(newAnnotation('note', { id, exact, now: NOW }) as Extract<Annotation, { kind: 'note' }>), body });

describe('the list', () => {
  it('orders by place in the text and puts annotations without a place among the orphans', () => {
    const table = { b: claim('b', 'second'), a: note('a', 'first'), gone: note('gone', 'lost words') };
    const listing = listAnnotations(table, new Map([['a', { from: 3, to: 9 }], ['b', { from: 3, to: 20 }]]));
    expect(listing.placed.map((x) => x.id)).toEqual(['a', 'b']);
    expect(listing.orphans.map((x) => x.id)).toEqual(['gone']);
  });

  it('filters by kind, tag, status, verdict and free text (quote, note body, tag names, Arabic)', () => {
    const tags = context('kind').tags;
    const checked = claim('c', 'Unemployment fell', { status: 'done', tagIds: ['t5'], verdict: { levelId: 'false', special: null, conclusion: '' } });
    const memo = note('n', 'a remark', 'Ask the ministry');
    expect(passes(checked, { ...NO_FILTER, kind: 'claim' }, tags)).toBe(true);
    expect(passes(memo, { ...NO_FILTER, kind: 'claim' }, tags)).toBe(false);
    expect(passes(checked, { ...NO_FILTER, tagId: 't5' }, tags)).toBe(true);
    expect(passes(memo, { ...NO_FILTER, status: 'done' }, tags)).toBe(false);
    expect(passes(checked, { ...NO_FILTER, verdict: 'false' }, tags)).toBe(true);
    expect(passes(claim('d', 'x'), { ...NO_FILTER, verdict: 'none' }, tags)).toBe(true);
    expect(passes(memo, { ...NO_FILTER, text: 'MINISTRY' }, tags)).toBe(true);
    expect(passes(checked, { ...NO_FILTER, text: 'الاقتصاد' }, tags)).toBe(true);
    expect(passes(checked, { ...NO_FILTER, text: 'nowhere' }, tags)).toBe(false);
    expect(isUnfiltered(NO_FILTER)).toBe(true);
    expect(isUnfiltered({ ...NO_FILTER, text: '  ' })).toBe(true);
  });

  it('counts kinds', () => {
    expect(countByKind([claim('a', 'x'), note('b', 'y'), note('c', 'z')])).toEqual({ claim: 1, sourceMention: 0, note: 2 });
  });
});

describe('colours and their legend', () => {
  it('colour by kind, tag, status and verdict, with a neutral entry for what does not apply', () => {
    const tagged = claim('c', 'w', { tagIds: ['t2'], status: 'researching', verdict: { levelId: 'false', special: null, conclusion: '' } });
    const memo = note('n', 'w');
    expect(legendEntryOf(tagged, context('kind')).label).toBe('Claim');
    expect(legendEntryOf(tagged, context('tag')).label).toBe('Security');
    expect(legendEntryOf(memo, context('tag')).label).toBe('No tag');
    expect(legendEntryOf(tagged, context('status')).label).toBe('Researching');
    expect(legendEntryOf(memo, context('status')).label).toBe('Not a claim');
    expect(legendEntryOf(tagged, context('verdict'))).toMatchObject({ label: 'False', colour: '#b91c1c' });
    expect(legendEntryOf(claim('u', 'w', { verdict: { levelId: null, special: 'unverifiable', conclusion: '' } }), context('verdict')).label).toBe('Unverifiable');
    expect(legendFor([tagged, memo, claim('d', 'w')], context('kind')).map((e) => e.label)).toEqual(['Claim', 'Note']);
  });

  it('summarises an annotation for the hover', () => {
    expect(summaryOf(claim('abc', 'w', { tagIds: ['t1', 't4'], restatement: 'Unemployment fell by 40%' }), context('kind'))).toBe('Claim C3 · New · Tags: Economy, Iraq · Unemployment fell by 40%');
    expect(summaryOf(note('n', 'w', 'x'.repeat(200)), context('kind'))).toMatch(/^Note · x{79}…$/);
  });
});
