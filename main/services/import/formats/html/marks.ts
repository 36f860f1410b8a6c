/**
 * The marks that inline content carries while the walker is inside `<a>`, `<em>`/`<i>` and
 * `<strong>`/`<b>`: kept in the schema's order (link, em, strong) as ProseMirror does, with a key
 * so that neighbouring text with the same marks is joined into one text node.
 */

export type MarkType = 'link' | 'em' | 'strong';

export interface MarkJson {
  type: MarkType;
  attrs?: { href: string };
}

export interface ActiveMarks {
  /** Equal for equal mark sets: text nodes are joined when their keys match. */
  readonly key: string;
  readonly list: readonly MarkJson[];
}

export const NO_MARKS: ActiveMarks = { key: '', list: [] };

const RANK: Record<MarkType, number> = { link: 0, em: 1, strong: 2 };

function markKey(mark: MarkJson): string {
  return mark.attrs ? `${mark.type}:${mark.attrs.href}` : mark.type;
}

/** The marks with `mark` added; a mark of the same type is replaced (an inner link wins). */
export function addMark(active: ActiveMarks, mark: MarkJson): ActiveMarks {
  const key = markKey(mark);
  if (active.list.some((m) => markKey(m) === key)) return active;
  const list = active.list.filter((m) => m.type !== mark.type).concat(mark).sort((a, b) => RANK[a.type] - RANK[b.type]);
  return { key: list.map(markKey).join('\n'), list };
}

/** A fresh copy of the marks for one node of the output, which must not share objects with others. */
export function marksJson(active: ActiveMarks): MarkJson[] {
  return active.list.map((mark) => (mark.attrs ? { type: mark.type, attrs: { href: mark.attrs.href } } : { type: mark.type }));
}
