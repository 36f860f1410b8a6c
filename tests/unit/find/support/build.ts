/**
 * Test support: a tiny builder for documents in the editor schema, and an editor state with the
 * find plugin that commands run against (no DOM: EditorState alone).
 */
import type { Mark, Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, TextSelection, type Command, type Transaction } from 'prosemirror-state';
import { editorSchema } from '../../../../shared/editor-schema.js';
import { findPlugin } from '../../../../renderer/editor/find/find-plugin.js';
import type { FindStats } from '../../../../renderer/editor/find/find-matches.js';

const s = editorSchema;

/** A piece of inline content: plain text, or text with marks. */
export type Inline = string | ProseMirrorNode;

/** Text with the given marks ('em', 'strong', 'link', 'annotation'). */
export function marked(text: string, ...names: ('em' | 'strong' | 'link' | 'annotation')[]): ProseMirrorNode {
  const marks: Mark[] = names.map((name) =>
    name === 'link' ? s.marks.link.create({ href: 'https://example.org' }) : name === 'annotation' ? s.marks.annotation.create({ id: `a-${text}` }) : s.marks[name]!.create(),
  );
  return s.text(text, marks);
}

/** A hard break. */
export const br = (): ProseMirrorNode => s.nodes.hard_break.create();

/** A paragraph of inline pieces. */
export function p(...content: Inline[]): ProseMirrorNode {
  return s.nodes.paragraph.create(null, content.map((c) => (typeof c === 'string' ? s.text(c) : c)));
}

/** A document of blocks; strings become paragraphs. */
export function doc(...blocks: (string | ProseMirrorNode)[]): ProseMirrorNode {
  return s.nodes.doc.create(null, blocks.map((b) => (typeof b === 'string' ? p(b) : b)));
}

/** A state of `document` with the find plugin, the cursor at the start. */
export function stateOf(document: ProseMirrorNode, stats?: FindStats): EditorState {
  return EditorState.create({ doc: document, plugins: [findPlugin({ stats })] });
}

/** Runs `command` on `state` and returns the state after it (throws when it does not apply). */
export function run(state: EditorState, command: Command): EditorState {
  let next: EditorState | null = null;
  if (!command(state, (tr) => (next = state.apply(tr)))) throw new Error('command did not apply');
  return next!;
}

/** Applies an edit made by `edit` to a fresh transaction. */
export function edit(state: EditorState, change: (tr: Transaction) => Transaction): EditorState {
  return state.apply(change(state.tr));
}

/** The cursor placed at `pos`. */
export function cursorAt(state: EditorState, pos: number): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));
}
