/**
 * Every case `npm run bench` runs, in order: the Node cases, then the Chromium ones. Each entry
 * loads its module only when it runs, so `--only` loads nothing else and a module that fails to
 * load is recorded as a failed case instead of stopping the suite. To add a case, add a line.
 */
import type { BenchCase } from './case.js';

export interface CaseEntry {
  /** The case's id, as `--only` takes it (the BenchCase's own id). */
  id: string;
  runtime: 'node' | 'chromium';
  load: () => Promise<BenchCase>;
}

export const CASES: readonly CaseEntry[] = [
  { id: 're-anchor', runtime: 'node', load: async () => (await import('./node/re-anchor.js')).reAnchorCase },
  { id: 'report-markdown', runtime: 'node', load: async () => (await import('./node/report-markdown.js')).reportMarkdownCase },
  { id: 'main-bundle', runtime: 'node', load: async () => (await import('./node/main-bundle.js')).mainBundleCase },
  { id: 'import-html', runtime: 'node', load: async () => (await import('./node/import-html.js')).importHtmlCase },
  { id: 'import-bombs', runtime: 'node', load: async () => (await import('./node/import-bombs/case.js')).importBombsCase },
  { id: 'save', runtime: 'node', load: async () => (await import('./node/save.js')).saveCase },
  // The Chromium cases share one browser and one host (chromium/shared.ts).
  { id: 'cold-load', runtime: 'chromium', load: async () => (await import('./chromium/cold-load.js')).coldLoad },
  { id: 'open-1mb', runtime: 'chromium', load: async () => (await import('./chromium/open-1mb.js')).open1mb },
  { id: 'typing-1mb', runtime: 'chromium', load: async () => (await import('./chromium/typing-1mb.js')).typing1mb },
  { id: 'annotate-1mb', runtime: 'chromium', load: async () => (await import('./chromium/annotate-1mb.js')).annotate1mb },
  { id: 'open-type-5mb', runtime: 'chromium', load: async () => (await import('./chromium/open-type-5mb.js')).openType5mb },
  { id: 'memory-5mb', runtime: 'chromium', load: async () => (await import('./chromium/memory-5mb.js')).memory5mb },
];
