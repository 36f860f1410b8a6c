/**
 * The baselines' page: the same document as the app shows, fetched as the same JSON bytes the
 * browser host's `getDocument` answers, shown either as
 *   - `?mode=dom`: a plain `contenteditable` built with createElement (paragraphs, and nested
 *     `<span class="annotation annotation-note" data-annotation-id>` runs like ProseMirror makes,
 *     with the colour variable and hover title the app's painter sets), or
 *   - `?mode=pm`: a plain ProseMirror EditorView over the same schema with history and the base
 *     keymap only (no annotation table plugin, painter, damage, find, panels).
 * Styled by the app's own stylesheet; the text column has the app's width (`?width=`).
 * Loading starts on a click of the Load button, so both are timed from a click like the app.
 */
import { baseKeymap } from 'prosemirror-commands';
import { history } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { Node as ProseMirrorNode, type Mark } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { editorSchema } from '../../../../../shared/editor-schema.js';

interface JsonMark {
  type: string;
  attrs?: Record<string, unknown>;
}
interface JsonNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: JsonNode[];
  text?: string;
  marks?: JsonMark[];
}
interface StoredAnnotation {
  id: string;
  kind: string;
  body?: string;
}
interface Answer {
  ok: boolean;
  value: { document: { content: JsonNode; annotations: StoredAnnotation[] } };
}

export interface PlainPage {
  /** Resolves when the last load has built its DOM (or view). */
  loaded(): Promise<void>;
  /** Empties the text (between runs). */
  clear(): void;
  /** Marks `length` characters from the start of paragraph `index`; returns the script time (ms). */
  mark(index: number, length: number): number;
  /** Removes the mark made last; returns the script time (ms). */
  unmark(): number;
}

declare global {
  interface Window {
    __plain: PlainPage;
  }
}

const params = new URL(location.href).searchParams;
const mode = params.get('mode') === 'pm' ? 'pm' : 'dom';
const host = document.getElementById('text')!;
host.style.width = `${Number(params.get('width') ?? 720)}px`;
const COLOURS: Record<string, string> = { claim: '#d97706', sourceMention: '#2563eb', note: '#0d9488' };
const KIND_NAMES: Record<string, string> = { claim: 'Claim', sourceMention: 'Source mention', note: 'Note' };

let view: EditorView | null = null;
let loading: Promise<void> = Promise.resolve();
let lastMark: { span?: HTMLElement; from?: number; to?: number; id: string } | null = null;

/** Nested spans for runs of text nodes that share their outer marks, as ProseMirror renders them. */
function appendInline(parent: Node, nodes: JsonNode[], depth: number, table: Map<string, StoredAnnotation>): void {
  let i = 0;
  while (i < nodes.length) {
    const node = nodes[i]!;
    const mark = node.marks?.[depth];
    if (!mark) {
      parent.appendChild(node.type === 'hard_break' ? document.createElement('br') : document.createTextNode(node.text ?? ''));
      i++;
      continue;
    }
    const key = JSON.stringify(mark);
    let end = i + 1;
    while (end < nodes.length && nodes[end]!.marks?.[depth] && JSON.stringify(nodes[end]!.marks![depth]) === key) end++;
    parent.appendChild(appendInlineRun(mark, nodes.slice(i, end), depth, table));
    i = end;
  }
}

function appendInlineRun(mark: JsonMark, nodes: JsonNode[], depth: number, table: Map<string, StoredAnnotation>): HTMLElement {
  let element: HTMLElement;
  if (mark.type === 'annotation') {
    const id = String(mark.attrs?.id);
    const annotation = table.get(id);
    element = document.createElement('span');
    element.setAttribute('data-annotation-id', id);
    element.className = annotation ? `annotation annotation-${annotation.kind}` : 'annotation';
    if (annotation) {
      element.style.setProperty('--annotation-colour', COLOURS[annotation.kind] ?? '#d97706');
      element.title = [KIND_NAMES[annotation.kind] ?? annotation.kind, annotation.body?.slice(0, 80)].filter(Boolean).join(' · ');
    }
  } else if (mark.type === 'link') {
    element = document.createElement('a');
    element.setAttribute('href', String(mark.attrs?.href));
  } else element = document.createElement(mark.type === 'strong' ? 'strong' : mark.type === 'em' ? 'em' : 'span');
  appendInline(element, nodes, depth + 1, table);
  return element;
}

