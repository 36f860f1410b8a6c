/**
 * The contract over the browser host: each call is `POST /api/<call>` with the run's token in a
 * header, and events arrive on one server-sent-events stream. The token comes from the address the
 * host printed (`?token=…`); it is kept for this tab only and removed from the address bar.
 */
import { CALL_NAMES, EVENT_NAMES, type Api, type EventName, type EventPayloads, type EventSubscriber } from '../../shared/contract.js';
import type { Result } from '../../shared/result.js';
import { whenIdle } from '../idle.js';

const TOKEN_KEY = 'factmark-token';

/** Takes the token from the address (first load) or from this tab's storage (reloads). */
function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    // Opening the tab's storage costs ~15 ms, so it waits until the first frame is shown; until
    // then the token stays in the address, where a reload would still find it.
    whenIdle(() => {
      sessionStorage.setItem(TOKEN_KEY, fromUrl);
      const now = new URL(window.location.href);
      now.searchParams.delete('token');
      window.history.replaceState(window.history.state, '', now.pathname + now.search + now.hash);
    }, 1000);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** The largest request body sent as `keepalive` (the browsers' budget is 64 KiB for all in flight). */
const KEEPALIVE_LIMIT = 16_000;

/** Builds the typed API and event subscriber that talk to the browser host. */
export function createHttpTransport(): { api: Api; subscribe: EventSubscriber } {
  const token = takeToken();
  const call = async (name: string, args: unknown[]): Promise<Result<unknown>> => {
    let response: Response;
    const body = JSON.stringify({ args });
    try {
      response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Factmark-Token': token },
        body,
        // A request the page sends as it unloads (a reload right after typing) still arrives;
        // browsers keep alive at most 64 KB of such requests at a time.
        keepalive: body.length < KEEPALIVE_LIMIT,
      });
    } catch {
      return { ok: false, error: { code: 'IO_ERROR', message: 'Factmark is not running any more (the browser host stopped). Start it again with "npm run browser".' } };
    }
    if (!response.ok) return { ok: false, error: { code: 'FORBIDDEN', message: `The Factmark host refused the request: ${await response.text()}` } };
    return (await response.json()) as Result<unknown>;
  };
  const api = Object.fromEntries(CALL_NAMES.map((name) => [name, (...args: unknown[]) => call(name, args)])) as unknown as Api;

  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const stream = new EventSource('/api/events');
  for (const name of EVENT_NAMES) {
    stream.addEventListener(name, (message) => {
      const payload = JSON.parse((message as MessageEvent<string>).data) as never;
      listeners.get(name)?.forEach((listener) => listener(payload));
    });
  }
  const subscribe: EventSubscriber = <E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  };
  return { api, subscribe };
}
