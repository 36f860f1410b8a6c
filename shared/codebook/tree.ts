/**
 * The codebook as a tree: tags nest through `parentId`. These helpers read the flat list the project
 * stores; a tag whose parent is missing is shown at the top level rather than lost.
 */
import type { Tag } from '../model/tag.js';

/** A tag with the tags nested directly under it, each in turn with theirs. */
export interface TagNode {
  tag: Tag;
  children: TagNode[];
}

/** One tag in tree order, with how deep it sits (0 for the top level). */
export interface TagRow {
  tag: Tag;
  depth: number;
}

/** The codebook as a tree, siblings sorted by name. Each tag appears exactly once, even in a hand-edited file with a cycle. */
export function tagTree(tags: readonly Tag[]): TagNode[] {
  const known = new Set(tags.map((tag) => tag.id));
  const children = new Map<string | null, Tag[]>();
  for (const tag of tags) {
    const parent = tag.parentId !== null && known.has(tag.parentId) && tag.parentId !== tag.id ? tag.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), tag]);
  }
  const placed = new Set<string>();
  const branch = (parent: string | null): TagNode[] =>
    [...(children.get(parent) ?? [])]
      .sort((a, b) => a.name.localeCompare(b.name))
      .filter((tag) => !placed.has(tag.id) && placed.add(tag.id))
      .map((tag) => ({ tag, children: branch(tag.id) }));
  const roots = branch(null);
  // Tags caught in a cycle have no way up to the top level: each such loop is shown from one of its tags.
  for (const tag of tags) {
    if (placed.has(tag.id)) continue;
    placed.add(tag.id);
    roots.push({ tag, children: branch(tag.id) });
  }
  return roots;
}

/** The tags in tree order: each tag followed by the tags under it. */
export function tagRows(tags: readonly Tag[]): TagRow[] {
  const rows: TagRow[] = [];
  const visit = (nodes: TagNode[], depth: number): void => {
    for (const node of nodes) {
      rows.push({ tag: node.tag, depth });
      visit(node.children, depth + 1);
    }
  };
  visit(tagTree(tags), 0);
  return rows;
}

/** The ids of every tag nested under `id`, at any depth (not `id` itself). */
export function descendantIds(tags: readonly Tag[], id: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const tag of tags) if (tag.parentId !== null) children.set(tag.parentId, [...(children.get(tag.parentId) ?? []), tag.id]);
  const found = new Set<string>();
  const pending = [...(children.get(id) ?? [])];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next === id || found.has(next)) continue;
    found.add(next);
    pending.push(...(children.get(next) ?? []));
  }
  return found;
}
