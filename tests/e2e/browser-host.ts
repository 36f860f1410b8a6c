/**
 * Starts the real browser host (the built `dist/browser-host/serve.cjs`) in a child process with a
 * fresh settings folder, and reads the address with its token from what it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface RunningHost {
  url: string;
  origin: string;
  token: string;
  workDir: string;
  /** Stops the host (it saves first); `keepFiles` leaves the work folder for a restart. */
  stop(options?: { keepFiles?: boolean }): Promise<void>;
}

/** Starts a host; pass the `workDir` of an earlier run to start again with its settings (a restart). */
export async function startHost(reuseWorkDir?: string): Promise<RunningHost> {
  const workDir = reuseWorkDir ?? (await mkdtemp(join(tmpdir(), 'factmark-e2e-')));
  const child: ChildProcess = spawn(process.execPath, [resolve('dist/browser-host/serve.cjs'), '--settings-dir', join(workDir, 'settings')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`browser host did not start: ${output}`)), 15_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        done(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => fail(new Error(`browser host exited with ${code}: ${output}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    workDir,
    stop: async ({ keepFiles = false } = {}) => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      if (!keepFiles) await rm(workDir, { recursive: true, force: true });
    },
  };
}
