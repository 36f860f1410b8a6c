/**
 * Text damage on the page: each warning underlines its exact span (a wavy line, distinct from any
 * annotation style) with its explanation as a tooltip. Warnings arrive as plain-text offsets and
 * become document positions through the projection; after that they move with every edit, and a
 * warning whose words are deleted disappears.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { projectDocument } from '../../shared/anchoring/index.js';
import type { DamageWarning } from '../../shared/model/damage.js';

/** A warning placed in the document: its index in the list it came from, the warning, and its current range. */
export interface PlacedWarning {
  index: number;
  warning: DamageWarning;
  from: number;
  to: number;
}

/** What each decoration's spec holds: the warning's index in its list, and the warning. */
interface WarningSpec {
  index: number;
  warning: DamageWarning;
}

const damageKey = new PluginKey<DecorationSet>('damage');

/** Decorations for `warnings` over `doc`; warnings outside the text are left out. */
function decorate(doc: ProseMirrorNode, warnings: readonly DamageWarning[]): DecorationSet {
  // Projecting a long text is tens of milliseconds: a clean document (the usual case) skips it.
  if (warnings.length === 0) return DecorationSet.empty;
  const projection = projectDocument(doc);
  const decorations = warnings.flatMap((warning, index) => {
    if (warning.end > projection.text.length || warning.end <= warning.start) return [];
    const from = projection.toDocPos(warning.start, 1);
    const to = projection.toDocPos(warning.end, -1);
    if (to <= from) return [];
    return [Decoration.inline(from, to, { class: `damage damage-${warning.kind}`, title: warning.message }, { index, warning } satisfies WarningSpec)];
  });
  return DecorationSet.create(doc, decorations);
}

/** The plugin, starting with the document's stored warnings. */
export function damagePlugin(warnings: readonly DamageWarning[]): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: damageKey,
    state: {
      init: (_config, state) => decorate(state.doc, warnings),
      apply: (tr, set) => {
        const replaced = tr.getMeta(damageKey) as readonly DamageWarning[] | undefined;
        if (replaced) return decorate(tr.doc, replaced);
        return set.map(tr.mapping, tr.doc);
      },
    },
    props: { decorations: (state) => damageKey.getState(state) },
  });
}

/** Marks a transaction as replacing the warnings (after a new damage check). */
export function withWarnings<T extends { setMeta(key: PluginKey, value: unknown): T }>(tr: T, warnings: readonly DamageWarning[]): T {
  return tr.setMeta(damageKey, warnings);
}

/** Where the warning with `index` stands now, or null when its words are gone. */
export function findWarning(state: EditorState, index: number): PlacedWarning | null {
  const found = damageKey.getState(state)?.find(undefined, undefined, (spec) => (spec as WarningSpec).index === index)[0];
  return found ? { ...(found.spec as WarningSpec), from: found.from, to: found.to } : null;
}

/** The warnings whose words, where they stand now, overlap `from`–`to` (document positions), in text order. */
export function warningsIn(state: EditorState, from: number, to: number): PlacedWarning[] {
  const found = damageKey.getState(state)?.find(from, to) ?? [];
  return found.map((d) => ({ ...(d.spec as WarningSpec), from: d.from, to: d.to })).sort((a, b) => a.from - b.from || a.to - b.to);
}
