/**
 * Undo and redo against the split of an annotation into marking and check
 * (renderer/editor/annotations/annotation-table.ts): Ctrl+Z in the text takes back markings and
 * edit-mode text changes, and never a card's fields, a verdict, evidence or the corrections log.
 *
 * A property drives random sequences of marking, edit-mode text edits, card edits, edit-mode
 * switches, undo and redo through an editor state built as the app builds it, against a model:
 * the newest check written for every annotation, the longest corrections log seen on every claim,
 * and the undo history as a stack of events (text before and after, whether it changes the text).
 * Focused examples below pin each invariant on its own.
 */
import fc from 'fast-check';
import { history, redo, redoDepth, undo, undoDepth } from 'prosemirror-history';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, type Command, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { annotationRanges } from '../../../shared/annotations/ranges.js';
import { checkOf, markingOf, sameMarking } from '../../../shared/annotations/record-parts.js';
import { contentOf, documentNode } from '../../../shared/annotations/table.js';
import { needsCorrection, withCorrection } from '../../../shared/check/corrections.js';
import type { Annotation, AnnotationKind, Claim } from '../../../shared/model/annotation.js';
import { CLAIM_STATUSES, SPECIAL_OUTCOMES, STANCES } from '../../../shared/model/vocabulary.js';
import { contentToText, textToContent } from '../../../shared/text.js';
import { markWords, removeAnnotation, replaceAnnotation, setAnnotationRange, toggleTag, type Change } from '../../../renderer/editor/annotations/annotation-commands.js';
import { annotationPlugin } from '../../../renderer/editor/annotations/annotation-plugin.js';
import { annotationTable, annotationTablePlugin } from '../../../renderer/editor/annotations/annotation-table.js';
import { newAnnotation } from '../../../renderer/editor/annotations/new-annotation.js';
import { AnnotationPainter } from '../../../renderer/editor/annotations/painter.js';
import { isEditing, readOnlyPlugin, setEditing } from '../../../renderer/editor/read-only.js';
import { asRevision } from '../../../renderer/editor/text-revision.js';

const TEXT = 'The minister said unemployment fell by 40 percent.\nCritics disagree with the figure.\nThe minister said it again: unemployment fell.';
const ANALYST = 'R. Haddad';

/** The check fields of each kind (shared/annotations/record-parts.ts), written out so a change there shows here. */
const CHECK_KEYS: { [K in AnnotationKind]: readonly string[] } = {
  claim: ['restatement', 'claimant', 'claimantKind', 'appearance', 'claimKind', 'worthChecking', 'status', 'verdict', 'verdictAt', 'analyst', 'evidence', 'corrections', 'updatedAt'],
  sourceMention: ['sourceId', 'updatedAt'],
  note: ['body', 'updatedAt'],
};

/** A distinct timestamp per call, so a check brought back from an older step shows in `updatedAt`. */
function clock(): () => string {
  let tick = 0;
  return () => new Date(Date.UTC(2026, 10, 27, 12, 0, 0) + ++tick * 1_000).toISOString();
}

/** An editor state with the plugins the app gives a document that matter here: read-only guard, table, annotations, history. */
function start(stored: readonly Annotation[] | string = [], doc: ProseMirrorNode = documentNode(textToContent(typeof stored === 'string' ? stored : TEXT), [])): EditorState {
  const painter = new AnnotationPainter({ colourBy: 'kind', tags: new Map(), levels: new Map() });
  return EditorState.create({
    doc,
    plugins: [readOnlyPlugin(() => {}), annotationTablePlugin(typeof stored === 'string' ? [] : stored), annotationPlugin(painter, { onUpdate: () => {}, onContextMenu: () => {} }), history()],
  });
}

function applied(state: EditorState, change: Change): EditorState {
  if (!change.ok) throw new Error(change.problem);
  return state.apply(change.tr);
}

/** Runs a history command as a view would: its transaction goes through `apply` (and so through the read-only filter). */
function run(state: EditorState, command: Command): { state: EditorState; dispatched: boolean } {
  let next = state;
  const dispatched = command(state, (tr: Transaction) => (next = state.apply(tr)));
  return { state: next, dispatched };
}

