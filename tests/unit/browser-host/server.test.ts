/**
 * The browser host over real loopback HTTP: the guard in front of everything, the renderer files,
 * the contract calls against the real services, and the event stream.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_BODY_BYTES, startBrowserHost, type BrowserHost } from '../../../main/browser-host/server.js';
import { createAppServices } from '../../../main/services/app-services.js';

let host: BrowserHost;
let work: string;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests can send any Host and Origin they like. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${host.port}`, ...options.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end(options.body);
  });
}

const call = (name: string, args: unknown[], headers: Record<string, string> = {}) =>
  send(`/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-factmark-token': host.token, ...headers }, body: JSON.stringify({ args }) });

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'factmark-host-'));
  const staticDir = join(work, 'renderer');
  await mkdir(staticDir);
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Factmark</title>');
  await writeFile(join(work, 'secret.txt'), 'not for the browser');
  host = await startBrowserHost({
    staticDir,
    createServices: (emit) => createAppServices({ host: 'browser', settingsDir: join(work, 'settings'), version: '0.0.0-test', emit, autosaveDelayMs: 20 }),
  });
});

afterAll(async () => {
  await host.close();
  await rm(work, { recursive: true, force: true });
});

describe('browser host', () => {
  it('prints an address on 127.0.0.1 with a long random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/);
  });

  it('serves the page once with the token and sets an HttpOnly, SameSite=Strict cookie', async () => {
    const reply = await send(`/?token=${host.token}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>Factmark</title>');
    expect(String(reply.headers['set-cookie'])).toMatch(/factmark-token=.+; HttpOnly; SameSite=Strict; Path=\//);
    expect(reply.headers['content-security-policy']).toContain("default-src 'none'");
    expect(reply.headers['x-frame-options']).toBe('DENY');
  });

  it('refuses the page without the token', async () => {
    expect((await send('/')).status).toBe(401);
    expect((await send('/?token=wrong')).status).toBe(401);
  });

  it('refuses a rebinding Host and a foreign Origin', async () => {
    expect((await send(`/?token=${host.token}`, { headers: { host: `evil.test:${host.port}` } })).status).toBe(403);
    expect((await call('getAppInfo', [], { origin: 'http://evil.test' })).status).toBe(403);
  });

  it('never serves files outside the renderer bundle', async () => {
    const cookie = { cookie: `factmark-token=${host.token}` };
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt']) {
      const reply = await send(path, { headers: cookie });
      expect(reply.body, path).not.toContain('not for the browser');
    }
  });

  it('answers contract calls with the contract result', async () => {
    const reply = await call('getAppInfo', []);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { name: 'Factmark', host: 'browser', nativeDialogs: false } });
  });

  it('refuses calls without the token header, even with the cookie', async () => {
    const reply = await send('/api/getAppInfo', { method: 'POST', headers: { cookie: `factmark-token=${host.token}` }, body: '{"args":[]}' });
    expect(reply.status).toBe(401);
  });

  it('answers bad arguments and unknown calls with INVALID_ARGUMENT, and non-JSON with 400', async () => {
    expect(JSON.parse((await call('renameDocument', [1])).body)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(JSON.parse((await call('rmrf', [])).body)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const notJson = await send('/api/getAppInfo', { method: 'POST', headers: { 'x-factmark-token': host.token }, body: '{nope' });
    expect(notJson.status).toBe(400);
  });

  it('answers a call name with malformed percent-encoding with 400 and a JSON error, and an address that is no URL with 400, never a stack trace', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      for (const path of ['/api/%E0%A4%A', '/api/get%zzAppInfo', '/api/%']) {
        const reply = await send(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-factmark-token': host.token }, body: '{"args":[]}' });
        expect(reply.status, path).toBe(400);
        expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(JSON.parse(reply.body)).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: 'The call named in this address is not valid percent-encoding.' } });
        expect(reply.body).not.toMatch(/\bat \w|URIError|server\.ts/);
      }
      const notUrl = await send('http://[', { headers: { 'x-factmark-token': host.token } });
      expect(notUrl).toMatchObject({ status: 400, body: 'The address of this request is not valid.' });
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it('refuses a body over the limit with 413 and a message naming the limit', async () => {
    const reply = await send('/api/importPasted', { method: 'POST', headers: { 'x-factmark-token': host.token }, body: 'x'.repeat(MAX_BODY_BYTES + 1) });
    expect(reply.status).toBe(413);
    expect(reply.body).toContain(`${MAX_BODY_BYTES / 1024 / 1024} MB`);
  });

  it('says desktop-only abilities are unsupported instead of failing obscurely', async () => {
    expect(JSON.parse((await call('pickProjectToOpen', [])).body)).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
  });

  it('reads no file by a path the page names: importFiles is refused, uploads are the way in', async () => {
    expect(JSON.parse((await call('createProject', [{ path: join(work, 'Paths.factmark'), name: 'Paths' }])).body)).toMatchObject({ ok: true });
    expect(JSON.parse((await call('importFiles', [[join(work, 'secret.txt')], {}])).body)).toEqual({
      ok: false,
      error: { code: 'UNSUPPORTED', message: expect.stringContaining('In a browser, import documents by uploading them') },
    });
    const uploaded = JSON.parse((await call('importFileContent', [{ fileName: 'note.txt', base64: Buffer.from('An uploaded note.').toString('base64') }])).body) as { ok: boolean };
    expect(uploaded.ok).toBe(true);
    const { value } = JSON.parse((await call('getOpenProject', [])).body) as { value: { project: { documents: { title: string }[] } } };
    expect(value.project.documents.map((d) => d.title)).toEqual(['note']);
  });

  it('streams events to the page', async () => {
    const received = new Promise<string>((done, fail) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: '/api/events', headers: { host: `127.0.0.1:${host.port}`, cookie: `factmark-token=${host.token}` } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes('event: saveStatus')) {
            req.destroy();
            done(text);
          }
        });
      });
      req.on('error', (e) => (e.message.includes('aborted') || e.message.includes('socket hang up') ? undefined : fail(e)));
      req.end();
    });
    await new Promise((r) => setTimeout(r, 100));
    const created = JSON.parse((await call('createProject', [{ path: join(work, 'Events.factmark'), name: 'Events' }])).body) as { ok: boolean };
    expect(created.ok).toBe(true);
    expect(await received).toMatch(/event: saveStatus\ndata: \{"state":"saved"/);
  });
});
