/**
 * Issue #7: "a 5 MB document with 10,000 annotations opens ≤ 800 ms; typing p95 ≤ 50 ms", side by
 * side with the same text as a plain contenteditable and as a plain ProseMirror view. Quick mode
 * skips it (it alone takes about a minute and a half) and says so in the table.
 */
import type { BenchCase, CaseResult, RunOptions } from '../case.js';
import { OPEN_NOTES } from './open-1mb.js';
import { measureOpens, measureTyping, openResult, TYPING_NOTES, typingResult, typingSummary } from './scenarios.js';
import { benchCorpus, seededBench } from './support.js';

export const openType5mb: BenchCase = {
  id: 'open-type-5mb',
  runtime: 'chromium',
  async run({ quick, log }: RunOptions): Promise<CaseResult[]> {
    const name = '5 MB document with 10,000 annotations';
    if (quick) {
      log('  skipped in quick mode');
      return [{ id: 'open-type-5mb', title: `Open and type in a ${name}`, series: [], targets: [], notes: 'Skipped in quick mode (about 90 s on its own); the full bench runs it.' }];
    }
    const seeded = await seededBench(benchCorpus(5_000_000, 10_000));
    try {
      const open = await measureOpens(seeded, { warmup: 1, runs: 3 }, log);
      const typing = await measureTyping(seeded, 30, 8, log);
      const opened = openResult(open, 800, false);
      const typed = typingResult(typing, null, 50);
      return [
        { id: 'open-5mb', title: `Open a ${name} to first frame (click → frame)`, ...opened, notes: `${OPEN_NOTES} Text column ${open.width} px wide.` },
        { id: 'typing-5mb', title: `Typing in a ${name} (key → next frame)`, ...typed, notes: `${TYPING_NOTES} ${typingSummary(typing)}.` },
      ];
    } finally {
      await seeded.bench.close();
    }
  },
};
