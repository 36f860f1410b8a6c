/**
 * The measured scenarios the Chromium cases are made of: opening a long document (the app, a plain
 * contenteditable page, a plain ProseMirror page) and typing in it, each side by side in one run.
 */
import type { Page } from '@playwright/test';
import type { Series, TargetCheck } from '../case.js';
import { formatNumber, formatRatio, median, p95, type Runs } from '../stats.js';
import { collectGarbage, measureAppOpens, measurePlainOpens, openApp, openPlainPage, seededBench, showAppDocument, textWidth, typeAndTime, type Corpus, type Seeded, type TypingResult } from './support.js';

export const PLAIN_DOM = 'plain contenteditable';
export const PLAIN_PM = 'plain ProseMirror';

export interface OpenFigures {
  app: number[];
  dom: number[];
  pm: number[];
  width: number;
}

/** Opens the document in the app, then in both plain pages; closes every page it opened. */
export async function measureOpens(seeded: Seeded, runs: Runs, log: (line: string) => void): Promise<OpenFigures> {
  const app = await measureAppOpens(seeded.bench, runs, log);
  await app.page.context().close();
  const dom = await measurePlainOpens(seeded.bench, 'dom', app.width, runs, log);
  await dom.page.context().close();
  const pm = await measurePlainOpens(seeded.bench, 'pm', app.width, runs, log);
  await pm.page.context().close();
  return { app: app.values, dom: dom.values, pm: pm.values, width: app.width };
}

export interface TypingFigures {
  app: TypingResult;
  dom: TypingResult;
  pm: TypingResult;
}

/** Where typing happens: the end of this paragraph (the same text on every page). */
const TYPE_AT = 40;
/** Between one key's release and the next key (a fast typist's ~10 keys a second, with the key's own time). */
const GAP_MS = 70;

async function typeOn(page: Page, warmupKeys: number, keys: number): Promise<TypingResult> {
  await typeAndTime(page, TYPE_AT, warmupKeys, GAP_MS);
  await collectGarbage(page);
  return typeAndTime(page, TYPE_AT + 2, keys, GAP_MS);
}

/** Types `keys` keys (after `warmupKeys`) in the app with the document open, then in both plain pages. */
export async function measureTyping(seeded: Seeded, keys: number, warmupKeys: number, log: (line: string) => void): Promise<TypingFigures> {
  const page = await openApp(seeded.bench);
  await showAppDocument(page, 'Long', '');
  await page.locator('.document-text .annotation').first().waitFor();
  await page.waitForTimeout(1000);
  const width = await textWidth(page);
  const app = await typeOn(page, warmupKeys, keys);
  log(`  app typing: key → frame median ${formatNumber(median(app.frame))} ms, long tasks ${app.longTasks.length}`);
  await page.context().close();
  const plain: Partial<Record<'dom' | 'pm', TypingResult>> = {};
  for (const mode of ['dom', 'pm'] as const) {
    const plainPage = await openPlainPage(seeded.bench.browser, seeded.bench.server, mode, width);
    await plainPage.locator('#load').click();
    await plainPage.evaluate(() => window.__plain.loaded());
    await plainPage.locator('.document-text .annotation').first().waitFor();
    await plainPage.waitForTimeout(500);
    plain[mode] = await typeOn(plainPage, warmupKeys, keys);
    log(`  plain ${mode} typing: key → frame median ${formatNumber(median(plain[mode].frame))} ms`);
    await plainPage.context().close();
  }
  return { app, dom: plain.dom!, pm: plain.pm! };
}

export { seededBench, type Corpus, type Seeded };

