/**
 * Where the time goes when the app opens a 1 MB document with 2,000 annotations and when typing in
 * it (not a case of `npm run bench`; a tool for PROFILE.md). Samples the renderer with the CDP
 * Profiler (100 µs) and records a DevTools timeline trace, then prints JS time by bundle module and
 * by function (self and inclusive) and the rendering work (style, layout, paint, GC). Run after
 * `npm run build` (the bundle is unminified, so names and module comments survive; chunks included):
 *
 *   npx tsx tests/bench/suite/chromium/profile.ts [open|typing|both] [sizeBytes] [annotations]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { benchCorpus, documentAnswer, firstFrameAt, newProbedPage, VIEWPORT, openApp, openPlainPage, timePlainOpen, seedProject, showAppDocument, showBlock, startBench, timeAppOpen, typeAndTime } from './support.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
  /** Samples by source line (1-based) inside this function. */
  positionTicks?: { line: number; ticks: number }[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const which = process.argv[2] ?? 'both';
const size = Number(process.argv[3] ?? 1_000_000);
const count = Number(process.argv[4] ?? 2_000);

/** Per file of the (split) renderer bundle: line (0-based) → module path, from esbuild's `// path` comments in an unminified build. */
const rendererRoot = resolve('dist/renderer');
const moduleStarts = new Map<string, Array<[number, string]>>();
for (const file of readdirSync(rendererRoot, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'))) {
  const starts: Array<[number, string]> = [];
  readFileSync(resolve(rendererRoot, file), 'utf8')
    .split('\n')
    .forEach((line, index) => {
      const match = /^\/\/ ((?:node_modules|renderer|shared)\/\S+)$/.exec(line);
      if (match) starts.push([index, match[1]!.replace(/^node_modules\/([^/]+)\/.*$/, '$1')]);
    });
  moduleStarts.set(file.split('\\').join('/'), starts);
}
function moduleOf(url: string, line: number): string {
  if (!url) return '(native)';
  const file = url.replace(/^[a-z]+:\/\/[^/]+\//, '').replace(/[?#].*$/, '');
  const starts = moduleStarts.get(file);
  if (!starts) return url.replace(/^.*\//, '');
  let found = `(${file})`;
  for (const [start, name] of starts) {
    if (start > line) break;
    found = name;
  }
  return found;
}

function summarise(profile: CpuProfile, label: string): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const keyOf = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} [${moduleOf(n.callFrame.url, n.callFrame.lineNumber)}:${n.callFrame.lineNumber + 1}]`;
  const selfByModule = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of self) {
    const node = byId.get(id)!;
    total += ms;
    const module = moduleOf(node.callFrame.url, node.callFrame.lineNumber);
    const name = node.callFrame.url ? module : node.callFrame.functionName;
    selfByModule.set(name, (selfByModule.get(name) ?? 0) + ms);
    selfByFunction.set(keyOf(node), (selfByFunction.get(keyOf(node)) ?? 0) + ms);
    // Inclusive: add this sample time to every distinct function on the stack.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = keyOf(byId.get(at)!);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .filter(([k]) => !k.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${v.toFixed(1).padStart(8)} ms  ${k}`)
      .join('\n');
  console.log(`\n=== ${label}: ${total.toFixed(1)} ms sampled (idle ${(selfByModule.get('(idle)') ?? 0).toFixed(1)} ms)`);
  console.log(`-- self time by module\n${top(selfByModule, 25)}`);
  console.log(`-- self time by function\n${top(selfByFunction, 30)}`);
  console.log(`-- inclusive time by function\n${top(inclusive, 70)}`);
  // A module bundle's top level is one function: spread its own samples over the modules of its lines.
  const topLevel = new Map<string, number>();
  const interval = total / Math.max(1, profile.samples.length);
  for (const node of profile.nodes) {
    if (node.callFrame.functionName !== '' || !node.callFrame.url || node.callFrame.lineNumber !== 0) continue;
    for (const { line, ticks } of node.positionTicks ?? []) {
      const module = moduleOf(node.callFrame.url, line - 1);
      topLevel.set(module, (topLevel.get(module) ?? 0) + ticks * interval);
    }
  }
  if (topLevel.size > 0) console.log(`-- bundle top-level code by module (self)\n${top(topLevel, 25)}`);
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  cat: string;
}

/** Sums the renderer main thread's timeline events by name (top-level and nested separately). */
function summariseTrace(buffer: Buffer, label: string): void {
  const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  for (const e of events) if (e.name.startsWith('bench:')) console.log(`  mark ${e.name} ts ${e.ts} ph ${e.ph}`);
  // The renderer main thread that set the probes' marks (a new context has its own renderer), or the first one.
  const main = events.find((e) => e.name === 'bench:click') ?? events.find((e) => e.name === 'thread_name' && (e as unknown as { args: { name: string } }).args.name === 'CrRendererMain');
  const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
  const click = events.find((e) => e.name === 'bench:click')?.ts;
  const frame = events.find((e) => e.name === 'bench:frame')?.ts;
  {
    // The tasks of the click → frame window in order (or every task over 40 ms), each with what took its time.
    const windowed = click !== undefined && frame !== undefined;
    const from = click ?? 0;
    const to = frame ?? Infinity;
    console.log(`\n=== ${label}: ${windowed ? 'tasks between click and frame' : 'tasks over 40 ms'} (offset, duration, main parts)`);
    const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ts + e.dur! >= from && e.ts <= to && e.dur! >= (windowed ? 1000 : 40_000));

    const parts = onMain.filter((e) => e.name !== 'RunTask' && e.ts + e.dur! >= from && e.ts <= to);
    for (const task of tasks) {
      const inside = new Map<string, number>();
      for (const e of parts) {
        if (e.ts < task.ts || e.ts + e.dur! > task.ts + task.dur!) continue;
        const data = (e as unknown as { args?: { data?: { functionName?: string; url?: string; lineNumber?: number } } }).args?.data;
        const name = e.name === 'FunctionCall' && data ? `FunctionCall ${data.functionName || '?'} ${moduleOf(data.url ?? '', (data.lineNumber ?? 1) - 1)}` : e.name;
        inside.set(name, Math.max(inside.get(name) ?? 0, e.dur! / 1000));
      }
      const main = [...inside].filter(([n]) => !/^(ThreadControllerImpl|ThreadController|SequenceManager|TaskAnnotator|Scheduler|RunTask)/.test(n)).sort((a, b) => b[1] - a[1]).slice(0, 7);
      console.log(`  +${((task.ts - from) / 1000).toFixed(1).padStart(7)} ms ${(task.dur! / 1000).toFixed(1).padStart(7)} ms  ${main.map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join(' | ')}`);
    }
  }
  const sums = new Map<string, { ms: number; n: number }>();
  for (const e of onMain) {
    const entry = sums.get(e.name) ?? { ms: 0, n: 0 };
    entry.ms += e.dur! / 1000;
    entry.n++;
    sums.set(e.name, entry);
  }
  const wanted = ['RunTask', 'EventDispatch', 'FunctionCall', 'v8.run', 'TimerFire', 'FireAnimationFrame', 'v8.callFunction', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest', 'MajorGC', 'MinorGC', 'V8.GC_MARK_COMPACTOR', 'BlinkGC.AtomicPhase', 'ParseHTML', 'v8.compile', 'v8.parseOnBackground', 'V8.DeoptimizeAllOptimizedCodeWithFunction', 'ScheduleStyleRecalculation', 'InvalidateLayout', 'IntersectionObserverController::computeIntersections', 'UpdateLayer', 'PaintImage'];
  console.log(`\n=== ${label}: renderer main-thread timeline (ms summed, count)`);
  for (const name of wanted) {
    const entry = sums.get(name);
    if (entry) console.log(`  ${entry.ms.toFixed(1).padStart(8)} ms  ${String(entry.n).padStart(5)}×  ${name}`);
  }
  const rest = [...sums].filter(([name]) => !wanted.includes(name)).sort((a, b) => b[1].ms - a[1].ms).slice(0, 15);
  for (const [name, entry] of rest) console.log(`  ${entry.ms.toFixed(1).padStart(8)} ms  ${String(entry.n).padStart(5)}×  (other) ${name}`);
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'blink.user_timing', 'loading', 'disabled-by-default-v8.gc'];

const long = benchCorpus(size, count);
const bench = await startBench();
try {
  const seeded = await seedProject(bench.host, 'Bench', { Long: long, Short: 'A short document.' });
  if (which === 'cold') {
    await seedProject(bench.host, 'Empty', {});
    for (let i = 0; i < 4; i++) {
      const context = await bench.browser.newContext({ viewport: VIEWPORT });
      const page = await newProbedPage(bench.browser, context, '.workspace .placeholder:not([hidden]) .placeholder-actions button.primary');
      const cdp = await context.newCDPSession(page);
      if (i === 2) await bench.browser.startTracing(page, { categories: CATEGORIES });
      if (i === 3) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
      }
      await page.goto(bench.host.url);
      const at = await firstFrameAt(page);
      if (i === 2) summariseTrace(await bench.browser.stopTracing(), `cold load traced (${at.toFixed(1)} ms navigation → frame)`);
      else if (i === 3) summarise(((await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }).profile, `cold load profiled (${at.toFixed(1)} ms)`);
      else console.log(`cold load ${at.toFixed(1)} ms`);
      await context.close();
    }
    process.exit(0);
  }
  if (which === 'plain') {
    bench.server.setDocument(await documentAnswer(bench.host, seeded.ids.Long!));
    const plain = await openPlainPage(bench.browser, bench.server, 'dom', Number(process.argv[5] ?? 578));
    if (process.argv[6] === 'nocv') await plain.addStyleTag({ content: '.document-text > * { content-visibility: visible !important; contain-intrinsic-size: none !important; }' });
    console.log(`plain warm-up open ${(await timePlainOpen(plain)).toFixed(1)} ms`);
    await plain.evaluate(() => window.__plain.clear());
    await bench.browser.startTracing(plain, { categories: CATEGORIES });
    const opened = await timePlainOpen(plain);
    summariseTrace(await bench.browser.stopTracing(), `plain open traced (${opened.toFixed(1)} ms)`);
    await plain.waitForTimeout(1000);
    await typeAndTime(plain, 40, 10, 70);
    await bench.browser.startTracing(plain, { categories: CATEGORIES });
    const typed = await typeAndTime(plain, 42, 40, 70);
    summariseTrace(await bench.browser.stopTracing(), `plain typing 40 keys traced (median ${[...typed.frame].sort((a, b) => a - b)[20]?.toFixed(1)} ms)`);
    process.exit(0);
  }
  const page: Page = await openApp(bench);
  await showAppDocument(page, 'Short', 'A short document.');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });

  // Warm-up open.
  console.log(`warm-up open: ${(await timeAppOpen(page, 'Long')).toFixed(1)} ms`);
  await showAppDocument(page, 'Short', 'A short document.');

  if (which === 'annotate') {
    await timeAppOpen(page, 'Long');
    await page.waitForTimeout(1000);
    const sequence = async (i: number) => {
      const paragraph = await showBlock(page, 60 + i);
      await paragraph.click();
      await page.keyboard.press('Home');
      for (let k = 0; k < 12; k++) await page.keyboard.press('Shift+ArrowRight');
      await page.waitForTimeout(200);
      await cdp.send('Profiler.start');
      await page.keyboard.press('n');
      await page.waitForTimeout(300);
      const created = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      await page.keyboard.press('Escape');
      await page.waitForTimeout(200);
      await cdp.send('Profiler.start');
      await page.keyboard.press('x');
      await page.waitForTimeout(300);
      const removed = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      return { created, removed };
    };
    await sequence(0);
    const { created, removed } = await sequence(1);
    summarise(created.profile, 'N key (create a note) and 300 ms after');
    summarise(removed.profile, 'X key (remove it) and 300 ms after');
    await page.keyboard.press('Escape');
    const paragraph = await showBlock(page, 70);
    await paragraph.click();
    await page.keyboard.press('Home');
    for (let k = 0; k < 12; k++) await page.keyboard.press('Shift+ArrowRight');
    await page.waitForTimeout(200);
    await bench.browser.startTracing(page, { categories: CATEGORIES });
    await page.keyboard.press('n');
    await page.waitForTimeout(300);
    summariseTrace(await bench.browser.stopTracing(), 'N key traced (300 ms)');
    process.exit(0);
  }
  if (which !== 'typing') {
    const opened = await timeAppOpen(page, 'Long', { beforeClick: async () => void (await cdp.send('Profiler.start')) });
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    console.log(`profiled open: ${opened.toFixed(1)} ms click → frame`);
    summarise(profile, 'open (click → frame)');
    await page.waitForTimeout(1500);
    await showAppDocument(page, 'Short', 'A short document.');

    const traced = await timeAppOpen(page, 'Long', { beforeClick: () => bench.browser.startTracing(page, { categories: CATEGORIES }) });
    summariseTrace(await bench.browser.stopTracing(), `open traced (${traced.toFixed(1)} ms click → frame)`);
    await page.waitForTimeout(1500);
    await showAppDocument(page, 'Short', 'A short document.');
    await cdp.send('Profiler.start');
    await timeAppOpen(page, 'Long');
    await page.waitForTimeout(1500);
    const after = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    summarise(after.profile, 'open and the 1.5 s after the first frame');
    if (which === 'open') await showAppDocument(page, 'Short', 'A short document.');
  }
  if (which !== 'open') {
    if (which === 'typing') await timeAppOpen(page, 'Long');
    await page.waitForTimeout(1000);
    await typeAndTime(page, 40, 10, 70);
    await cdp.send('Profiler.start');
    const typed = await typeAndTime(page, 41, 40, 70);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const sorted = [...typed.frame].sort((a, b) => a - b);
    console.log(`profiled typing: 40 keys, key → frame median ${sorted[20]?.toFixed(1)} ms, long tasks ${typed.longTasks.map((x) => x.toFixed(0)).join(',')}`);
    summarise(profile, 'typing 40 keys');
    await bench.browser.startTracing(page, { categories: CATEGORIES });
    await typeAndTime(page, 42, 40, 70);
    summariseTrace(await bench.browser.stopTracing(), 'typing 40 keys traced');
  }
} finally {
  await bench.close();
}
