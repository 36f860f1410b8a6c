/** Which frames may call the main process over IPC. */
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../main/security/app-origin.js';
import { isTrustedSender } from '../../../main/security/sender.js';

describe('isTrustedSender', () => {
  it.each(['app://factmark/index.html', 'app://factmark/', 'app://factmark/index.html#claim-3'])('trusts the top-level app page %s', (url) => {
    expect(isTrustedSender(url, APP_ORIGIN, true)).toBe(true);
  });

  it('does not trust the app page inside a frame', () => {
    expect(isTrustedSender('app://factmark/index.html', APP_ORIGIN, false)).toBe(false);
  });

  it.each([
    undefined,
    '',
    'about:blank',
    'file:///home/analyst/evil.html',
    'https://app.evil.test/',
    'https://example.com.attacker.test/',
    'http://127.0.0.1:5173/',
    'app://factmark.evil/index.html',
    'app://factmark@evil/index.html',
    'app://factmark:443/index.html',
    'app://evil/index.html',
    'app://FACTMARK/index.html',
    'APP://factmark/index.html',
    'data:text/html,<script>parent.factmark</script>',
    'javascript:alert(1)',
    'devtools://devtools/bundled/inspector.html',
    'app://factmark/index.html\u0000',
    ' app://factmark/index.html',
  ])('refuses %j', (url) => {
    expect(isTrustedSender(url, APP_ORIGIN, true)).toBe(false);
  });
});
