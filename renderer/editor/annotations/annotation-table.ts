/**
 * The open document's annotation table (details by id) in editor state, changed only by two kinds
 * of document steps that leave the text untouched:
 * - {@link AnnotationTableStep} changes **markings** (which words, which kind, which tags: see
 *   shared/annotations/record-parts.ts). It shares the undo history with typing, so undo of "make
 *   a claim" removes the mark and the claim together without touching the rendered text.
 * - {@link CheckStep} changes **checks** (what the analyst wrote on a card). Its inverse does
 *   nothing, so no undo ever changes a card's fields, a verdict, evidence or a corrections log; a
 *   claim whose making is undone and redone comes back with the check it had.
 * (The table is not a `doc` attribute in the editor: ProseMirror redraws the whole document when
 * the document node's attributes change, which took over a second per change on a 1 MB text.)
 *
 * A step carries per-annotation changes, not whole tables, so undoing an old change leaves later
 * changes to other annotations alone.
 */
import type { Node as ProseMirrorNode, Schema } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Step, StepMap, StepResult, type Mappable } from 'prosemirror-transform';
import { changedCheck, checkOf, joinParts, markingOf, sameMarking, type CheckFields } from '../../../shared/annotations/record-parts.js';
import { tableFromList, type AnnotationTable } from '../../../shared/annotations/table.js';
import type { Annotation } from '../../../shared/model/annotation.js';

/** One annotation's details before and after a change (null: absent). */
export interface TableChange {
  id: string;
  before: Annotation | null;
  after: Annotation | null;
}

/**
 * A step that changes annotations' markings and nothing of the text. Applied, each entry's
 * marking comes from its record and its check from the checks the editor holds (the record's own
 * check fields only fill what those lack), so undoing and redoing a marking brings back the
 * newest check, never an old one.
 */
export class AnnotationTableStep extends Step {
  constructor(readonly changes: readonly TableChange[]) {
    super();
  }

  apply(doc: ProseMirrorNode): StepResult {
    return StepResult.ok(doc);
  }

  invert(): AnnotationTableStep {
    return new AnnotationTableStep(this.changes.map(({ id, before, after }) => ({ id, before: after, after: before })));
  }

  override getMap(): StepMap {
    return StepMap.empty;
  }

  map(_mapping: Mappable): AnnotationTableStep {
    return this;
  }

  toJSON(): { stepType: string; changes: readonly TableChange[] } {
    return { stepType: STEP_TYPE, changes: this.changes };
  }

  static override fromJSON(_schema: Schema, json: { changes: TableChange[] }): AnnotationTableStep {
    return new AnnotationTableStep(json.changes);
  }
}

/** One annotation's check fields that a {@link CheckStep} sets. */
export interface CheckChange {
  id: string;
  fields: CheckFields;
}

/**
 * A step that sets check fields (a card's edit) and nothing else. Its inverse is empty: undo and
 * redo pass over it, so the text's history never takes back what an analyst wrote on a card.
 */
export class CheckStep extends Step {
  constructor(readonly changes: readonly CheckChange[]) {
    super();
  }

  apply(doc: ProseMirrorNode): StepResult {
    return StepResult.ok(doc);
  }

  invert(): CheckStep {
    return new CheckStep([]);
  }

  override getMap(): StepMap {
    return StepMap.empty;
  }

  map(_mapping: Mappable): CheckStep {
    return this;
  }

  toJSON(): { stepType: string; changes: readonly CheckChange[] } {
    return { stepType: CHECK_STEP_TYPE, changes: this.changes };
  }

  static override fromJSON(_schema: Schema, json: { changes: CheckChange[] }): CheckStep {
    return new CheckStep(json.changes);
  }
}

const STEP_TYPE = 'factmark.annotationTable';
Step.jsonID(STEP_TYPE, AnnotationTableStep);
const CHECK_STEP_TYPE = 'factmark.annotationCheck';
Step.jsonID(CHECK_STEP_TYPE, CheckStep);

