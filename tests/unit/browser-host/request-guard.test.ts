import { describe, expect, it } from 'vitest';
import { guardRequest, isAllowedHost, isAllowedOrigin, readCookie, tokenMatches, type GuardInput } from '../../../main/browser-host/request-guard.js';

const PORT = 41234;
const TOKEN = 'a'.repeat(43);
const base: GuardInput = { method: 'GET', host: `127.0.0.1:${PORT}`, origin: undefined, cookie: undefined, tokenHeader: undefined, queryToken: null, isApiCall: false };

describe('isAllowedHost', () => {
  it.each([
    [`127.0.0.1:${PORT}`, true],
    [`localhost:${PORT}`, true],
    [`LOCALHOST:${PORT}`, true],
    ['127.0.0.1', false],
    [`127.0.0.1:${PORT + 1}`, false],
    [`evil.test:${PORT}`, false],
    [`127.0.0.1.evil.test:${PORT}`, false],
    [`localhost:${PORT}@evil.test`, false],
    [`[::1]:${PORT}`, false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (host, expected) => expect(isAllowedHost(host, PORT)).toBe(expected));
});

describe('isAllowedOrigin', () => {
  it.each([
    [undefined, true],
    [`http://127.0.0.1:${PORT}`, true],
    [`http://localhost:${PORT}`, true],
    ['null', false],
    [`https://127.0.0.1:${PORT}`, false],
    [`http://127.0.0.1:${PORT}.evil.test`, false],
    ['http://evil.test', false],
    [`http://127.0.0.1:${PORT}/`, false],
    ['', false],
  ])('%s → %s', (origin, expected) => expect(isAllowedOrigin(origin, PORT)).toBe(expected));
});

describe('tokenMatches', () => {
  it.each([
    [TOKEN, true],
    ['a'.repeat(42), false],
    ['b'.repeat(43), false],
    ['', false],
    [undefined, false],
    [null, false],
  ])('%s → %s', (presented, expected) => expect(tokenMatches(presented, TOKEN)).toBe(expected));
});

describe('readCookie', () => {
  it('finds the named cookie among others and ignores look-alikes', () => {
    expect(readCookie(`x=1; factmark-token=${TOKEN}; y=2`, 'factmark-token')).toBe(TOKEN);
    expect(readCookie('notfactmark-token=zzz', 'factmark-token')).toBeUndefined();
    expect(readCookie(undefined, 'factmark-token')).toBeUndefined();
  });
});

describe('guardRequest', () => {
  it('lets the first page load in with the token in the address and sets the cookie', () => {
    expect(guardRequest({ ...base, queryToken: TOKEN }, PORT, TOKEN)).toEqual({ allow: true, setCookie: true });
  });
  it('lets later page loads in with the cookie', () => {
    expect(guardRequest({ ...base, cookie: `factmark-token=${TOKEN}` }, PORT, TOKEN)).toEqual({ allow: true, setCookie: false });
  });
  it('refuses a page load without a token', () => {
    expect(guardRequest(base, PORT, TOKEN)).toMatchObject({ allow: false, status: 401 });
  });
  it('refuses API calls that carry the token only as a cookie (cross-site forgery)', () => {
    expect(guardRequest({ ...base, method: 'POST', isApiCall: true, cookie: `factmark-token=${TOKEN}` }, PORT, TOKEN)).toMatchObject({ allow: false, status: 401 });
  });
  it('accepts API calls with the token header', () => {
    expect(guardRequest({ ...base, method: 'POST', isApiCall: true, tokenHeader: TOKEN }, PORT, TOKEN)).toEqual({ allow: true, setCookie: false });
  });
  it('refuses API calls by GET', () => {
    expect(guardRequest({ ...base, method: 'GET', isApiCall: true, tokenHeader: TOKEN }, PORT, TOKEN)).toMatchObject({ allow: false, status: 400 });
  });
  it('refuses a DNS-rebinding Host even with the right token', () => {
    expect(guardRequest({ ...base, host: `attacker.test:${PORT}`, method: 'POST', isApiCall: true, tokenHeader: TOKEN }, PORT, TOKEN)).toMatchObject({ allow: false, status: 403 });
  });
  it('refuses another origin even with the right token', () => {
    expect(guardRequest({ ...base, origin: 'http://evil.test', method: 'POST', isApiCall: true, tokenHeader: TOKEN }, PORT, TOKEN)).toMatchObject({ allow: false, status: 403 });
  });
  it('refuses other methods on pages', () => {
    expect(guardRequest({ ...base, method: 'PUT', queryToken: TOKEN }, PORT, TOKEN)).toMatchObject({ allow: false, status: 400 });
  });
});
