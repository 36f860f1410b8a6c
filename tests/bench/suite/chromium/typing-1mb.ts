/**
 * Issue #7: "typing in a 1 MB document with 2,000 annotations: key to next frame p50 ≤ 25 ms,
 * p95 ≤ 40 ms, no long task > 50 ms", side by side with the same text as a plain contenteditable
 * and as a plain ProseMirror view (see scenarios.ts for what each figure includes).
 */
import type { BenchCase, CaseResult, RunOptions } from '../case.js';
import { measureTyping, TYPING_NOTES, typingResult, typingSummary } from './scenarios.js';
import { caseDocument, seededBench } from './support.js';

export const typing1mb: BenchCase = {
  id: 'typing-1mb',
  runtime: 'chromium',
  async run({ quick, log }: RunOptions): Promise<CaseResult[]> {
    const { doc, name, size, note } = caseDocument(quick);
    const seeded = await seededBench(doc);
    try {
      const figures = await measureTyping(seeded, quick ? 16 : 60, quick ? 4 : 10, log);
      return [{ id: `typing-${size}`, title: `Typing in a ${name} (key → next frame)`, ...typingResult(figures, 25, 40), notes: `${TYPING_NOTES} ${typingSummary(figures)}.${note}` }];
    } finally {
      await seeded.bench.close();
    }
  },
};
