/**
 * Issue #7: "open a 1 MB document with 2,000 annotations to first frame ≤ 300 ms and ≤ 1.5× a
 * plain contenteditable page". From the click on the document in the list to the end of the first
 * rendering update in which the editor shows an annotation, in the browser host (headless Chromium),
 * side by side with the same JSON shown as a plain contenteditable and as a plain ProseMirror view.
 */
import type { BenchCase, CaseResult, RunOptions } from '../case.js';
import { FULL_RUNS, QUICK_RUNS } from '../stats.js';
import { measureOpens, openResult } from './scenarios.js';
import { caseDocument, seededBench } from './support.js';

export const OPEN_NOTES =
  'Factmark: the browser host with the project open and a short document showing; a full GC (CDP), then a click on the document in the list → the end of the first rendering update (after style, layout, paint) in which `.document-text .annotation` exists — includes the getDocument request (host work, 2.2 MB of JSON per MB of text), JSON parse, the editor, the side panel and whatever else the app does before that frame. ' +
  'Plain contenteditable: a static page (own loopback server) with the app\'s stylesheet and the same column width; a click on Load fetches the same bytes the host answered, parses them and builds the same paragraphs and nested `span.annotation` runs (class, data-annotation-id, colour variable, title) with createElement → the same first frame. ' +
  'Plain ProseMirror: the same page building an EditorView of the same schema (history and base keymap only) from the same JSON. ' +
  'Medians of the measured runs after one warm-up; the 2-core machine is shared, so read the ratios.';

export const open1mb: BenchCase = {
  id: 'open-1mb',
  runtime: 'chromium',
  async run({ quick, log }: RunOptions): Promise<CaseResult[]> {
    const { doc, name, size, note } = caseDocument(quick);
    const seeded = await seededBench(doc);
    try {
      const figures = await measureOpens(seeded, quick ? QUICK_RUNS : FULL_RUNS, log);
      return [{ id: `open-${size}`, title: `Open a ${name} to first frame (click → frame)`, ...openResult(figures, 300, true), notes: `${OPEN_NOTES} Text column ${figures.width} px wide, viewport 1280×800.${note}` }];
    } finally {
      await seeded.bench.close();
    }
  },
};
