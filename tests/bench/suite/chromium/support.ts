/**
 * What the Chromium bench cases share: the corpus, the real browser host (built `dist/`) seeded with
 * a project through its HTTP API, Debian's Chromium through Playwright, and a small static server
 * for the baselines (a plain `contenteditable` page and a plain ProseMirror page fed the same JSON
 * bytes the host answers, styled by the app's stylesheet). Needs `npm run build` first.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Locator, type Page } from '@playwright/test';
import type { ProjectView } from '../../../../shared/contract.js';
import { startHost, type RunningHost } from '../../../e2e/browser-host.js';
import { CHROMIUM_PATH } from '../../../../playwright.config.js';
import { corpus, type Corpus } from '../corpora.js';
import { formatNumber, median, type Runs } from '../stats.js';
import { atSuiteEnd } from './shared.js';

export { CHROMIUM_PATH };

const here = fileURLToPath(new URL('.', import.meta.url));

/** A bench document (tests/bench/suite/corpora.ts): notes on news and transcript prose. */
export type { Corpus };

/** The corpus of `size` UTF-16 units with `count` notes (seed 1), built once per process. */
export function benchCorpus(size: number, count: number): Corpus {
  return corpus({ size, annotations: count });
}

/** The document a "1 MB" case measures: 1 MB with 2,000 annotations, or in a quick run 100 KB with 200 (the same density). */
export interface CaseDocument {
  doc: Corpus;
  /** For titles: '1 MB document with 2,000 annotations'. */
  name: string;
  /** For result ids: '1mb' or '100kb'. */
  size: string;
  /** For the notes: empty, or what a quick run measures instead. */
  note: string;
}

export function caseDocument(quick: boolean): CaseDocument {
  return quick
    ? { doc: benchCorpus(100_000, 200), name: '100 KB document with 200 annotations', size: '100kb', note: ' Quick run: a 100 KB document with 200 annotations instead of 1 MB with 2,000 (the targets are the 1 MB ones; the full bench measures 1 MB).' }
    : { doc: benchCorpus(1_000_000, 2_000), name: '1 MB document with 2,000 annotations', size: '1mb', note: '' };
}

