/**
 * The ProseMirror schema of a Factmark document: enough structure for news articles, transcripts
 * and reports. Every block carries `dir="auto"` so Arabic, Persian and Hebrew paragraphs display
 * right-to-left beside English ones. Annotations are marks that hold only an id (details live in
 * the document's annotation table); they may overlap (`excludes: ""`) and do not grow when the
 * user types at their edges (`inclusive: false`).
 */
import { Schema, type DOMOutputSpec } from 'prosemirror-model';
import { safeHref } from './links.js';

/** The table of a document without annotations (frozen: tables are replaced, never changed). */
export const EMPTY_TABLE: Readonly<Record<string, never>> = Object.freeze({});

const dirAuto = { dir: 'auto' } as const;

export const editorSchema = new Schema({
  nodes: {
    // The annotation table (id → details) rides on the document node, so creating, changing and
    // deleting annotations are document steps (DocAttrStep) in the same undo history as text edits.
    // It is never stored inside `content`: see shared/annotations/table.ts.
    doc: { content: 'block+', attrs: { annotations: { default: EMPTY_TABLE } } },
    paragraph: {
      group: 'block',
      content: 'inline*',
      parseDOM: [{ tag: 'p' }],
      toDOM: (): DOMOutputSpec => ['p', dirAuto, 0],
    },
    heading: {
      group: 'block',
      content: 'inline*',
      attrs: { level: { default: 2, validate: 'number' } },
      defining: true,
      parseDOM: [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, attrs: { level } })),
      toDOM: (node): DOMOutputSpec => [`h${Math.min(6, Math.max(1, Number(node.attrs.level)))}`, dirAuto, 0],
    },
    blockquote: {
      group: 'block',
      content: 'block+',
      defining: true,
      parseDOM: [{ tag: 'blockquote' }],
      toDOM: (): DOMOutputSpec => ['blockquote', dirAuto, 0],
    },
    bullet_list: {
      group: 'block',
      content: 'list_item+',
      parseDOM: [{ tag: 'ul' }],
      toDOM: (): DOMOutputSpec => ['ul', dirAuto, 0],
    },
    ordered_list: {
      group: 'block',
      content: 'list_item+',
      attrs: { order: { default: 1, validate: 'number' } },
      parseDOM: [{ tag: 'ol', getAttrs: (dom) => ({ order: Number((dom as { getAttribute(n: string): string | null }).getAttribute('start') ?? 1) || 1 }) }],
      toDOM: (node): DOMOutputSpec => ['ol', { ...dirAuto, start: String(node.attrs.order) }, 0],
    },
    list_item: {
      content: 'paragraph block*',
      defining: true,
      parseDOM: [{ tag: 'li' }],
      toDOM: (): DOMOutputSpec => ['li', 0],
    },
    text: { group: 'inline' },
    hard_break: {
      inline: true,
      group: 'inline',
      selectable: false,
      parseDOM: [{ tag: 'br' }],
      toDOM: (): DOMOutputSpec => ['br'],
    },
  },
  marks: {
    // First in rank, so it is the outermost mark: one run of an annotation spans emphasis and links.
    annotation: {
      attrs: { id: { validate: 'string' } },
      excludes: '',
      inclusive: false,
      toDOM: (mark): DOMOutputSpec => ['span', { class: 'annotation', 'data-annotation-id': String(mark.attrs.id) }, 0],
    },
    link: {
      attrs: { href: { validate: 'string' } },
      inclusive: false,
      // A pasted link keeps its words; only a safe address stays a link (shared/links.ts).
      parseDOM: [
        {
          tag: 'a[href]',
          getAttrs: (dom) => {
            const href = safeHref((dom as { getAttribute(n: string): string | null }).getAttribute('href')?.trim() ?? '');
            return href === null ? false : { href };
          },
        },
      ],
      // rel/referrer: a click never tells the linked site who was reading what.
      toDOM: (mark): DOMOutputSpec => ['a', { href: String(mark.attrs.href), rel: 'noopener noreferrer nofollow', title: String(mark.attrs.href) }, 0],
    },
    em: { parseDOM: [{ tag: 'em' }, { tag: 'i' }], toDOM: (): DOMOutputSpec => ['em', 0] },
    strong: { parseDOM: [{ tag: 'strong' }, { tag: 'b' }], toDOM: (): DOMOutputSpec => ['strong', 0] },
  },
});
