/**
 * The browser host's gatekeeping, as pure decisions: the server it guards can read and write the
 * user's files, so every request must come to 127.0.0.1 under our own name (DNS rebinding sends
 * another Host), from our own page (another tab sends another Origin), and carry this run's token.
 */
import { timingSafeEqual } from 'node:crypto';

/** The cookie that carries the token for page loads and the event stream. */
export const TOKEN_COOKIE = 'factmark-token';
/** The header that carries the token on API calls. */
export const TOKEN_HEADER = 'x-factmark-token';

/** The host names a request may name for a server bound to 127.0.0.1 on `port`. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** True when the Host header names this server exactly (case-insensitive host, exact port). */
export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (typeof hostHeader !== 'string') return false;
  return allowedHosts(port).includes(hostHeader.toLowerCase());
}

/**
 * True when the Origin header is absent (same-origin navigations and GETs) or names this server.
 * `null` (sandboxed frames, file: pages) and every other origin are refused.
 */
export function isAllowedOrigin(originHeader: string | undefined, port: number): boolean {
  if (originHeader === undefined) return true;
  return allowedHosts(port).some((host) => originHeader.toLowerCase() === `http://${host}`);
}

/** Compares a presented token with the run's token in constant time. */
export function tokenMatches(presented: string | undefined | null, expected: string): boolean {
  if (typeof presented !== 'string' || presented.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(presented), Buffer.from(expected));
}

/** Reads one cookie's value from a Cookie header, or undefined. */
export function readCookie(cookieHeader: string | undefined, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** What the server should do with a request, decided before any handler runs. */
export type GuardDecision =
  | { allow: true; setCookie: boolean }
  | { allow: false; status: 400 | 401 | 403; message: string };

export interface GuardInput {
  method: string;
  host: string | undefined;
  origin: string | undefined;
  cookie: string | undefined;
  tokenHeader: string | undefined;
  queryToken: string | null;
  /** True for API calls, which must carry the token in a header (a cookie alone is not enough). */
  isApiCall: boolean;
}

/** Decides whether a request may proceed, and whether to set the token cookie on the response. */
export function guardRequest(input: GuardInput, port: number, token: string): GuardDecision {
  if (!isAllowedHost(input.host, port)) return { allow: false, status: 403, message: 'Unexpected Host header.' };
  if (!isAllowedOrigin(input.origin, port)) return { allow: false, status: 403, message: 'Requests from other origins are refused.' };
  if (input.isApiCall) {
    if (input.method !== 'POST') return { allow: false, status: 400, message: 'API calls use POST.' };
    return tokenMatches(input.tokenHeader, token) ? { allow: true, setCookie: false } : { allow: false, status: 401, message: 'Missing or wrong token.' };
  }
  if (input.method !== 'GET' && input.method !== 'HEAD') return { allow: false, status: 400, message: 'Only GET is served here.' };
  if (tokenMatches(input.queryToken, token)) return { allow: true, setCookie: true };
  if (tokenMatches(readCookie(input.cookie, TOKEN_COOKIE), token)) return { allow: true, setCookie: false };
  return { allow: false, status: 401, message: 'Open the address Factmark printed, with its token.' };
}
