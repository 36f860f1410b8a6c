/**
 * The renderer's one way to the main process. In the desktop app the preload exposes the contract
 * on `window.factmark`; in a browser the same calls go over HTTP to the browser host. Nothing else
 * in the renderer touches `window.factmark` or `fetch('/api…')`.
 */
import { eventSubscriberName, type Api, type EventSubscriber, type PreloadSurface } from '../../shared/contract.js';
import { createHttpTransport } from './http-transport.js';

declare global {
  interface Window {
    factmark?: PreloadSurface;
  }
}

function fromPreload(surface: PreloadSurface): { api: Api; subscribe: EventSubscriber; pathForFile: (file: File) => string } {
  const subscribe: EventSubscriber = (event, listener) => {
    const on = (surface as unknown as Record<string, (l: typeof listener) => () => void>)[eventSubscriberName(event)];
    if (!on) throw new Error(`The preload does not offer the event ${event}.`);
    return on(listener);
  };
  return { api: surface, subscribe, pathForFile: (file) => surface.pathForFile(file) };
}

const transport = window.factmark ? fromPreload(window.factmark) : { ...createHttpTransport(), pathForFile: () => '' };

/** The typed contract calls. Every call resolves to a Result; none throws. */
export const api: Api = transport.api;

/** Subscribes to an event from main; returns the unsubscribe function. */
export const subscribe: EventSubscriber = transport.subscribe;

/** The path of a file dropped on the window: known in the desktop app, '' in a browser. */
export const pathForFile: (file: File) => string = transport.pathForFile;