/** The open series and targets (≤ `limit` ms, and ≤ 1.5× the plain page where asked). */
export function openResult(figures: OpenFigures, limit: number, relative: boolean): { series: Series[]; targets: TargetCheck[] } {
  const series: Series[] = [
    { label: 'Factmark', unit: 'ms', values: figures.app },
    { label: PLAIN_DOM, unit: 'ms', values: figures.dom },
    { label: PLAIN_PM, unit: 'ms', values: figures.pm },
  ];
  const app = median(figures.app);
  const targets: TargetCheck[] = [{ target: `≤ ${limit} ms`, measured: `median ${formatNumber(app)} ms`, met: app <= limit }];
  if (relative) {
    const times = app / median(figures.dom);
    targets.push({ target: '≤ 1.5× the plain page', measured: formatRatio(times), met: times <= 1.5 });
  }
  return { series, targets };
}

/** The typing series (key → frame, the finer measure; Event Timing) and targets. */
export function typingResult(figures: TypingFigures, p50Limit: number | null, p95Limit: number): { series: Series[]; targets: TargetCheck[] } {
  const series: Series[] = [
    { label: 'Factmark', unit: 'ms', values: figures.app.frame },
    { label: PLAIN_DOM, unit: 'ms', values: figures.dom.frame },
    { label: PLAIN_PM, unit: 'ms', values: figures.pm.frame },
    { label: 'Factmark (Event Timing, 8 ms steps)', unit: 'ms', values: figures.app.event },
    { label: 'Factmark long tasks while typing', unit: 'ms', values: figures.app.longTasks },
  ];
  const frame = figures.app.frame;
  const event = figures.app.event;
  const targets: TargetCheck[] = [];
  if (p50Limit !== null) targets.push({ target: `p50 ≤ ${p50Limit} ms (key → frame)`, measured: `p50 ${formatNumber(median(frame))} ms (Event Timing ${formatNumber(median(event))} ms)`, met: median(frame) <= p50Limit && median(event) <= p50Limit });
  targets.push({ target: `p95 ≤ ${p95Limit} ms (key → frame)`, measured: `p95 ${formatNumber(p95(frame))} ms (Event Timing ${formatNumber(p95(event))} ms)`, met: p95(frame) <= p95Limit && p95(event) <= p95Limit });
  const longest = Math.max(0, ...figures.app.longTasks);
  targets.push({ target: 'no long task > 50 ms while typing', measured: `${figures.app.longTasks.filter((t) => t > 50).length} over 50 ms, longest ${formatNumber(longest)} ms`, met: !figures.app.longTasks.some((t) => t > 50) });
  return { series, targets };
}

/** One line per typing series for the notes: p50 / p95 of both measures and the long tasks. */
export function typingSummary(figures: TypingFigures): string {
  const line = (label: string, t: TypingResult) =>
    `${label}: key → frame p50 ${formatNumber(median(t.frame))} / p95 ${formatNumber(p95(t.frame))} ms (${t.frame.length} keys); Event Timing p50 ${formatNumber(median(t.event))} / p95 ${formatNumber(p95(t.event))} ms; long tasks ${t.longTasks.length} (longest ${formatNumber(Math.max(0, ...t.longTasks))} ms)`;
  return [line('Factmark', figures.app), line(PLAIN_DOM, figures.dom), line(PLAIN_PM, figures.pm)].join('. ');
}

export const TYPING_NOTES =
  `Typing: ${GAP_MS} ms between one key's release and the next press (about 10 keys a second), at the end of paragraph ${TYPE_AT + 2} after a warm-up in paragraph ${TYPE_AT}, a space every sixth key. ` +
  "Key → frame: from the keydown event's timestamp (when Chromium received the input) to the end of the first rendering update after the input event (a message posted from the requestAnimationFrame callback, so style, layout and paint are included), sub-millisecond. " +
  'Event Timing: per key, keydown start → the next paint after keydown/keypress/input (PerformanceObserver type event; Chromium rounds to 8 ms and reports no interaction under 16 ms, so a key it did not report counts as 16 ms, an upper bound). ' +
  "Long tasks: every longtask entry (> 50 ms) seen while typing, including the app's own autosave when it falls in the window.";