const undone = (state: EditorState) => run(state, undo).state;
const redone = (state: EditorState) => run(state, redo).state;

/** The plain text the document shows (shared/text.ts projection: blocks separated by a newline). */
function plainText(state: EditorState): string {
  return contentToText(contentOf(state.doc));
}

/** The document range of the first occurrence of `words` within one paragraph. */
function rangeOf(state: EditorState, words: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  state.doc.descendants((node, pos) => {
    if (found || !node.isTextblock) return !found;
    const at = node.textContent.indexOf(words);
    if (at >= 0) found = { from: pos + 1 + at, to: pos + 1 + at + words.length };
    return false;
  });
  if (!found) throw new Error(`no "${words}"`);
  return found;
}

const claimOf = (state: EditorState, id: string) => annotationTable(state)[id] as Claim | undefined;

/** A card's save of a claim as the claim card makes it (use-claim-commit + session.update): a done verdict's change is a correction. */
function cardEdit(state: EditorState, id: string, change: Partial<Claim>, now: string): EditorState {
  const current = claimOf(state, id)!;
  let next: Claim = { ...current, ...change };
  if (needsCorrection(current, next)) next = withCorrection(current, next, 'New figures', now, ANALYST);
  return applied(state, replaceAnnotation(state, { ...next, updatedAt: now }));
}

/** A stored document: one done claim with a verdict and a correction, and a note, as a project loads them. */
function storedDocument(now: () => string): EditorState {
  let state = start();
  state = applied(state, markWords(state, { kind: 'claim', range: rangeOf(state, 'unemployment fell by 40 percent'), id: 'c0', now: now(), nextShortId: () => 'C1' }));
  state = applied(state, markWords(state, { kind: 'note', range: rangeOf(state, 'Critics'), id: 'n0', now: now(), nextShortId: () => 'C2' }));
  const claim = claimOf(state, 'c0')!;
  const before = { levelId: 'false', special: null, conclusion: 'It rose.' };
  const after = { levelId: 'half-true', special: null, conclusion: 'It rose, then fell.' };
  const stored: Claim = {
    ...claim,
    restatement: 'Unemployment fell by 40%.',
    status: 'done',
    verdict: after,
    corrections: [{ at: now(), before, after, reason: 'New figures', analyst: ANALYST }],
  };
  const note = { ...annotationTable(state).n0!, body: 'Which critics?' } as Annotation;
  return start([stored, note], state.doc);
}

// ---------------------------------------------------------------------------------------------
// The property

type CardChange =
  | { field: 'restatement' | 'claimant' | 'conclusion'; value: string }
  | { field: 'status'; value: Claim['status'] }
  | { field: 'verdict'; levelId: string | null; special: (typeof SPECIAL_OUTCOMES)[number] | null }
  | { field: 'evidence'; stance: (typeof STANCES)[number] };

type Op =
  | { op: 'mark'; kind: AnnotationKind; a: number; b: number }
  | { op: 'remove'; pick: number }
  | { op: 'move'; pick: number; a: number; b: number; sameWords: boolean }
  | { op: 'tag'; pick: number; tag: string }
  | { op: 'type'; at: number; text: string; revision: boolean }
  | { op: 'delete'; a: number; b: number; revision: boolean }
  | { op: 'split'; at: number; revision: boolean }
  | { op: 'card'; pick: number; change: CardChange }
  | { op: 'editMode' }
  | { op: 'undo' | 'redo'; times: number };

