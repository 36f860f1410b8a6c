/**
 * Who may call the main process over IPC. The renderer is untrusted, but a frame that is not the
 * app's own top-level page (an injected iframe, a page that got navigated elsewhere) is not even
 * the renderer: its calls are refused before their arguments are looked at.
 */
import { isAppUrl } from './app-origin.js';

/**
 * True when an IPC message comes from a top-level frame showing a page of `appOrigin`.
 * `frameUrl` is the sender frame's URL (undefined when the frame is gone); `isTopLevel` says the
 * frame has no parent.
 */
export function isTrustedSender(frameUrl: string | undefined, appOrigin: string, isTopLevel: boolean): boolean {
  return isTopLevel && isAppUrl(frameUrl, appOrigin);
}
