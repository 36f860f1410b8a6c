/**
 * Find in document: the plugin that searches the text and highlights matches, the commands that
 * drive it, and the controller panels use.
 */
export { findPlugin, type FindPluginOptions } from './find-plugin.js';
export { closeFind, findNext, findPrevious, findState, refreshFind, setFindQuery } from './find-commands.js';
export { findController, type FindController, type FindCurrent } from './find-controller.js';
export { countLabel } from './count-label.js';
export { emptyFindStats, MATCH_LIMIT, type FindMatch, type FindStats } from './find-matches.js';
export { DEFAULT_FIND_OPTIONS, type FindOptions } from './find-text.js';
export { REFRESH_DELAY_MS } from './find-view.js';
export type { FindState } from './find-state.js';
