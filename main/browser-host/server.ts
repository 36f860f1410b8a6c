/**
 * The browser host: serves the renderer bundle and the contract's calls over loopback HTTP, so the
 * same app runs in a plain browser (end-to-end tests in Chromium, or users who install nothing).
 * API calls are `POST /api/<call>` with `{ "args": [...] }`, answered with the contract's Result;
 * events stream from `GET /api/events` (server-sent events). Every request passes the guard first;
 * the calls read no path the page names but a project's (./uploads-only.ts).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventName, EventPayloads } from '../../shared/contract.js';
import { fail } from '../../shared/result.js';
import { dispatch } from '../ipc/dispatch.js';
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy.js';
import { resolveBundleFile } from '../security/protocol-path.js';
import { contentTypeFor } from '../security/content-types.js';
import type { AppServices, EventSink } from '../services/types.js';
import { TOKEN_COOKIE, TOKEN_HEADER, guardRequest } from './request-guard.js';
import { resultJson } from './result-json.js';
import { uploadsOnly } from './uploads-only.js';
import { readFile } from 'node:fs/promises';

/** The largest API request body accepted: a 50 MB import travels base64-encoded (about 67 MB) in one call. */
export const MAX_BODY_BYTES = 80 * 1024 * 1024;

export interface BrowserHostOptions {
  /** The folder of the built renderer (dist/renderer). */
  staticDir: string;
  /** Port to listen on; 0 picks a free one. */
  port?: number;
  /** Creates the services once the event sink exists. */
  createServices: (emit: EventSink) => Promise<AppServices>;
  /** A fixed token for tests; random (256 bits) otherwise. */
  token?: string;
}

export interface BrowserHost {
  /** The address to open, token included. */
  url: string;
  port: number;
  token: string;
  services: AppServices;
  /** Saves pending work and stops serving. */
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** Starts the browser host on 127.0.0.1 (never another interface). */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const streams = new Set<ServerResponse>();
  const emit: EventSink = <E extends EventName>(event: E, payload: EventPayloads[E]) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) stream.write(frame);
  };
  const services = await options.createServices(emit);
  const handlers = uploadsOnly(services.handlers);
  let port = 0;

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('factmark browser host: request failed', error);
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal error.');
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = requestUrl(request.url);
    if (url === null) {
      request.resume();
      return send(response, 400, 'text/plain; charset=utf-8', 'The address of this request is not valid.');
    }
    const isEvents = url.pathname === '/api/events';
    const isApiCall = url.pathname.startsWith('/api/') && !isEvents;
    const decision = guardRequest(
      {
        method: request.method ?? 'GET',
        host: request.headers.host,
        origin: request.headers.origin,
        cookie: request.headers.cookie,
        tokenHeader: headerValue(request.headers[TOKEN_HEADER]),
        queryToken: url.searchParams.get('token'),
        isApiCall,
      },
      port,
      token,
    );
    if (!decision.allow) {
      request.resume();
      send(response, decision.status, 'text/plain; charset=utf-8', decision.message);
      return;
    }
    if (decision.setCookie) response.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    if (isApiCall) {
      const name = callNameOf(url.pathname);
      if (name === null) {
        request.resume();
        return send(response, 400, 'application/json; charset=utf-8', JSON.stringify(fail('INVALID_ARGUMENT', 'The call named in this address is not valid percent-encoding.')));
      }
      return serveCall(request, response, name);
    }
    if (isEvents) return openEventStream(response);
    return serveStatic(url.pathname, response);
  }

  async function serveCall(request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
    const body = await readBody(request, MAX_BODY_BYTES);
    if (body === null) return send(response, 413, 'text/plain; charset=utf-8', `A request may carry at most ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
    let args: unknown;
    try {
      const parsed: unknown = JSON.parse(body.toString('utf8'));
      args = typeof parsed === 'object' && parsed !== null ? (parsed as { args?: unknown }).args : undefined;
    } catch {
      return send(response, 400, 'text/plain; charset=utf-8', 'The request body is not JSON.');
    }
    const result = await dispatch(handlers, name, args);
    send(response, 200, 'application/json; charset=utf-8', await resultJson(name, result));
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    response.write(': connected\n\n');
    streams.add(response);
    response.on('close', () => streams.delete(response));
  }

  async function serveStatic(pathname: string, response: ServerResponse): Promise<void> {
    const file = await resolveBundleFile(`app://factmark${pathname}`, options.staticDir);
    if (!file) return send(response, 404, 'text/plain; charset=utf-8', 'Not found.');
    send(response, 200, contentTypeFor(file), await readFile(file));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const keepAlive = setInterval(() => streams.forEach((s) => s.write(': keep-alive\n\n')), 25_000);
  keepAlive.unref();

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    services,
    close: async () => {
      clearInterval(keepAlive);
      await services.shutdown();
      // Stop listening, then drop every open connection: an event stream would otherwise
      // reconnect and keep the server alive.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      streams.clear();
      await closed;
    },
  };
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType });
  response.end(body);
}

/** The address a request names (origin-form `/path?query`, or absolute-form); null when it is no URL at all (`http://[`). */
function requestUrl(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://127.0.0.1');
  } catch {
    return null;
  }
}

/** The call an `/api/<call>` path names, percent-decoded; null when its percent-encoding is malformed (`%E0%A4%A`). */
function callNameOf(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname.slice('/api/'.length));
  } catch {
    return null;
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Reads a request body up to `limit` bytes; null when it is larger (the rest is discarded). */
async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      request.resume();
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