/** Calls the browser host's API as the page does (token header, same origin). */
export async function callHost<T = unknown>(host: RunningHost, name: string, ...args: unknown[]): Promise<T> {
  const response = await fetch(`${host.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Factmark-Token': host.token, Origin: host.origin },
    body: JSON.stringify({ args }),
  });
  const result = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** A project seeded in the host: its name and the ids of its documents by title. */
export interface SeededProject {
  name: string;
  ids: Record<string, string>;
}

/**
 * Creates and opens a project in the host holding `documents` (title → corpus, or plain text), and
 * saves it. The host keeps it open, so a page loaded next shows its workspace.
 */
export async function seedProject(host: RunningHost, name: string, documents: Record<string, Corpus | string>): Promise<SeededProject> {
  await callHost(host, 'createProject', { path: `${host.workDir}/${name}.factmark`, name });
  const ids: Record<string, string> = {};
  for (const [title, doc] of Object.entries(documents)) {
    const { id } = await callHost<{ id: string }>(host, 'createDocument', { title, text: typeof doc === 'string' ? doc : 'placeholder' });
    if (typeof doc !== 'string') {
      await callHost(host, 'getDocument', id);
      // The corpus replaces the placeholder: a change of the words, so it says why, as the editor does.
      await callHost(host, 'updateDocumentContent', id, doc.content, doc.annotations, { reason: 'edit' });
    }
    ids[title] = id;
  }
  await callHost(host, 'saveNow');
  return { name, ids };
}

/** The exact bytes the host answers to `getDocument(id)`, for the baseline pages. */
export async function documentAnswer(host: RunningHost, id: string): Promise<string> {
  const response = await fetch(`${host.origin}/api/getDocument`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Factmark-Token': host.token, Origin: host.origin },
    body: JSON.stringify({ args: [id] }),
  });
  return response.text();
}

/** Launches headless Debian Chromium as the e2e tests do (plus `extraArgs`). */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(resolve('dist/renderer/app.js'))) throw new Error('dist/renderer/app.js is missing: run `npm run build` first');
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', ...extraArgs],
  });
}

export const VIEWPORT = { width: 1280, height: 800 };

let bundles: Promise<{ probes: string; plain: string }> | null = null;
/** The page scripts (probes and the plain pages), bundled once per process. */
function pageScripts(): Promise<{ probes: string; plain: string }> {
  bundles ??= (async () => {
    const build = async (entry: string, format: 'iife' | 'esm') => {
      const result = await esbuild.build({ entryPoints: [resolve(here, 'page', entry)], bundle: true, write: false, format, platform: 'browser', target: 'chrome130', logLevel: 'warning' });
      return result.outputFiles[0]!.text;
    };
    return { probes: await build('probes.ts', 'iife'), plain: await build('plain.ts', 'esm') };
  })();
  return bundles;
}

/** A loopback server for the baseline pages: `/plain.html`, `/blank.html`, `/doc.json` (set per case), `/app.css`, `/plain.js`. */
export interface StaticServer {
  origin: string;
  /** What `/doc.json` answers. */
  setDocument(json: string): void;
  close(): Promise<void>;
}

export async function startStaticServer(): Promise<StaticServer> {
  const scripts = await pageScripts();
  const css = readFileSync(resolve('dist/renderer/styles/app.css'), 'utf8');
  let doc = '{}';
  const pages: Record<string, [string, () => string]> = {
    '/plain.html': [
      'text/html',
      () =>
        '<!doctype html><html lang="en" data-theme="light"><head><meta charset="utf-8"><title>plain</title><link rel="stylesheet" href="app.css">' +
        '<script type="module" src="plain.js"></script></head><body><button id="load">Load</button><main class="reader"><article class="document"><div class="editor-mount" id="text"></div></article></main></body></html>',
    ],
    '/blank.html': ['text/html', () => '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body><p id="ready">ready</p></body></html>'],
    '/doc.json': ['application/json', () => doc],
    '/app.css': ['text/css', () => css],
    '/plain.js': ['text/javascript', () => scripts.plain],
  };
  const server: Server = createServer((request, response) => {
    const page = pages[new URL(request.url ?? '/', 'http://x').pathname];
    if (!page) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': `${page[0]}; charset=utf-8`, 'Cache-Control': 'no-store' }).end(page[1]());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${address.port}`,
    setDocument: (json) => void (doc = json),
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/**
 * A new page (in its own context unless one is given) with the probes installed before any script
 * runs; with `watch`, the probes time the first frame in which that selector matches from
 * navigation start (read it with `firstFrameAt`).
 */
export async function newProbedPage(browser: Browser, context?: BrowserContext, watch?: string): Promise<Page> {
  const { probes } = await pageScripts();
  const owner = context ?? (await browser.newContext({ viewport: VIEWPORT }));
  if (watch) await owner.addInitScript({ content: `window.__benchWatch = ${JSON.stringify(watch)};` });
  await owner.addInitScript({ content: probes });
  return owner.newPage();
}

/** Navigation start → end of the first frame showing the watched selector (see newProbedPage). */
export function firstFrameAt(page: Page): Promise<number> {
  return page.evaluate(() => window.__bench.watched!);
}

/** Full garbage collection in the page, and its JS heap in use afterwards (MB). */
export async function collectGarbage(page: Page, session?: CDPSession): Promise<number> {
  const cdp = session ?? (await page.context().newCDPSession(page));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  if (!session) await cdp.detach();
  return usedSize / 1_000_000;
}

/**
 * Scrolls top-level block `index` of the app's text into view, built. In a windowed document a far
 * block is an empty stand-in, folded into the first stand-in of its run (renderer/editor/
 * stand-in-runs.ts), which is as tall as the whole run: the run's top is scrolled to the top of the
 * view until the window builds the block, as scrolling does for a reader.
 */
export async function showBlock(page: Page, index: number): Promise<Locator> {
  const block = page.locator('.document-text > *').nth(index);
  for (let tries = 0; tries < 20 && (await block.evaluate((element) => element.classList.contains('stand-in'))); tries++) {
    await block.evaluate((element) => {
      let shown: Element | null = element;
      while (shown && getComputedStyle(shown).display === 'none') shown = shown.previousElementSibling;
      shown?.scrollIntoView({ block: 'start' });
    });
    await page.evaluate(() => window.__bench.afterFrame());
    await page.evaluate(() => window.__bench.afterFrame());
  }
  await block.scrollIntoViewIfNeeded();
  return block;
}

/** The width of the app's text column, so the plain pages lay out the same lines. */
export async function textWidth(page: Page): Promise<number> {
  return page.locator('.document-text').first().evaluate((element) => Math.round(element.getBoundingClientRect().width));
}

/** Opens the plain page in `mode` at `width`, ready for a click on Load. */
export async function openPlainPage(browser: Browser, server: StaticServer, mode: 'dom' | 'pm', width: number, context?: BrowserContext): Promise<Page> {
  const page = await newProbedPage(browser, context);
  await page.goto(`${server.origin}/plain.html?mode=${mode}&width=${width}`);
  await page.locator('#load').waitFor();
  return page;
}

/** Clicks Load on a plain page and returns click → end of the first frame showing an annotation (ms). */
export async function timePlainOpen(page: Page): Promise<number> {
  await page.evaluate(() => window.__plain.clear());
  await collectGarbage(page);
  await page.evaluate(() => window.__bench.armOpen('.document-text .annotation'));
  await page.locator('#load').click();
  const { clickAt, frameAt } = await page.evaluate(() => window.__bench.openResult());
  await page.evaluate(() => window.__plain.loaded());
  return frameAt - clickAt;
}

/** The host, a browser and the static server together, for one case (or shared by all: sharedBench). */
export interface Bench {
  host: RunningHost;
  browser: Browser;
  server: StaticServer;
  /** Closes them; a no-op on the shared bench, which run.ts closes at the end. */
  close(): Promise<void>;
}

export async function startBench(extraArgs: string[] = []): Promise<Bench> {
  const host = await startHost();
  const server = await startStaticServer();
  const browser = await launchChromium(extraArgs);
  return {
    host,
    browser,
    server,
    close: async () => {
      await browser.close();
      await server.close();
      await host.stop();
    },
  };
}

let shared: Promise<Bench> | null = null;

/**
 * The host, static server and Chromium every Chromium case of a run uses (each measures in its own
 * browser contexts), started on first use and closed by run.ts when the suite ends: starting a host
 * and a browser per case cost seconds each. Started again if Chromium went away (a crashed case).
 */
export async function sharedBench(): Promise<Bench> {
  if (shared) {
    const bench = await shared.catch(() => null);
    if (bench?.browser.isConnected()) return bench;
    shared = null;
    seeded.clear();
  }
  shared = startBench().then((bench) => {
    atSuiteEnd(bench.close);
    return { ...bench, close: async () => undefined };
  });
  return shared;
}

/** Loads the app (the host's open project) in a new probed page and waits for the workspace. */
export async function openApp(bench: Bench, context?: BrowserContext): Promise<Page> {
  const page = await newProbedPage(bench.browser, context);
  await page.goto(bench.host.url);
  await page.locator('.workspace').waitFor();
  return page;
}

/**
 * Opens document `title` from the list and returns click → end of the first frame in which the
 * editor shows an annotation (ms). A full GC runs first so an earlier document's garbage is not
 * collected inside the measure.
 */
export async function timeAppOpen(page: Page, title: string, options: { selector?: string; beforeClick?: () => Promise<void> } = {}): Promise<number> {
  await collectGarbage(page);
  await page.evaluate((s) => window.__bench.armOpen(s), options.selector ?? '.document-text .annotation');
  await options.beforeClick?.();
  await page.getByRole('button', { name: title, exact: true }).click();
  const { clickAt, frameAt } = await page.evaluate(() => window.__bench.openResult());
  return frameAt - clickAt;
}

/** Switches the app to document `title` and waits until its text shows. */
export async function showAppDocument(page: Page, title: string, text: string): Promise<void> {
  await page.getByRole('button', { name: title, exact: true }).click();
  await page.locator('.document-text', { hasText: text }).waitFor();
}

/** A started bench with a project holding `Long` (the corpus) and `Short`, and the host's answer for `Long`. */
export interface Seeded {
  bench: Bench;
  answer: string;
}

export const SHORT_TEXT = 'A short document.';

/** The projects seeded in the shared host, by corpus: their path there. */
const seeded = new Map<Corpus, Promise<string>>();

/**
 * The shared bench (sharedBench) with `doc`'s project open in the host: seeded on first use, opened
 * again afterwards if another case opened another project meanwhile; the static server answers
 * `/doc.json` with the host's answer for its `Long` (as it is now: an earlier case may have typed a
 * few characters into it).
 */
export async function seededBench(doc: Corpus): Promise<Seeded> {
  const bench = await sharedBench();
  let entry = seeded.get(doc);
  if (!entry) {
    entry = (async () => {
      await seedProject(bench.host, `Bench-${seeded.size}`, { Long: doc, Short: SHORT_TEXT });
      return (await callHost<ProjectView>(bench.host, 'getOpenProject')).path;
    })();
    seeded.set(doc, entry);
    entry.catch(() => seeded.delete(doc));
  }
  const path = await entry;
  let view = await callHost<ProjectView | null>(bench.host, 'getOpenProject');
  if (view?.path !== path) view = await callHost<ProjectView>(bench.host, 'openProject', path);
  const answer = await documentAnswer(bench.host, view.project.documents.find((d) => d.title === 'Long')!.id);
  bench.server.setDocument(answer);
  return { bench, answer };
}

/**
 * Opens `Long` in the app `warmup + runs` times (switching to `Short` between), returning each
 * measured click → frame, the text column's width, and the page (left on `Long`).
 */
export async function measureAppOpens(bench: Bench, { warmup, runs }: Runs, log: (line: string) => void): Promise<{ values: number[]; width: number; page: Page }> {
  const page = await openApp(bench);
  await showAppDocument(page, 'Short', SHORT_TEXT);
  const values: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    if (i > 0) await showAppDocument(page, 'Short', SHORT_TEXT);
    const ms = await timeAppOpen(page, 'Long');
    if (i >= warmup) values.push(ms);
    log(`  app open ${i < warmup ? '(warm-up) ' : ''}${ms.toFixed(0)} ms`);
  }
  return { values, width: await textWidth(page), page };
}

/** The same for a plain page in `mode`; the page is left with the text loaded. */
export async function measurePlainOpens(bench: Bench, mode: 'dom' | 'pm', width: number, { warmup, runs }: Runs, log: (line: string) => void): Promise<{ values: number[]; page: Page }> {
  const page = await openPlainPage(bench.browser, bench.server, mode, width);
  const values: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const ms = await timePlainOpen(page);
    if (i >= warmup) values.push(ms);
    log(`  plain ${mode} open ${i < warmup ? '(warm-up) ' : ''}${ms.toFixed(0)} ms`);
  }
  return { values, page };
}