const words = fc.array(fc.constantFrom('a', 'b', 'x', ' ', 'é', '4', '.', 'ب'), { minLength: 1, maxLength: 6 }).map((cs) => cs.join(''));
const cardChange: fc.Arbitrary<CardChange> = fc.oneof(
  fc.record({ field: fc.constantFrom('restatement' as const, 'claimant' as const, 'conclusion' as const), value: fc.constantFrom('', 'It fell.', 'It rose.', 'The minister') }),
  { arbitrary: fc.record({ field: fc.constant('status' as const), value: fc.constantFrom(...CLAIM_STATUSES, 'done' as const) }), weight: 2 },
  { arbitrary: fc.record({ field: fc.constant('verdict' as const), levelId: fc.constantFrom('true', 'false', 'half-true', null), special: fc.constantFrom(null, null, ...SPECIAL_OUTCOMES) }), weight: 2 },
  fc.record({ field: fc.constant('evidence' as const), stance: fc.constantFrom(...STANCES) }),
);
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('mark' as const), kind: fc.constantFrom<AnnotationKind>('claim', 'claim', 'sourceMention', 'note'), a: fc.nat(), b: fc.nat() }), weight: 4 },
  { arbitrary: fc.record({ op: fc.constant('remove' as const), pick: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('move' as const), pick: fc.nat(), a: fc.nat(), b: fc.nat(), sameWords: fc.boolean() }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('tag' as const), pick: fc.nat(), tag: fc.constantFrom('economy', 'health', 'numbers') }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('type' as const), at: fc.nat(), text: words, revision: fc.boolean() }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('delete' as const), a: fc.nat(), b: fc.nat(), revision: fc.boolean() }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('split' as const), at: fc.nat(), revision: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('card' as const), pick: fc.nat(), change: cardChange }), weight: 5 },
  { arbitrary: fc.constant({ op: 'editMode' as const }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('undo' as const), times: fc.integer({ min: 1, max: 3 }) }), weight: 5 },
  { arbitrary: fc.record({ op: fc.constant('redo' as const), times: fc.integer({ min: 1, max: 3 }) }), weight: 3 },
);

/** One event of the undo history as the model sees it. */
interface HistoryEvent {
  before: string;
  after: string;
  changesText: boolean;
}

/** What the sequence so far promises about the state. */
interface Model {
  /** The newest check fields written for each annotation id, of every kind it has had. */
  checks: Map<string, Record<string, unknown>>;
  /** The longest corrections log seen on each claim: a present claim's log always starts with it. */
  logs: Map<string, Claim['corrections']>;
  done: HistoryEvent[];
  undone: HistoryEvent[];
  text: string;
  editing: boolean;
}

function modelOf(state: EditorState): Model {
  const table = annotationTable(state);
  return {
    checks: new Map(Object.values(table).map((a) => [a.id, { ...checkOf(a) } as Record<string, unknown>])),
    logs: new Map(),
    done: [],
    undone: [],
    text: plainText(state),
    editing: isEditing(state),
  };
}

/** Positions inside textblocks, where text may be typed and marks may start and end. */
function inlinePositions(doc: ProseMirrorNode): number[] {
  const positions: number[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    for (let p = pos + 1; p <= pos + 1 + node.content.size; p++) positions.push(p);
    return false;
  });
  return positions;
}

function rangeFrom(doc: ProseMirrorNode, a: number, b: number): { from: number; to: number } {
  const positions = inlinePositions(doc);
  const x = positions[a % positions.length]!;
  const y = positions[b % positions.length]!;
  return { from: Math.min(x, y), to: Math.max(x, y) };
}

/** Another occurrence, within one paragraph, of the words an annotation covers (a move onto a copy of them), if any. */
function sameWordsElsewhere(state: EditorState, id: string, pick: number): { from: number; to: number } | null {
  const at = annotationRanges(state.doc).get(id);
  if (!at) return null;
  const words = state.doc.textBetween(at.from, at.to, '\n');
  if (words.trim() === '' || words.includes('\n')) return null;
  const found: { from: number; to: number }[] = [];
  state.doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    for (let i = node.textContent.indexOf(words); i >= 0; i = node.textContent.indexOf(words, i + 1)) {
      if (pos + 1 + i !== at.from) found.push({ from: pos + 1 + i, to: pos + 1 + i + words.length });
    }
    return false;
  });
  return found.length > 0 ? found[pick % found.length]! : null;
}

