/**
 * Importing a saved 1 MB news page through the real pipeline (`importBytes`: detection, decoding,
 * linkedom, Readability, sanitising, the damage check), beside linkedom parsing the same page and
 * nothing else: the floor any import built on it stands on. Two pages: a typical saved page (a
 * third article, the rest scripts, styles, navigation, comments; issue #4: ≤ 500 ms) and the worst
 * case, a page that is nearly all article. On Linux the pipeline's main-thread CPU time is reported
 * too, which is what to compare when other work shares the machine.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DOMParser } from 'linkedom';
import { importBytes } from '../../../../main/services/import/pipeline.js';
import { buildNewsPage, type NewsPageOptions } from '../../../unit/import/formats/support/news-page.js';
import type { BenchCase, CaseResult, Series } from '../case.js';
import { FULL_RUNS, formatNumber, median, msSeries, QUICK_RUNS, timeRuns } from '../stats.js';

const PAGES: { id: string; name: string; options: NewsPageOptions; budget?: number }[] = [
  { id: 'import-html-typical', name: 'typical saved page', options: { articleParagraphs: 500 }, budget: 500 },
  { id: 'import-html-article', name: 'page that is nearly all article', options: { articleParagraphs: 1_460, boilerplate: 0 } },
];

/** CPU milliseconds this thread has used (Linux: /proc, in 10 ms ticks), or NaN elsewhere. */
function threadCpu(): number {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

export const importHtmlCase: BenchCase = {
  id: 'import-html',
  runtime: 'node',
  async run({ quick, log }): Promise<CaseResult[]> {
    const runs = quick ? QUICK_RUNS : FULL_RUNS;
    const results: CaseResult[] = [];
    for (const page of quick ? PAGES.slice(0, 1) : PAGES) {
      const html = buildNewsPage(page.options);
      const bytes = new TextEncoder().encode(html);
      const wall: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < runs.warmup + runs.runs; i++) {
        const cpuBefore = threadCpu();
        const started = performance.now();
        await importBytes('saved-page.html', bytes);
        if (i < runs.warmup) continue;
        wall.push(performance.now() - started);
        cpu.push(threadCpu() - cpuBefore);
      }
      const parse = await timeRuns(() => new DOMParser().parseFromString(html, 'text/html'), runs);
      log(`  ${page.name}: import ${wall.map((v) => v.toFixed(0)).join(', ')} ms; linkedom ${parse.map((v) => v.toFixed(0)).join(', ')} ms`);
      const series: Series[] = [msSeries('Factmark importBytes', wall), msSeries('linkedom parse alone', parse)];
      if (cpu.every(Number.isFinite)) series.push(msSeries('Factmark importBytes, main-thread CPU', cpu));
      results.push({
        id: page.id,
        title: `Import a ${(bytes.length / 1_048_576).toFixed(2)} MB saved news page (${page.name})`,
        series,
        targets: page.budget === undefined ? [] : [{ target: `≤ ${page.budget} ms`, measured: `median ${formatNumber(median(wall))} ms`, met: median(wall) <= page.budget }],
        notes: 'The whole pipeline from bytes to sanitised content and damage warnings; the baseline is linkedom building the DOM of the same page.',
      });
    }
    return results;
  },
};
