/**
 * Measures annotating a long document in Chromium through the browser host (not a test: no
 * assertions; #7 folds it into `npm run bench`): a 1 MB text with 2,000 annotations opened to its
 * first frame, typing in it (key to next paint, from the Event Timing API), and making and removing
 * an annotation (User Timing measures the app records). Run after `npm run build`:
 *
 *   npx tsx tests/bench/annotate-chromium.ts [sizeBytes] [annotations]
 */
import { chromium } from '@playwright/test';
import { contentOf, documentNode } from '../../shared/annotations/table.js';
import { withAnnotationMarks } from '../../shared/annotations/apply-marks.js';
import { projectDocument } from '../../shared/anchoring/index.js';
import { startHost } from '../e2e/browser-host.js';
import { annotate, newsProse } from '../unit/anchoring/support/prose.js';
import { contentFromText, notesOn } from '../unit/annotations/support/documents.js';
import { CHROMIUM_PATH } from '../../playwright.config.js';

const size = Number(process.argv[2] ?? 1_000_000);
const count = Number(process.argv[3] ?? 2_000);

function stats(label: string, values: number[]): void {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
  console.log(`${label.padEnd(44)} n=${sorted.length} median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`);
}

const text = newsProse(7, size);
const spans = annotate(text, count, 11).truth.map((t, i) => ({ id: `a${i}`, start: t.start, end: t.end }));
const annotations = notesOn(text, spans);
const bare = documentNode(contentFromText(text), annotations);
const projection = projectDocument(bare);
const content = contentOf(withAnnotationMarks(bare, spans.map((s) => ({ id: s.id, from: projection.toDocPos(s.start, 1), to: projection.toDocPos(s.end, -1) }))));

const host = await startHost();
const call = async (name: string, ...args: unknown[]) => {
  const response = await fetch(`${host.origin}/api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Factmark-Token': host.token, Origin: host.origin }, body: JSON.stringify({ args }) });
  const result = (await response.json()) as { ok: boolean; value: { id: string }; error?: unknown };
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value;
};
await call('createProject', { path: `${host.workDir}/Bench.factmark`, name: 'Bench' });
const { id } = await call('createDocument', { title: 'Long', text: 'placeholder' });
await call('getDocument', id);
await call('updateDocumentContent', id, content, annotations);
await call('saveNow');

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(host.url);
await page.getByRole('button', { name: 'Long', exact: true }).waitFor();
const opened: number[] = [];
for (let run = 0; run < 3; run++) {
  if (run > 0) {
    await page.getByRole('button', { name: 'Close project' }).click();
    await page.getByRole('button', { name: /Bench/ }).first().click();
  }
  const t0 = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Long', exact: true }).click();
  await page.locator('.document-text .annotation').first().waitFor();
  opened.push((await page.evaluate(() => new Promise<number>((done) => requestAnimationFrame(() => done(performance.now()))))) - t0);
}
stats(`open ${Math.round(text.length / 1000)} kB, ${count} annotations (click → frame)`, opened);

await page.evaluate(() => {
  const w = window as unknown as { keyDurations: number[] };
  w.keyDurations = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'keydown') w.keyDurations.push(entry.duration);
  }).observe({ type: 'event', durationThreshold: 0, buffered: false } as PerformanceObserverInit);
});
await page.locator('.document-text p').nth(40).click();
for (let i = 0; i < 80; i++) await page.keyboard.type('x', { delay: 30 });
await page.waitForTimeout(500);
stats('typing: keydown → next paint (Event Timing, 8 ms steps)', await page.evaluate(() => (window as unknown as { keyDurations: number[] }).keyDurations));

for (let i = 0; i < 10; i++) {
  await page.locator('.document-text p').nth(60 + i).click();
  await page.keyboard.press('Home');
  for (let k = 0; k < 12; k++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('n');
  await page.keyboard.press('Escape');
  await page.keyboard.press('x');
}
const measures = await page.evaluate(() => ({
  create: performance.getEntriesByName('factmark:annotation-create').map((e) => e.duration),
  remove: performance.getEntriesByName('factmark:annotation-remove').map((e) => e.duration),
}));
stats('create an annotation (script to DOM update)', measures.create);
stats('remove an annotation (script to DOM update)', measures.remove);
await browser.close();
await host.stop();