/** The plugin's state: the annotations as shown, and every check written this session, by id. */
interface TableState {
  table: AnnotationTable;
  /** Kept when an annotation leaves the table, so redoing its making brings its check back. */
  checks: Readonly<Record<string, CheckFields>>;
}

const tableKey = new PluginKey<TableState>('annotationTable');

/**
 * `annotation` (a record of a new kind for its id) with the check fields its id last had in that
 * kind: a claim turned into a note and back finds its verdict, evidence and corrections again.
 */
export function withKeptCheck(state: EditorState, annotation: Annotation): Annotation {
  const kept = tableKey.getState(state)?.checks[annotation.id];
  return kept ? { ...joinParts(markingOf(annotation), kept, annotation), updatedAt: annotation.updatedAt } : annotation;
}

/** The annotation table of an editor state. */
export function annotationTable(state: EditorState): AnnotationTable {
  return tableKey.getState(state)?.table ?? {};
}

/**
 * Adds the steps that make the table's entries `next` (an annotation per id, or null to remove
 * it): a {@link CheckStep} for changed check fields, then an {@link AnnotationTableStep} for
 * changed markings. A change of checks alone stays out of the undo history altogether.
 */
export function changeTable(tr: Transaction, table: AnnotationTable, next: Readonly<Record<string, Annotation | null>>): Transaction {
  const checks: CheckChange[] = [];
  const markings: TableChange[] = [];
  for (const [id, after] of Object.entries(next)) {
    const before = table[id] ?? null;
    if (after) {
      const fields = changedCheck(before ? checkOf(before) : undefined, checkOf(after));
      if (fields) checks.push({ id, fields });
    }
    if (!before || !after || !sameMarking(markingOf(before), markingOf(after))) markings.push({ id, before, after });
  }
  if (checks.length > 0) tr.step(new CheckStep(checks));
  if (markings.length > 0) tr.step(new AnnotationTableStep(markings));
  // Checks alone stay out of the history; marks moved in the same transaction are marking, unless
  // they ended where they were.
  else if (tr.before.eq(tr.doc)) tr.setMeta('addToHistory', false);
  return tr;
}

function applySteps(state: TableState, steps: readonly Step[]): TableState {
  let table: Record<string, Annotation> | null = null;
  let checks: Record<string, CheckFields> | null = null;
  for (const step of steps) {
    if (step instanceof CheckStep) {
      checks ??= { ...state.checks };
      for (const { id, fields } of step.changes) {
        checks[id] = { ...checks[id], ...fields };
        const shown = (table ?? state.table)[id];
        if (shown) (table ??= { ...state.table })[id] = joinParts(markingOf(shown), checks[id]!, shown);
      }
    } else if (step instanceof AnnotationTableStep) {
      table ??= { ...state.table };
      for (const { id, after } of step.changes) {
        if (after) table[id] = joinParts(markingOf(after), (checks ?? state.checks)[id] ?? {}, after);
        else delete table[id];
      }
    }
  }
  if (!table && !checks) return state;
  return { table: table ? Object.freeze(table) : state.table, checks: checks ?? state.checks };
}

/** The plugin holding the table, starting from the document's stored annotations. */
export function annotationTablePlugin(annotations: readonly Annotation[]): Plugin<TableState> {
  return new Plugin<TableState>({
    key: tableKey,
    state: {
      init: () => ({ table: tableFromList(annotations), checks: Object.fromEntries(annotations.map((a) => [a.id, checkOf(a)])) }),
      apply: (tr, state) => applySteps(state, tr.steps),
    },
  });
}

/** The document node carrying `table`, for the shared algorithms that read tables from documents. */
export function withTable(doc: ProseMirrorNode, table: AnnotationTable): ProseMirrorNode {
  return doc.type.create({ ...doc.attrs, annotations: table }, doc.content, doc.marks);
}
