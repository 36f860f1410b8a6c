/**
 * The rules every web page of the app lives under, attached to each webContents as Electron
 * creates it: it stays on the app's own pages, opens no windows, and embeds no `<webview>`.
 * Links that try to open a window leave for the user's browser when their scheme is harmless.
 */
import type { WebContents } from 'electron';
import { APP_ORIGIN } from '../security/app-origin.js';
import { isAllowedNavigation, isSafeExternalUrl } from '../security/navigation.js';

/** Attaches the navigation, window-opening and webview rules to `contents`. */
export function guardWebContents(contents: WebContents, openExternal: (url: string) => Promise<void>): void {
  const blockForeign = (event: { url: string; preventDefault: () => void }): void => {
    if (!isAllowedNavigation(event.url, APP_ORIGIN)) event.preventDefault();
  };
  contents.on('will-navigate', blockForeign);
  contents.on('will-frame-navigate', blockForeign);
  contents.on('will-redirect', blockForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const safe = isSafeExternalUrl(url);
    if (safe !== null) openExternal(safe).catch((error: unknown) => console.warn('factmark: could not open a link', error));
    return { action: 'deny' };
  });
}