function appendBlock(parent: Node, node: JsonNode, table: Map<string, StoredAnnotation>): void {
  const tag =
    node.type === 'paragraph' ? 'p' : node.type === 'heading' ? `h${Number(node.attrs?.level ?? 2)}` : node.type === 'blockquote' ? 'blockquote' : node.type === 'bullet_list' ? 'ul' : node.type === 'ordered_list' ? 'ol' : 'li';
  const element = document.createElement(tag);
  if (tag !== 'li') element.setAttribute('dir', 'auto');
  const children = node.content ?? [];
  if (node.type === 'paragraph' || node.type === 'heading') {
    if (children.length === 0) element.appendChild(document.createElement('br'));
    else appendInline(element, children, 0, table);
  } else for (const child of children) appendBlock(element, child, table);
  parent.appendChild(element);
}

async function load(): Promise<void> {
  const answer = (await (await fetch('doc.json')).json()) as Answer;
  const { content, annotations } = answer.value.document;
  if (mode === 'dom') {
    const table = new Map(annotations.map((a) => [a.id, a]));
    const text = document.createElement('div');
    text.className = 'document-text';
    text.contentEditable = 'true';
    text.setAttribute('role', 'textbox');
    text.setAttribute('spellcheck', 'false');
    for (const block of content.content ?? []) appendBlock(text, block, table);
    host.replaceChildren(text);
  } else {
    const doc = ProseMirrorNode.fromJSON(editorSchema, content);
    view = new EditorView(host, {
      state: EditorState.create({ doc, plugins: [history(), keymap(baseKeymap)] }),
      attributes: { class: 'document-text', role: 'textbox', spellcheck: 'false' },
    });
  }
}

document.getElementById('load')!.addEventListener('click', () => {
  loading = load();
});

/** The document position at the start of the `index`th paragraph (headings not counted, like `.document-text > p`). */
function paragraphPos(index: number): number {
  let pos = -1;
  let seen = 0;
  view!.state.doc.forEach((node, offset) => {
    if (node.type.name !== 'paragraph') return;
    if (seen++ === index) pos = offset + 1;
  });
  return pos;
}

window.__plain = {
  loaded: () => loading,
  clear() {
    view?.destroy();
    view = null;
    host.replaceChildren();
  },
  mark(index, length) {
    const started = performance.now();
    if (view) {
      const from = paragraphPos(index);
      const id = `bench-${Date.now()}`;
      const tr = view.state.tr.addMark(from, from + length, editorSchema.marks.annotation.create({ id }));
      view.dispatch(tr.setSelection(TextSelection.create(tr.doc, from + length)));
      lastMark = { from, to: from + length, id };
    } else {
      const paragraph = host.querySelectorAll('.document-text > p')[index]!;
      const range = document.createRange();
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      const first = walker.nextNode() as Text;
      range.setStart(first, 0);
      range.setEnd(first, Math.min(length, first.length));
      const span = document.createElement('span');
      span.className = 'annotation annotation-note';
      span.setAttribute('data-annotation-id', `bench-${Date.now()}`);
      span.style.setProperty('--annotation-colour', COLOURS.note!);
      span.appendChild(range.extractContents());
      range.insertNode(span);
      lastMark = { span, id: span.getAttribute('data-annotation-id')! };
    }
    return performance.now() - started;
  },
  unmark() {
    const started = performance.now();
    if (view && lastMark?.from !== undefined) {
      const mark: Mark = editorSchema.marks.annotation.create({ id: lastMark.id });
      view.dispatch(view.state.tr.removeMark(lastMark.from, lastMark.to!, mark));
    } else if (lastMark?.span) {
      const span = lastMark.span;
      span.replaceWith(...span.childNodes);
    }
    lastMark = null;
    return performance.now() - started;
  },
};
