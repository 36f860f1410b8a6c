/** Every window's webPreferences, and the check that refuses weakened ones. */
import { describe, expect, it } from 'vitest';
import { checkWebPreferences, secureWebPreferences } from '../../../main/security/window-options.js';

const PRELOAD = '/opt/Factmark/resources/app.asar/dist/main/preload.cjs';

describe('secureWebPreferences', () => {
  it('isolates, sandboxes and strips Node from the renderer', () => {
    expect(secureWebPreferences(PRELOAD)).toEqual({
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    });
  });

  it('passes its own check, and sets no Blink features', () => {
    const prefs = secureWebPreferences(PRELOAD);
    expect(checkWebPreferences({ ...prefs })).toEqual([]);
    expect('enableBlinkFeatures' in prefs).toBe(false);
  });
});

describe('checkWebPreferences', () => {
  const secure = { ...secureWebPreferences(PRELOAD) };

  it.each([
    ['contextIsolation', false],
    ['sandbox', false],
    ['nodeIntegration', true],
    ['nodeIntegrationInWorker', true],
    ['nodeIntegrationInSubFrames', true],
    ['webSecurity', false],
    ['allowRunningInsecureContent', true],
    ['experimentalFeatures', true],
    ['webviewTag', true],
    ['navigateOnDragDrop', true],
    ['enableBlinkFeatures', 'CSSPseudoHas'],
    ['preload', 'preload.cjs'],
    ['preload', ''],
  ])('reports %s = %j', (name, value) => {
    const violations = checkWebPreferences({ ...secure, [name]: value });
    expect(violations).toHaveLength(1);
    expect(violations[0]).toContain(name);
  });

  it.each(['contextIsolation', 'sandbox', 'nodeIntegration', 'webSecurity', 'webviewTag', 'preload'])('reports a missing %s instead of trusting the default', (name) => {
    const { [name as keyof typeof secure]: _dropped, ...rest } = secure;
    expect(checkWebPreferences(rest)).toEqual([expect.stringContaining(name)]);
  });

  it('reports a string "false" (not the boolean) as a violation', () => {
    expect(checkWebPreferences({ ...secure, nodeIntegration: 'false' })).toHaveLength(1);
  });
});