/** Typing timings from the probes. */
export interface TypingResult {
  frame: number[];
  event: number[];
  longTasks: number[];
}

/**
 * Clicks at the end of paragraph `paragraph` of the text, types `keys` characters (x, and a space
 * every sixth) with `gap` ms between one key's release and the next press, and returns the probes'
 * timings (key → end of next frame; Event Timing; long tasks).
 */
export async function typeAndTime(page: Page, paragraph: number, keys: number, gap: number): Promise<TypingResult> {
  const target = page.locator('.document-text > p').nth(paragraph);
  await target.scrollIntoViewIfNeeded();
  await target.click();
  await page.keyboard.press('End');
  await page.waitForTimeout(300);
  await page.evaluate(() => window.__bench.startTyping());
  for (let i = 0; i < keys; i++) {
    await page.keyboard.press(i % 6 === 5 ? 'Space' : 'x');
    await page.waitForTimeout(gap);
  }
  await page.waitForTimeout(300);
  return page.evaluate(() => window.__bench.stopTyping());
}

/** "1.23×": how many times the baseline's median the subject's median is. */
export function times(subject: readonly number[], baseline: readonly number[]): number {
  return median(subject) / median(baseline);
}

export const fmt = (value: number, unit = 'ms'): string => `${formatNumber(value)} ${unit}`;
