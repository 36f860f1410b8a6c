/**
 * Annotation commands on an editor state (no page needed): marking words, refusing empty and
 * duplicate marks, removing, moving, re-kinding and tagging — each one undoable step that changes
 * the marks and the annotation table together — and pasting without duplicating identities.
 */
import { history, redo, undo } from 'prosemirror-history';
import { Slice } from 'prosemirror-model';
import { EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { projectDocument } from '../../../shared/anchoring/index.js';
import { annotationRanges } from '../../../shared/annotations/ranges.js';
import { documentNode } from '../../../shared/annotations/table.js';
import { editorSchema } from '../../../shared/editor-schema.js';
import { Annotation } from '../../../shared/model/annotation.js';
import { textToContent } from '../../../shared/text.js';
import { changeKind, markWords, remapTags, removeAnnotation, replaceAnnotation, repointSources, setAnnotationRange, textOf, toggleTag, type Change } from '../../../renderer/editor/annotations/annotation-commands.js';
import { annotationPlugin, annotationsAt } from '../../../renderer/editor/annotations/annotation-plugin.js';
import { annotationTable, annotationTablePlugin } from '../../../renderer/editor/annotations/annotation-table.js';
import { AnnotationPainter } from '../../../renderer/editor/annotations/painter.js';
import { newAnnotation } from '../../../renderer/editor/annotations/new-annotation.js';

const NOW = '2026-11-27T12:00:00.000Z';
const TEXT = 'The minister said unemployment fell by 40 percent.\nCritics disagree with the figure.';

function start(text = TEXT): EditorState {
  const painter = new AnnotationPainter({ colourBy: 'kind', tags: new Map(), levels: new Map() });
  return EditorState.create({ doc: documentNode(textToContent(text), []), plugins: [annotationTablePlugin([]), history(), annotationPlugin(painter, { onUpdate: () => {}, onContextMenu: () => {} })] });
}

/** The document range of the first occurrence of `words` (within one paragraph). */
function rangeOf(state: EditorState, words: string): { from: number; to: number } {
  const projection = projectDocument(state.doc);
  const at = projection.text.indexOf(words);
  if (at < 0) throw new Error(`no "${words}"`);
  return { from: projection.toDocPos(at, 1), to: projection.toDocPos(at + words.length, -1) };
}

function applied(state: EditorState, change: Change): EditorState {
  if (!change.ok) throw new Error(change.problem);
  return state.apply(change.tr);
}

function run(state: EditorState, command: typeof undo): EditorState {
  let next = state;
  command(state, (tr: Transaction) => (next = state.apply(tr)));
  return next;
}

let counter = 0;
const mark = (state: EditorState, words: string, kind: Annotation['kind'] = 'claim', id = `a${++counter}`) =>
  markWords(state, { kind, range: rangeOf(state, words), id, now: NOW, nextShortId: () => `C${counter}` });

describe('marking words', () => {
  it('adds the mark and the table entry in one step', () => {
    const state = applied(start(), mark(start(), 'unemployment fell by 40 percent', 'claim', 'c1'));
    expect(annotationRanges(state.doc).get('c1')).toEqual(rangeOf(state, 'unemployment fell by 40 percent'));
    expect(annotationTable(state).c1).toMatchObject({ kind: 'claim', anchor: { quote: { exact: 'unemployment fell by 40 percent' } } });
  });

  it('leaves the cursor after the new annotation, so a key typed next cannot replace its words', () => {
    const s = start();
    const range = rangeOf(s, 'unemployment fell');
    const state = applied(s, markWords(s, { kind: 'claim', range, id: 'k', now: NOW, nextShortId: () => 'C1' }));
    expect(state.selection.empty).toBe(true);
    expect(state.selection.from).toBe(range.to);
  });

  it('trims white space at the edges of the selection', () => {
    const s = start();
    const range = rangeOf(s, ' said ');
    const state = applied(s, markWords(s, { kind: 'note', range, id: 'n1', now: NOW, nextShortId: () => 'C1' }));
    const at = annotationRanges(state.doc).get('n1')!;
    expect(textOf(state.doc, at)).toBe('said');
  });

  it('crosses paragraphs', () => {
    const s = start();
    const range = { from: rangeOf(s, 'percent.').from, to: rangeOf(s, 'Critics').to };
    const state = applied(s, markWords(s, { kind: 'claim', range, id: 'x', now: NOW, nextShortId: () => 'C9' }));
    expect(textOf(state.doc, annotationRanges(state.doc).get('x')!)).toBe('percent.\nCritics');
  });

  it('refuses a selection without text, and spends no claim number on it', () => {
    const s = start('Words.\n\nMore words.');
    let spent = 0;
    const change = markWords(s, { kind: 'claim', range: { from: 1, to: 1 }, id: 'e', now: NOW, nextShortId: () => `C${++spent}` });
    expect(change).toEqual({ ok: false, problem: expect.stringContaining('no text') });
    expect(spent).toBe(0);
  });

  it('refuses the same kind on exactly the same words, allows another kind there', () => {
    const once = applied(start(), mark(start(), 'the figure', 'claim', 'first'));
    expect(mark(once, 'the figure', 'claim', 'again')).toEqual({ ok: false, problem: expect.stringContaining('already marked') });
    const twice = applied(once, mark(once, 'the figure', 'note', 'note'));
    expect(Object.keys(annotationTable(twice)).sort()).toEqual(['first', 'note']);
  });

  it('overlaps and nests freely', () => {
    let state = applied(start(), mark(start(), 'minister said unemployment', 'sourceMention', 'outer'));
    state = applied(state, mark(state, 'said unemployment fell', 'claim', 'crossing'));
    state = applied(state, mark(state, 'unemployment', 'note', 'inner'));
    const ranges = annotationRanges(state.doc);
    expect(textOf(state.doc, ranges.get('outer')!)).toBe('minister said unemployment');
    expect(textOf(state.doc, ranges.get('crossing')!)).toBe('said unemployment fell');
    expect(textOf(state.doc, ranges.get('inner')!)).toBe('unemployment');
    expect(annotationsAt(state.doc, rangeOf(state, 'employment').from)).toEqual(['inner', 'crossing', 'outer']);
  });
});

describe('one undo history for text and annotations', () => {
  it('changing details leaves the text node untouched, so the page is not redrawn', () => {
    const marked = applied(start(), mark(start(), 'the figure', 'claim', 'same'));
    const tagged = applied(marked, toggleTag(marked, 'same', 'economy', NOW));
    expect(tagged.doc).toBe(marked.doc);
    expect(annotationTable(tagged).same!.tagIds).toEqual(['economy']);
  });

  it('undo never takes back a card edit: it removes a new claim, and redo brings it back with its newest check', () => {
    let state = applied(start(), mark(start(), 'unemployment fell', 'claim', 'c'));
    state = applied(state, replaceAnnotation(state, { ...(annotationTable(state).c as Annotation & { kind: 'claim' }), restatement: 'Unemployment fell by 40%' }));
    // The card edit is no step of the history: the first undo takes back the marking.
    state = run(state, undo);
    expect(annotationTable(state).c).toBeUndefined();
    expect(annotationRanges(state.doc).size).toBe(0);
    state = run(state, redo);
    expect((annotationTable(state).c as { restatement: string }).restatement).toBe('Unemployment fell by 40%');
    expect(annotationRanges(state.doc).has('c')).toBe(true);
  });

  it('text undo after a verdict and a correction changes neither, and leaves other claims\' checks alone', () => {
    let state = applied(start(), mark(start(), 'unemployment fell', 'claim', 'v'));
    state = applied(state, mark(state, 'the figure', 'claim', 'w'));
    const claim = () => annotationTable(state).v as Annotation & { kind: 'claim' };
    const other = () => annotationTable(state).w as Annotation & { kind: 'claim' };
    state = applied(state, replaceAnnotation(state, { ...other(), status: 'done', verdict: { levelId: null, special: 'unverifiable', conclusion: 'No data.' } }));
    const verdict = { levelId: 'false', special: null, conclusion: 'It rose.' };
    state = applied(state, replaceAnnotation(state, { ...claim(), status: 'done', verdict }));
    const correction = { at: NOW, before: verdict, after: { ...verdict, levelId: 'half-true' }, reason: 'New figures', analyst: 'R. Haddad' };
    state = applied(state, replaceAnnotation(state, { ...claim(), verdict: correction.after, corrections: [correction] }));
    state = applied(state, toggleTag(state, 'v', 'economy', NOW));
    state = run(state, undo);
    expect(claim().tagIds).toEqual([]);
    expect(claim().verdict).toEqual(correction.after);
    expect(claim().corrections).toEqual([correction]);
    expect(other().verdict.conclusion).toBe('No data.');
    // Undoing the making of both claims and redoing it brings both back with their checks.
    state = run(run(state, undo), undo);
    expect(annotationTable(state)).toEqual({});
    state = run(run(state, redo), redo);
    expect(claim().corrections).toEqual([correction]);
    expect(other().status).toBe('done');
  });

  it('undo of a change of kind brings the claim back with its check', () => {
    const s = start();
    let state = applied(s, markWords(s, { kind: 'claim', range: rangeOf(s, 'the figure'), id: 'k', now: NOW, nextShortId: () => 'C4' }));
    state = applied(state, replaceAnnotation(state, { ...(annotationTable(state).k as Annotation & { kind: 'claim' }), claimant: 'The minister' }));
    state = applied(state, changeKind(state, 'k', 'note', NOW, () => 'C99'));
    expect(annotationTable(state).k).toMatchObject({ kind: 'note', body: '' });
    expect(Annotation.safeParse(annotationTable(state).k).success).toBe(true);
    state = run(state, undo);
    expect(annotationTable(state).k).toMatchObject({ kind: 'claim', claimant: 'The minister' });
    expect(Annotation.safeParse(annotationTable(state).k).success).toBe(true);
  });

  it('a claim turned into a note and back finds its verdict and corrections again, and so does undo of both', () => {
    const s = start();
    let state = applied(s, markWords(s, { kind: 'claim', range: rangeOf(s, 'the figure'), id: 'k', now: NOW, nextShortId: () => 'C1' }));
    const claim = () => annotationTable(state).k as Annotation & { kind: 'claim' };
    const verdict = { levelId: 'false', special: null, conclusion: 'It rose.' };
    state = applied(state, replaceAnnotation(state, { ...claim(), status: 'done', verdict }));
    const correction = { at: NOW, before: verdict, after: { ...verdict, levelId: 'half-true' }, reason: 'New figures', analyst: 'R. Haddad' };
    state = applied(state, replaceAnnotation(state, { ...claim(), verdict: correction.after, corrections: [correction] }));
    state = applied(state, changeKind(state, 'k', 'note', NOW, () => 'C98'));
    state = applied(state, changeKind(state, 'k', 'claim', NOW, () => 'C2'));
    expect(claim()).toMatchObject({ shortId: 'C2', status: 'done', verdict: correction.after, corrections: [correction] });
    expect(Annotation.safeParse(claim()).success).toBe(true);
    state = run(run(state, undo), undo);
    expect(claim()).toMatchObject({ shortId: 'C1', status: 'done', verdict: correction.after, corrections: [correction] });
  });

  it('removing is undoable', () => {
    let state = applied(start(), mark(start(), 'the figure', 'note', 'n'));
    state = applied(state, removeAnnotation(state, 'n'));
    expect(annotationTable(state).n).toBeUndefined();
    expect(annotationRanges(state.doc).size).toBe(0);
    state = run(state, undo);
    expect(textOf(state.doc, annotationRanges(state.doc).get('n')!)).toBe('the figure');
  });
});

describe('changing an annotation', () => {
  it('moves onto a new range, and re-attaches an orphan', () => {
    let state = applied(start(), mark(start(), 'fell by 40', 'claim', 'c'));
    state = applied(state, setAnnotationRange(state, 'c', rangeOf(state, 'unemployment fell by 40 percent'), NOW));
    expect(textOf(state.doc, annotationRanges(state.doc).get('c')!)).toBe('unemployment fell by 40 percent');
    // Delete all its words: the entry stays (an orphan), then re-attach it.
    const at = annotationRanges(state.doc).get('c')!;
    state = state.apply(state.tr.delete(at.from, at.to));
    expect(annotationRanges(state.doc).has('c')).toBe(false);
    expect(annotationTable(state).c).toBeDefined();
    state = applied(state, setAnnotationRange(state, 'c', rangeOf(state, 'Critics disagree'), NOW));
    expect(annotationTable(state).c).toMatchObject({ orphaned: false, anchor: { quote: { exact: 'Critics disagree' } } });
  });

  it('changes kind, and a new claim gets a new short id', () => {
    let state = applied(start(), mark(start(), 'the figure', 'note', 'k'));
    state = applied(state, changeKind(state, 'k', 'claim', NOW, () => 'C42'));
    expect(annotationTable(state).k).toMatchObject({ kind: 'claim', shortId: 'C42', status: 'new' });
    expect(changeKind(state, 'k', 'claim', NOW, () => 'C43')).toMatchObject({ ok: false });
  });

  it('toggles tags, and remaps merged and deleted tags outside the history', () => {
    let state = applied(start(), mark(start(), 'the figure', 'claim', 't'));
    state = applied(state, toggleTag(state, 't', 'economy', NOW));
    state = applied(state, toggleTag(state, 't', 'numbers', NOW));
    state = applied(state, toggleTag(state, 't', 'stats', NOW));
    state = applied(state, toggleTag(state, 't', 'numbers', NOW));
    expect(annotationTable(state).t!.tagIds).toEqual(['economy', 'stats']);
    const remap = remapTags(state, { stats: 'economy', gone: null })!;
    expect(remap.getMeta('addToHistory')).toBe(false);
    state = state.apply(remap);
    expect(annotationTable(state).t!.tagIds).toEqual(['economy']);
    expect(remapTags(state, { unused: null })).toBeNull();
  });

  it('repoints merged sources outside the history', () => {
    let state = applied(start(), mark(start(), 'The minister', 'sourceMention', 'm'));
    state = applied(state, replaceAnnotation(state, { ...(annotationTable(state).m as Extract<Annotation, { kind: 'sourceMention' }>), sourceId: 'dup' }));
    const tr = repointSources(state, 'dup', 'kept')!;
    expect(tr.getMeta('addToHistory')).toBe(false);
    state = state.apply(tr);
    expect(annotationTable(state).m).toMatchObject({ sourceId: 'kept' });
    expect(repointSources(state, 'dup', 'kept')).toBeNull();
  });

  it('says so when the annotation is gone', () => {
    expect(removeAnnotation(start(), 'nope')).toEqual({ ok: false, problem: 'That annotation no longer exists.' });
  });
});

describe('pasting', () => {
  it('drops annotation ids already on the page or unknown to the document, keeps cut ones', () => {
    let state = applied(start(), mark(start(), 'the figure', 'claim', 'here'));
    const range = annotationRanges(state.doc).get('here')!;
    const copied = state.doc.slice(range.from, range.to);
    const plugin = state.plugins.find((p) => p.props.transformPasted)!;
    const paste = (s: EditorState, slice: Slice) => plugin.props.transformPasted!.call(plugin, slice, { state: s, dragging: null } as unknown as EditorView, true);
    const ids = (slice: Slice) => {
      const found: string[] = [];
      slice.content.descendants((n) => void found.push(...n.marks.filter((m) => m.type === editorSchema.marks.annotation).map((m) => String(m.attrs.id))));
      return found;
    };
    expect(ids(copied)).toEqual(['here']);
    expect(ids(paste(state, copied))).toEqual([]);
    // Cut: the words left the page, so pasting them back restores the annotation.
    state = state.apply(state.tr.delete(range.from, range.to));
    expect(ids(paste(state, copied))).toEqual(['here']);
    // From another document: the id is unknown here.
    expect(ids(paste(start(), copied))).toEqual([]);
  });
});

describe('new annotations', () => {
  it('match the stored schema with its defaults, for every kind', () => {
    for (const kind of ['claim', 'sourceMention', 'note'] as const) {
      const built = newAnnotation(kind, { id: 'id1', exact: 'words', now: NOW, shortId: 'C1' });
      expect(Annotation.parse(built)).toEqual(built);
    }
  });
});
