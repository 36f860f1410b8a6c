/**
 * Keyboard shortcuts the page handles itself in a browser, where no native menu exists. Browsers
 * keep Ctrl+N, Ctrl+W and Ctrl+T for themselves, so those commands use Alt+Shift there.
 */
import type { MenuCommand } from '../../shared/contract.js';

/** The command a key press asks for in the browser host, or null. */
export function browserShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): MenuCommand | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && !event.altKey && !event.shiftKey) {
    if (key === 's') return 'save';
    if (key === 'o') return 'openProject';
    if (key === 'f') return 'find';
  }
  if (mod && event.shiftKey && !event.altKey && key === 'e') return 'toggleEditText';
  if (event.altKey && event.shiftKey && !mod) {
    if (key === 'n') return 'newDocument';
    if (key === 'i') return 'importFiles';
    if (key === 'p') return 'newProject';
    if (key === 'w') return 'closeProject';
    if (key === 'e') return 'exportReport';
  }
  return null;
}
