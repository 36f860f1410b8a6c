/**
 * How long importing a saved 1 MB news page takes through the real pipeline (`importBytes`):
 * one warm-up, then the median of five runs (budget: 500 ms, issue #4). Two pages: a typical
 * saved page (a third article, the rest scripts, styles, navigation, comments) and the worst case,
 * a page that is nearly all article. Reports wall-clock time and, on Linux, the main thread's CPU
 * time, which is what to compare when other work shares the machine. The load average is printed
 * before and after: numbers taken while it is above 2.5 are not worth comparing (run again).
 * Run with `npx tsx tests/bench/import-html.ts`.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { importBytes } from '../../main/services/import/pipeline.js';
import { contentToText } from '../../shared/text.js';
import { buildNewsPage, type NewsPageOptions } from '../unit/import/formats/support/news-page.js';

const RUNS = 5;
const PAGES: [string, NewsPageOptions][] = [
  ['typical saved page', { articleParagraphs: 500 }],
  ['nearly all article', { articleParagraphs: 1_460, boilerplate: 0 }],
];

/** CPU milliseconds this thread has used (Linux: /proc, in 10 ms ticks), or NaN elsewhere. */
function threadCpu(): number {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
/** The one-minute load average, flagged when it is too high for the numbers to be compared. */
function load(): string {
  const [minute] = loadavg() as [number];
  return `load average ${minute.toFixed(2)}${minute > 2.5 ? ' (busy machine: run again later)' : ''}`;
}

console.log(load());

for (const [name, options] of PAGES) {
  const bytes = new TextEncoder().encode(buildNewsPage(options));
  const warm = await importBytes('saved-page.html', bytes);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpuBefore = threadCpu();
    const started = performance.now();
    await importBytes('saved-page.html', bytes);
    wall.push(performance.now() - started);
    cpu.push(threadCpu() - cpuBefore);
  }
  console.log(`${name}: ${(bytes.length / 1_048_576).toFixed(2)} MB, article text ${contentToText(warm.content).length.toLocaleString('en')} characters in ${warm.content.content?.length ?? 0} blocks`);
  console.log(`  wall ms ${wall.map((t) => t.toFixed(0)).join(', ')}; main-thread cpu ms ${cpu.join(', ')}`);
  console.log(`  median ${median(wall).toFixed(0)} ms wall, ${median(cpu)} ms cpu (budget 500 ms)`);
}
console.log(load());