function pickId(state: EditorState, pick: number, kind?: AnnotationKind): string | null {
  const ids = Object.values(annotationTable(state))
    .filter((a) => !kind || a.kind === kind)
    .map((a) => a.id)
    .sort();
  return ids.length > 0 ? ids[pick % ids.length]! : null;
}

/** The changes a card makes: a claim's edit, or a note's body and a mention's source when the annotation is one. */
function cardNext(current: Annotation, change: CardChange, now: string): Annotation {
  if (current.kind === 'note') return { ...current, body: `Note at ${now}`, updatedAt: now };
  if (current.kind === 'sourceMention') return { ...current, sourceId: current.sourceId === 'src1' ? 'src2' : 'src1', updatedAt: now };
  let next: Claim;
  switch (change.field) {
    case 'restatement':
    case 'claimant':
      next = { ...current, [change.field]: change.value };
      break;
    case 'conclusion':
      next = { ...current, verdict: { ...current.verdict, conclusion: change.value } };
      break;
    case 'status':
      next = { ...current, status: change.value };
      break;
    case 'verdict':
      next = { ...current, verdict: { ...current.verdict, levelId: change.special ? null : change.levelId, special: change.special } };
      break;
    case 'evidence':
      next = {
        ...current,
        evidence: [...current.evidence, { id: `e-${now}`, sourceId: 'src1', stance: change.stance, excerpt: '', credibility: 6, documentSpan: null, createdAt: now, updatedAt: now }],
      };
      break;
  }
  if (needsCorrection(current, next)) next = withCorrection(current, next, 'New figures', now, ANALYST);
  return { ...next, updatedAt: now };
}

/** A world the property steps: the editor state and the model it is checked against. */
interface World {
  state: EditorState;
  model: Model;
  now: () => string;
  nextId: () => number;
}

/**
 * A marking command: the text untouched, and one new history event when it changed the marks or
 * the marking (a move onto the very same words changes neither, and only writes the check's time).
 */
function marked(world: World, change: Change, checkWrites: Record<string, unknown> | null, id: string): void {
  if (!change.ok) return;
  const { model } = world;
  const before = world.state;
  const next = before.apply(change.tr);
  expect(next).not.toBe(before);
  expect(plainText(next)).toBe(model.text);
  const was = annotationTable(before)[id];
  const is = annotationTable(next)[id];
  const changed = !next.doc.eq(before.doc) || !was || !is || !sameMarking(markingOf(was), markingOf(is));
  expect(undoDepth(next), 'a marking is one step of the history').toBe(model.done.length + (changed ? 1 : 0));
  if (checkWrites) model.checks.set(id, { ...model.checks.get(id), ...checkWrites });
  if (changed) {
    model.done.push({ before: model.text, after: model.text, changesText: false });
    model.undone = [];
  }
  world.state = next;
}

/** A text edit: let through only in edit mode or as a revision; then a history event (or part of the last one). */
function textEdited(world: World, tr: Transaction, revision: boolean): void {
  const { model } = world;
  const before = world.state;
  if (revision) asRevision(tr, { reason: 'edit' });
  const next = before.apply(tr);
  if (!tr.docChanged) {
    expect(plainText(next)).toBe(model.text);
    world.state = next;
    return;
  }
  if (!model.editing && !revision) {
    expect(next).toBe(before);
    return;
  }
  const text = plainText(next);
  if (undoDepth(next) === model.done.length + 1) model.done.push({ before: model.text, after: text, changesText: true });
  else {
    // Typing next to the last typing joins its history event.
    expect(undoDepth(next)).toBe(model.done.length);
    const last = model.done[model.done.length - 1]!;
    last.after = text;
    last.changesText = true;
  }
  model.undone = [];
  model.text = text;
  world.state = next;
}

