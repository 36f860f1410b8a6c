/**
 * The open document's annotation table (details by id) in editor state, changed only by
 * {@link AnnotationTableStep}s: document steps that leave the text untouched, so annotation changes
 * share the undo history with typing (undo of "make a claim" removes the mark and the details
 * together) without touching the rendered text. (The table is not a `doc` attribute in the
 * editor: ProseMirror redraws the whole document when the document node's attributes change,
 * which took over a second per change on a 1 MB text.)
 *
 * A step carries per-annotation changes, not whole tables, so undoing an old change leaves later
 * changes to other annotations alone.
 */
import type { Node as ProseMirrorNode, Schema } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Step, StepMap, StepResult, type Mappable } from 'prosemirror-transform';
import { tableFromList, type AnnotationTable } from '../../../shared/annotations/table.js';
import type { Annotation } from '../../../shared/model/annotation.js';

/** One annotation's details before and after a change (null: absent). */
export interface TableChange {
  id: string;
  before: Annotation | null;
  after: Annotation | null;
}

/** A step that changes annotation details and nothing of the text. */
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

const STEP_TYPE = 'factmark.annotationTable';
Step.jsonID(STEP_TYPE, AnnotationTableStep);

const tableKey = new PluginKey<AnnotationTable>('annotationTable');

/** The annotation table of an editor state. */
export function annotationTable(state: EditorState): AnnotationTable {
  return tableKey.getState(state) ?? {};
}

/** Adds a step that makes the table's entries `next` (an annotation per id, or null to remove it). */
export function changeTable(tr: Transaction, table: AnnotationTable, next: Readonly<Record<string, Annotation | null>>): Transaction {
  const changes = Object.entries(next).map(([id, after]) => ({ id, before: table[id] ?? null, after }));
  return tr.step(new AnnotationTableStep(changes));
}

function applyChanges(table: AnnotationTable, changes: readonly TableChange[]): AnnotationTable {
  const next: Record<string, Annotation> = { ...table };
  for (const { id, after } of changes) {
    if (after) next[id] = after;
    else delete next[id];
  }
  return Object.freeze(next);
}

/** The plugin holding the table, starting from the document's stored annotations. */
export function annotationTablePlugin(annotations: readonly Annotation[]): Plugin<AnnotationTable> {
  return new Plugin<AnnotationTable>({
    key: tableKey,
    state: {
      init: () => tableFromList(annotations),
      apply(tr, table) {
        let next = table;
        for (const step of tr.steps) if (step instanceof AnnotationTableStep) next = applyChanges(next, step.changes);
        return next;
      },
    },
  });
}

/** The document node carrying `table`, for the shared algorithms that read tables from documents. */
export function withTable(doc: ProseMirrorNode, table: AnnotationTable): ProseMirrorNode {
  return doc.type.create({ ...doc.attrs, annotations: table }, doc.content, doc.marks);
}
