/** Where windows may go and which links may leave for the browser, with hostile values. */
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../main/security/app-origin.js';
import { isAllowedNavigation, isSafeExternalUrl } from '../../../main/security/navigation.js';

describe('isAllowedNavigation', () => {
  it.each(['app://factmark/index.html', 'app://factmark/', 'app://factmark/index.html?project=1#claims'])('allows the app page %s', (url) => {
    expect(isAllowedNavigation(url, APP_ORIGIN)).toBe(true);
  });

  it.each([
    'https://example.com/',
    'https://app.evil.test/',
    'https://example.com.attacker.test/',
    'http://factmark/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'about:blank',
    'app://factmark',
    'app://factmark.evil/',
    'app://factmark.evil.test/index.html',
    'app://factmark@evil/',
    'app://factmark:pass@evil/',
    'app://factmark:8080/',
    'app://evil/',
    'APP://factmark/index.html',
    'app://FACTMARK/index.html',
    ' app://factmark/index.html',
    'app://factmark/index.html ',
    'app://factmark/\u0000',
    'app://factmark/\nindex.html',
    'app://factmark/index.html\t',
    'app://factmark\\@evil/',
    'app://factmark/..\\..\\x',
    '//factmark/index.html',
    '\\\\host\\share',
    '',
  ])('blocks %j', (url) => {
    expect(isAllowedNavigation(url, APP_ORIGIN)).toBe(false);
  });

  it.each([undefined, null, 42, {}, ['app://factmark/']])('blocks the non-string %j', (value) => {
    expect(isAllowedNavigation(value, APP_ORIGIN)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://example.com/report?id=7#top', 'https://example.com/report?id=7#top'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://Example.COM/Path', 'https://example.com/Path'],
    ['mailto:desk@example.org', 'mailto:desk@example.org'],
    ['mailto:desk@example.org?subject=Claim%2042', 'mailto:desk@example.org?subject=Claim%2042'],
    ['https://example.com/a%20b', 'https://example.com/a%20b'],
    ['https://b\u00fccher.example/', 'https://xn--bcher-kva.example/'],
    ['https://\u0435xample.com/', 'https://xn--xample-2of.com/'],
    ['https://xn--80ak6aa92e.com/', 'https://xn--80ak6aa92e.com/'],
    ['https://example.com/%2e%2e/secret', 'https://example.com/secret'],
  ])('opens %j as %j', (url, expected) => {
    expect(isSafeExternalUrl(url)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\u0000script:alert(1)',
    ' javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'file://host/share/x',
    'ftp://example.com/',
    'app://factmark/index.html',
    'chrome://settings',
    'ms-settings:privacy',
    'smb://host/share',
    '\\\\host\\share',
    '//evil.test/path',
    '/relative/path',
    'example.com',
    ' https://example.com/',
    'https://example.com/ ',
    'https://example.com/\n',
    '\u00a0https://example.com/',
    '\ufeffhttps://example.com/',
    'https://exam\u200bple.com/',
    'https://example.com/\u202egnp.exe',
    'https://ex\u00adample.com/',
    'https://user:pass@example.com/',
    'https://user@example.com/',
    'https://example.com@attacker.test/',
    'http:\\\\evil.test\\',
    'https:/\\evil.test/',
    'https://',
    'mailto:',
    '',
  ])('refuses %j', (url) => {
    expect(isSafeExternalUrl(url)).toBeNull();
  });

  it('refuses a link longer than 4,096 characters', () => {
    expect(isSafeExternalUrl(`https://example.com/${'a'.repeat(5_000)}`)).toBeNull();
  });

  it.each([undefined, null, 42, {}, ['https://example.com/']])('refuses the non-string %j', (value) => {
    expect(isSafeExternalUrl(value)).toBeNull();
  });

  it('shows the real host of a look-alike, not what the text pretends', () => {
    expect(isSafeExternalUrl('https://example.com.attacker.test/login')).toBe('https://example.com.attacker.test/login');
  });
});