/** Undo or redo: the text of the event's other side, or nothing when a read-only text would change. */
function historyStep(world: World, direction: 'undo' | 'redo'): void {
  const { model } = world;
  const before = world.state;
  const from = direction === 'undo' ? model.done : model.undone;
  const into = direction === 'undo' ? model.undone : model.done;
  const result = run(before, direction === 'undo' ? undo : redo);
  const event = from[from.length - 1];
  if (!event) {
    expect(result.dispatched).toBe(false);
    return;
  }
  if (event.changesText && !model.editing) {
    // The read-only guard refuses it: nothing changes, the event stays where it is.
    expect(result.state).toBe(before);
    return;
  }
  expect(result.state).not.toBe(before);
  const text = direction === 'undo' ? event.before : event.after;
  expect(plainText(result.state)).toBe(text);
  into.push(from.pop()!);
  model.text = text;
  world.state = result.state;
}

function step(world: World, action: Op): void {
  const { state, model } = world;
  switch (action.op) {
    case 'mark': {
      const n = world.nextId();
      const id = `a${n}`;
      const at = world.now();
      const change = markWords(state, { kind: action.kind, range: rangeFrom(state.doc, action.a, action.b), id, now: at, nextShortId: () => `C${n + 1}` });
      return marked(world, change, checkOf(newAnnotation(action.kind, { id, exact: '', now: at, shortId: `C${n + 1}` })), id);
    }
    case 'remove': {
      const id = pickId(state, action.pick);
      if (id) marked(world, removeAnnotation(state, id), null, id);
      return;
    }
    case 'move': {
      const id = pickId(state, action.pick);
      const at = world.now();
      if (!id) return;
      const range = (action.sameWords && sameWordsElsewhere(state, id, action.a)) || rangeFrom(state.doc, action.a, action.b);
      marked(world, setAnnotationRange(state, id, range, at), { updatedAt: at }, id);
      return;
    }
    case 'tag': {
      const id = pickId(state, action.pick);
      const at = world.now();
      if (id) marked(world, toggleTag(state, id, action.tag, at), { updatedAt: at }, id);
      return;
    }
    case 'type': {
      const positions = inlinePositions(state.doc);
      return textEdited(world, state.tr.insertText(action.text, positions[action.at % positions.length]!), action.revision);
    }
    case 'delete': {
      const { from, to } = rangeFrom(state.doc, action.a, action.b);
      if (from === to) return;
      return textEdited(world, state.tr.delete(from, to), action.revision);
    }
    case 'split': {
      const positions = inlinePositions(state.doc);
      return textEdited(world, state.tr.split(positions[action.at % positions.length]!), action.revision);
    }
    case 'card': {
      // Mostly claims, whose cards carry the check that matters most.
      const id = pickId(state, action.pick, action.pick % 4 === 0 ? undefined : 'claim');
      if (!id) return;
      const next = cardNext(annotationTable(state)[id]!, action.change, world.now());
      const after = applied(state, replaceAnnotation(state, next));
      // No step of the history, and it leaves the redo stack alone.
      expect(undoDepth(after)).toBe(model.done.length);
      expect(redoDepth(after)).toBe(model.undone.length);
      expect(plainText(after)).toBe(model.text);
      model.checks.set(id, { ...model.checks.get(id), ...checkOf(next) });
      world.state = after;
      return;
    }
    case 'editMode': {
      model.editing = !model.editing;
      world.state = state.apply(setEditing(state.tr, model.editing));
      return;
    }
    case 'undo':
    case 'redo':
      for (let i = 0; i < action.times; i++) {
        historyStep(world, action.op);
        expectInvariants(world);
      }
      return;
  }
}

/** What must hold after every step. */
function expectInvariants(world: World): void {
  const { state, model } = world;
  const table = annotationTable(state);
  for (const annotation of Object.values(table)) {
    const newest = model.checks.get(annotation.id);
    expect(newest, `a check was written for ${annotation.id}`).toBeDefined();
    const keys = CHECK_KEYS[annotation.kind];
    const check = checkOf(annotation) as Record<string, unknown>;
    expect(Object.keys(check).sort()).toEqual([...keys].sort());
    expect(check, `${annotation.id}'s check is the newest one written`).toEqual(Object.fromEntries(keys.map((key) => [key, newest![key]])));
    if (annotation.kind === 'claim') {
      const seen = model.logs.get(annotation.id) ?? [];
      expect(annotation.corrections.slice(0, seen.length), `${annotation.id}'s corrections log lost an entry`).toEqual(seen);
      if (annotation.corrections.length > seen.length) model.logs.set(annotation.id, annotation.corrections);
    }
  }
  expect(plainText(state)).toBe(model.text);
  expect(isEditing(state)).toBe(model.editing);
  expect(undoDepth(state)).toBe(model.done.length);
  expect(redoDepth(state)).toBe(model.undone.length);
  // Every marked id has its details: undo and redo restore marks and table together.
  for (const id of annotationRanges(state.doc).keys()) expect(id in table, `the mark ${id} has a table entry`).toBe(true);
}

