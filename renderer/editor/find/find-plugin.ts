/**
 * Find in document as a ProseMirror plugin. It keeps {@link FindState}, highlights every match
 * (`find-match`) and the current one (`find-match-current` as well), makes the editor's selection
 * follow the current match when a find command moves it, and searches again shortly after the
 * document changes while find is open. The commands that drive it are in find-commands.ts.
 */
import { Plugin, TextSelection, type Transaction } from 'prosemirror-state';
import type { FindStats } from './find-matches.js';
import { applyFind, CLOSED, findKey, type FindAction, type FindState } from './find-state.js';
import { FindView } from './find-view.js';

/** Settings of the plugin. */
export interface FindPluginOptions {
  /** Receives counts of the work done (tests). */
  stats?: FindStats;
}

/** Whether a transaction carries a find command that may move the current match. */
function movesCurrent(tr: Transaction): boolean {
  const action = tr.getMeta(findKey) as FindAction | undefined;
  return action?.kind === 'search' || action?.kind === 'step';
}

/** The plugin; add it to the editor's plugins once. */
export function findPlugin({ stats }: FindPluginOptions = {}): Plugin<FindState> {
  return new Plugin<FindState>({
    key: findKey,
    state: {
      init: () => CLOSED,
      apply: (tr, state) => applyFind(tr, state, stats),
    },
    props: { decorations: (state) => findKey.getState(state)?.decorations },
    appendTransaction(transactions, _old, state) {
      const current = findKey.getState(state)?.current;
      if (!current || !transactions.some(movesCurrent)) return null;
      const { from, to } = state.selection;
      if (from === current.from && to === current.to) return null;
      return state.tr.setSelection(TextSelection.create(state.doc, current.from, current.to));
    },
    view: (view) => new FindView(view),
  });
}
