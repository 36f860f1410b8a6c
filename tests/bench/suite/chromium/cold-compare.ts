/**
 * Cold load of several builds side by side, interleaved run by run so a shared machine's load
 * falls on all alike (not a case of `npm run bench`; a tool for comparing bundles):
 *
 *   npx tsx tests/bench/suite/chromium/cold-compare.ts runs label=path/to/dist label=path/to/dist …
 *
 * Each `dist` folder (a copy of a build) gets its own browser host with an empty project open; each
 * run opens every build once in a new browser context, then the minimal page; medians at the end.
 */
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median } from '../stats.js';
import { callHost, firstFrameAt, launchChromium, newProbedPage, startStaticServer, VIEWPORT } from './support.js';
import type { RunningHost } from '../../../e2e/browser-host.js';

const READY = '.workspace .placeholder:not([hidden]) .placeholder-actions button.primary';

async function hostFor(dist: string): Promise<RunningHost & { kill(): void }> {
  const workDir = await mkdtemp(join(tmpdir(), 'factmark-cold-'));
  const child = spawn(process.execPath, [resolve(dist, 'browser-host/serve.cjs'), '--settings-dir', join(workDir, 'settings')], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_PATH: resolve('node_modules') } });
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match) done(match[1]!);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => fail(new Error(`host exited ${code}: ${output}`)));
  });
  const parsed = new URL(url);
  return { url, origin: parsed.origin, token: parsed.searchParams.get('token')!, workDir, stop: async () => undefined, kill: () => child.kill('SIGTERM') };
}

const runs = Number(process.argv[2] ?? 9);
const builds = process.argv.slice(3).map((arg) => arg.split('=') as [string, string]);
const hosts = await Promise.all(builds.map(([, dist]) => hostFor(dist)));
for (const host of hosts) await callHost(host, 'createProject', { path: `${host.workDir}/Empty.factmark`, name: 'Empty' });
const server = await startStaticServer();
const browser = await launchChromium();
const times = new Map<string, number[]>([...builds.map(([label]) => [label, []] as [string, number[]]), ['minimal page', []]]);
try {
  for (let i = 0; i <= runs; i++) {
    const targets: [string, string, string][] = [...builds.map(([label], b) => [label, hosts[b]!.url, READY] as [string, string, string]), ['minimal page', `${server.origin}/blank.html`, '#ready']];
    const line: string[] = [];
    for (const [label, url, watch] of targets) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      const page = await newProbedPage(browser, context, watch);
      await page.goto(url);
      const ms = await firstFrameAt(page);
      await context.close();
      if (i > 0) times.get(label)!.push(ms);
      line.push(`${label} ${ms.toFixed(0)}`);
    }
    console.log(`${i === 0 ? 'warm-up' : `run ${i}`}: ${line.join(', ')} ms`);
  }
  for (const [label, values] of times) console.log(`${label.padEnd(24)} median ${median(values).toFixed(0)} ms (${values.map((v) => v.toFixed(0)).join(', ')})`);
} finally {
  await browser.close();
  await server.close();
  for (const host of hosts) host.kill();
}