describe('undo and redo, property', () => {
  it('never change a check or drop a correction; marking never changes the text; text changes only in edit mode or as a revision', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40, size: 'max' }), fc.boolean(), (ops, stored) => {
        const now = clock();
        let ids = 0;
        const state = stored ? storedDocument(now) : start();
        const world: World = { state, model: modelOf(state), now, nextId: () => ++ids };
        expectInvariants(world);
        for (const action of ops) {
          step(world, action);
          expectInvariants(world);
        }
      }),
      { numRuns: 150 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// One example per invariant

describe('undo and redo, examples', () => {
  it('a card edit is no step of the history: the next undo takes back the marking before it, and redo and the redo stack survive it', () => {
    const now = clock();
    let state = start();
    state = applied(state, markWords(state, { kind: 'claim', range: rangeOf(state, 'the figure'), id: 'c', now: now(), nextShortId: () => 'C1' }));
    state = applied(state, toggleTag(state, 'c', 'economy', now()));
    expect(undoDepth(state)).toBe(2);
    state = cardEdit(state, 'c', { restatement: 'The figure is wrong.' }, now());
    expect(undoDepth(state)).toBe(2);
    state = undone(state);
    expect(claimOf(state, 'c')).toMatchObject({ tagIds: [], restatement: 'The figure is wrong.' });
    // A card edit between an undo and its redo keeps the redo.
    state = cardEdit(state, 'c', { claimant: 'Critics' }, now());
    expect(redoDepth(state)).toBe(1);
    state = redone(state);
    expect(claimOf(state, 'c')).toMatchObject({ tagIds: ['economy'], restatement: 'The figure is wrong.', claimant: 'Critics' });
  });

  it('a claim whose making is undone comes back on redo with its newest check, not the one of any older step', () => {
    const now = clock();
    let state = start();
    state = applied(state, markWords(state, { kind: 'claim', range: rangeOf(state, 'unemployment fell'), id: 'c', now: now(), nextShortId: () => 'C1' }));
    state = cardEdit(state, 'c', { restatement: 'First' }, now());
    state = applied(state, toggleTag(state, 'c', 'economy', now()));
    const last = now();
    state = cardEdit(state, 'c', { restatement: 'Second', status: 'researching' }, last);
    const newest = checkOf(claimOf(state, 'c')!);
    state = undone(state);
    expect(checkOf(claimOf(state, 'c')!)).toEqual(newest);
    state = undone(state);
    expect(claimOf(state, 'c')).toBeUndefined();
    state = redone(state);
    expect(checkOf(claimOf(state, 'c')!)).toEqual(newest);
    state = redone(state);
    expect(claimOf(state, 'c')).toMatchObject({ tagIds: ['economy'], restatement: 'Second', status: 'researching', updatedAt: last });
    // Removing and undoing the removal brings it back with the same check.
    state = applied(state, removeAnnotation(state, 'c'));
    state = undone(state);
    expect(checkOf(claimOf(state, 'c')!)).toEqual(newest);
  });

  it('undo of a tag or a move keeps the newest check, although those steps wrote its time', () => {
    const now = clock();
    let state = start();
    state = applied(state, markWords(state, { kind: 'claim', range: rangeOf(state, 'fell by 40'), id: 'c', now: now(), nextShortId: () => 'C1' }));
    state = cardEdit(state, 'c', { verdict: { levelId: 'false', special: null, conclusion: 'It rose.' } }, now());
    const moved = now();
    state = applied(state, setAnnotationRange(state, 'c', rangeOf(state, 'unemployment fell by 40 percent'), moved));
    state = cardEdit(state, 'c', { claimant: 'The minister' }, now());
    const tagged = now();
    state = applied(state, toggleTag(state, 'c', 'economy', tagged));
    const newest = checkOf(claimOf(state, 'c')!);
    expect(newest.updatedAt).toBe(tagged);
    state = undone(undone(state));
    expect(claimOf(state, 'c')!.anchor.quote.exact).toBe('fell by 40');
    expect(checkOf(claimOf(state, 'c')!)).toEqual(newest);
  });

  it('the corrections log of a loaded done claim only grows, whatever is undone and redone', () => {
    const now = clock();
    let state = storedDocument(now);
    const log = claimOf(state, 'c0')!.corrections;
    expect(log).toHaveLength(1);
    state = applied(state, toggleTag(state, 'c0', 'economy', now()));
    state = cardEdit(state, 'c0', { verdict: { levelId: 'false', special: null, conclusion: 'It rose after all.' } }, now());
    const grown = claimOf(state, 'c0')!.corrections;
    expect(grown).toHaveLength(2);
    expect(grown.slice(0, 1)).toEqual(log);
    state = applied(state, removeAnnotation(state, 'c0'));
    state = undone(state);
    expect(claimOf(state, 'c0')!.corrections).toEqual(grown);
    state = undone(state);
    expect(claimOf(state, 'c0')).toMatchObject({ tagIds: [], corrections: grown, verdict: { levelId: 'false', conclusion: 'It rose after all.' } });
    state = redone(redone(state));
    expect(claimOf(state, 'c0')).toBeUndefined();
    state = undone(state);
    expect(claimOf(state, 'c0')!.corrections).toEqual(grown);
  });

  it('marking, removing, moving and tagging never change the text, edit mode or not', () => {
    const now = clock();
    let state = start();
    const text = plainText(state);
    const content = state.doc.content;
    state = applied(state, markWords(state, { kind: 'sourceMention', range: rangeOf(state, 'The minister'), id: 'm', now: now(), nextShortId: () => 'C1' }));
    state = applied(state, markWords(state, { kind: 'claim', range: { from: rangeOf(state, 'percent.').from, to: rangeOf(state, 'Critics').to }, id: 'c', now: now(), nextShortId: () => 'C2' }));
    state = state.apply(setEditing(state.tr, true));
    state = applied(state, setAnnotationRange(state, 'c', rangeOf(state, ' disagree '), now()));
    state = applied(state, toggleTag(state, 'm', 'economy', now()));
    state = applied(state, removeAnnotation(state, 'm'));
    expect(plainText(state)).toBe(text);
    expect(annotationRanges(state.doc).size).toBe(1);
    state = undone(undone(undone(undone(undone(state)))));
    expect(annotationRanges(state.doc).size).toBe(0);
    expect(state.doc.content.eq(content)).toBe(true);
  });

  it('text changes only in edit mode or as a revision, and undo of such a change waits for edit mode', () => {
    const now = clock();
    let state = start();
    const text = plainText(state);
    state = applied(state, markWords(state, { kind: 'claim', range: rangeOf(state, 'the figure'), id: 'c', now: now(), nextShortId: () => 'C1' }));
    const at = rangeOf(state, 'figure').to;
    expect(state.apply(state.tr.insertText(' of 40%', at))).toBe(state);
    state = state.apply(asRevision(state.tr.insertText('!', at), { reason: 'repair', detail: 'Lost punctuation' }));
    expect(plainText(state)).toBe(text.replace('figure', 'figure!'));
    state = state.apply(setEditing(state.tr, true));
    state = state.apply(state.tr.insertText(' now', rangeOf(state, 'Critics').to));
    expect(plainText(state)).toBe(text.replace('figure', 'figure!').replace('Critics', 'Critics now'));
    state = state.apply(setEditing(state.tr, false));
    // Read-only again: the undo of the edit is refused and the text stays.
    const refused = run(state, undo);
    expect(refused.state).toBe(state);
    state = state.apply(setEditing(state.tr, true));
    state = undone(state);
    expect(plainText(state)).toBe(text.replace('figure', 'figure!'));
    state = undone(state);
    expect(plainText(state)).toBe(text);
    state = state.apply(setEditing(state.tr, false));
    // A marking undo passes read-only text.
    state = undone(state);
    expect(claimOf(state, 'c')).toBeUndefined();
    expect(plainText(state)).toBe(text);
  });

  it('undo and redo of removing or moving an annotation across a paragraph break pass read-only text', () => {
    // The inverse of removing marks from separate runs of text is one MarkSetStep of mark steps: marking only.
    const now = clock();
    let state = start();
    const across = { from: rangeOf(state, 'percent.').from, to: rangeOf(state, 'Critics').to };
    state = applied(state, markWords(state, { kind: 'claim', range: across, id: 'c', now: now(), nextShortId: () => 'C1' }));
    state = cardEdit(state, 'c', { restatement: 'Across' }, now());
    state = applied(state, removeAnnotation(state, 'c'));
    state = undone(state);
    expect(annotationRanges(state.doc).get('c')).toEqual(across);
    expect(claimOf(state, 'c')).toMatchObject({ restatement: 'Across' });
    state = redone(state);
    expect(claimOf(state, 'c')).toBeUndefined();
    state = undone(state);
    state = applied(state, setAnnotationRange(state, 'c', rangeOf(state, 'the figure'), now()));
    state = undone(state);
    expect(annotationRanges(state.doc).get('c')).toEqual(across);
    expect(undoDepth(state)).toBe(1);
  });

  it('moving an annotation onto the same words elsewhere is one undoable step, and undo leaves no mark without its entry', () => {
    const now = clock();
    let state = start(['The minister spoke.', 'Critics said the minister was wrong.'].join('\n'));
    const first = rangeOf(state, 'minister');
    const second = { from: rangeOf(state, 'the minister').from + 4, to: rangeOf(state, 'the minister').to };
    state = applied(state, markWords(state, { kind: 'sourceMention', range: first, id: 'm', now: now(), nextShortId: () => 'C1' }));
    state = applied(state, setAnnotationRange(state, 'm', second, now()));
    expect(annotationRanges(state.doc).get('m')).toEqual(second);
    expect(undoDepth(state)).toBe(2);
    state = undone(state);
    expect(annotationRanges(state.doc).get('m')).toEqual(first);
    state = undone(state);
    expect(annotationTable(state).m).toBeUndefined();
    expect(annotationRanges(state.doc).size).toBe(0);
  });

  it('undo and redo of text edits restore the words and their marks, and leave the card alone', () => {
    const now = clock();
    let state = start();
    state = applied(state, markWords(state, { kind: 'claim', range: rangeOf(state, 'unemployment fell'), id: 'c', now: now(), nextShortId: () => 'C1' }));
    state = cardEdit(state, 'c', { restatement: 'It fell.', status: 'done', verdict: { levelId: 'true', special: null, conclusion: 'It did.' } }, now());
    state = state.apply(setEditing(state.tr, true));
    const text = plainText(state);
    const words = annotationRanges(state.doc).get('c')!;
    state = state.apply(state.tr.delete(words.from, words.to));
    expect(annotationRanges(state.doc).has('c')).toBe(false);
    state = cardEdit(state, 'c', { verdict: { levelId: 'true', special: null, conclusion: 'It did, by 4%.' } }, now());
    const newest = checkOf(claimOf(state, 'c')!);
    expect(claimOf(state, 'c')!.corrections).toHaveLength(1);
    state = undone(state);
    expect(plainText(state)).toBe(text);
    expect(annotationRanges(state.doc).get('c')).toEqual(words);
    expect(checkOf(claimOf(state, 'c')!)).toEqual(newest);
    state = redone(state);
    expect(plainText(state)).toBe(text.replace('unemployment fell', ''));
    expect(checkOf(claimOf(state, 'c')!)).toEqual(newest);
  });
});
