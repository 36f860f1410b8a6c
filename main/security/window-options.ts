/**
 * The webPreferences of every window, and the check that refuses to open a window without them.
 * The renderer shows hostile documents, so it runs isolated (contextIsolation), sandboxed, without
 * Node, with web security on, and with nothing experimental; the preload is its only bridge.
 */
import { isAbsolute } from 'node:path';

/** The security-relevant webPreferences Factmark sets (a structural subset of Electron's). */
export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  navigateOnDragDrop: false;
  spellcheck: boolean;
}

/** Each option that must hold exactly this value; an absent option is a violation too. */
export const REQUIRED_WEB_PREFERENCES = {
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
} as const;

/** The webPreferences for a window whose preload script is at the absolute path `preloadPath`. */
export function secureWebPreferences(preloadPath: string): SecureWebPreferences {
  return { preload: preloadPath, ...REQUIRED_WEB_PREFERENCES, spellcheck: true };
}

/**
 * Lists what is wrong with `prefs` (empty when nothing is): a required option with another value
 * or missing, any `enableBlinkFeatures`, or a preload that is not an absolute path.
 * Window creation throws on a non-empty list, so a weakened option cannot ship unnoticed.
 */
export function checkWebPreferences(prefs: Readonly<Record<string, unknown>>): string[] {
  const violations: string[] = [];
  for (const [name, expected] of Object.entries(REQUIRED_WEB_PREFERENCES)) {
    if (prefs[name] !== expected) violations.push(`${name} must be ${expected}, not ${String(prefs[name])}`);
  }
  if (prefs.enableBlinkFeatures !== undefined && prefs.enableBlinkFeatures !== '') {
    violations.push(`enableBlinkFeatures must be absent, not ${String(prefs.enableBlinkFeatures)}`);
  }
  const preload = prefs.preload;
  if (typeof preload !== 'string' || !isAbsolute(preload)) {
    violations.push(`preload must be an absolute path, not ${String(preload)}`);
  }
  return violations;
}
