/** The domain model and its runtime validation, shared by main and renderer. */
export * from './annotation.js';
export * from './common.js';
export * from './damage.js';
export * from './document.js';
export * from './evidence.js';
export * from './project.js';
export * from './queries.js';
export * from './revision.js';
export * from './rating-scale.js';
export * from './selectors.js';
export * from './source.js';
export * from './tag.js';
export * from './versions.js';
