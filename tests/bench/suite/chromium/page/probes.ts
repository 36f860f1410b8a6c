/**
 * Page-side probes of the Chromium bench cases, bundled (IIFE) and installed in every measured page
 * before its own scripts run, so the app and the plain pages are timed by the same code.
 *
 * "Frame" here means the end of the rendering update that follows: a requestAnimationFrame
 * callback runs before the frame's style, layout and paint, so the time is read in a message task
 * posted from it, which runs after that rendering update.
 */

/** Event Timing entries carry an interactionId in Chromium (not yet in TypeScript's DOM types). */
type EventEntry = PerformanceEventTiming & { interactionId?: number };

interface KeyTiming {
  /**
   * keydown's event timestamp → the end of the frame after the key changed the text (ms,
   * sub-millisecond): after its keypress (Factmark inserts typed characters there, and the browser
   * sends no input event) or its input event, whichever comes first; both run before that frame.
   */
  frame: number[];
  /**
   * Event Timing: per key, keydown start → next paint (Chromium rounds to 8 ms). Chromium reports
   * no interaction shorter than 16 ms (the floor of `durationThreshold`), so each key it left out
   * counts as 16 ms, an upper bound: a p95 over the reported keys alone would be a p95 of the slow ones.
   */
  event: number[];
  /** Long tasks seen while typing (ms). */
  longTasks: number[];
}

export interface BenchProbes {
  /** The time (performance.now()) at the end of the next frame. */
  afterFrame(): Promise<number>;
  /**
   * Arms an open measure: the next click's timestamp, and the end of the first frame in which
   * `selector` matches (checked in every animation frame, so no mutation observer adds work).
   */
  armOpen(selector: string): void;
  /** The armed measure once it completed: click timestamp, and the frame ends, in ms. */
  openResult(): Promise<{ clickAt: number; frameAt: number }>;
  /** The end of the first frame in which `selector` matches, relative to navigation start. */
  firstFrameWith(selector: string): Promise<number>;
  startTyping(): void;
  stopTyping(): KeyTiming;
  /** Starts timing every key press: keydown timestamp → end of the next frame, by key. */
  startKeys(): void;
  stopKeys(): Array<{ key: string; ms: number }>;
  /** With `__benchWatch` set before the probes install: navigation start → end of the first frame showing it. */
  watched?: Promise<number>;
}

declare global {
  interface Window {
    __bench: BenchProbes;
    __benchWatch?: string;
  }
}

function afterFrame(): Promise<number> {
  return new Promise((done) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now());
      channel.port2.postMessage(0);
    });
  });
}

function firstFrameWith(selector: string): Promise<number> {
  return new Promise((done) => {
    const check = () => {
      if (document.querySelector(selector)) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => done(performance.now());
        channel.port2.postMessage(0);
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

let open: Promise<{ clickAt: number; frameAt: number }> | null = null;

/** The shortest interaction Event Timing reports (the minimum `durationThreshold`). */
const EVENT_TIMING_FLOOR_MS = 16;

let typing: { timing: KeyTiming; stop: () => void } | null = null;

function startTyping(): void {
  const timing: KeyTiming = { frame: [], event: [], longTasks: [] };
  let downAt = -1;
  const onKeyDown = (event: KeyboardEvent) => {
    downAt = event.timeStamp;
  };
  const onInput = () => {
    const from = downAt;
    if (from < 0) return;
    downAt = -1;
    void afterFrame().then((at) => timing.frame.push(at - from));
  };
  document.addEventListener('keydown', onKeyDown, true);
  document.addEventListener('keypress', onInput);
  document.addEventListener('input', onInput, true);
  // Event Timing groups the keydown, keypress and input of one key press under one interactionId.
  const interactions = new Map<number, { start: number; end: number }>();
  const record = (entries: EventEntry[]) => {
    for (const entry of entries) {
      if (!entry.interactionId || entry.name === 'keyup' || !['keydown', 'keypress', 'beforeinput', 'input'].includes(entry.name)) continue;
      const known = interactions.get(entry.interactionId);
      const end = entry.startTime + entry.duration;
      if (known) {
        known.start = Math.min(known.start, entry.startTime);
        known.end = Math.max(known.end, end);
      } else interactions.set(entry.interactionId, { start: entry.startTime, end });
    }
  };
  const events = new PerformanceObserver((list) => record(list.getEntries() as EventEntry[]));
  events.observe({ type: 'event', durationThreshold: 0, buffered: false } as PerformanceObserverInit);
  const long = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) timing.longTasks.push(entry.duration);
  });
  long.observe({ type: 'longtask', buffered: false });
  typing = {
    timing,
    stop: () => {
      record(events.takeRecords() as EventEntry[]);
      events.disconnect();
      for (const entry of long.takeRecords()) timing.longTasks.push(entry.duration);
      long.disconnect();
      document.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('keypress', onInput);
      document.removeEventListener('input', onInput, true);
      for (const { start, end } of interactions.values()) timing.event.push(end - start);
      for (let unreported = timing.frame.length - interactions.size; unreported > 0; unreported--) timing.event.push(EVENT_TIMING_FLOOR_MS);
    },
  };
}

let keys: { list: Array<{ key: string; ms: number }>; stop: () => void } | null = null;

window.__bench = {
  startKeys() {
    const list: Array<{ key: string; ms: number }> = [];
    const onKeyDown = (event: KeyboardEvent) => {
      const { key, timeStamp } = event;
      void afterFrame().then((at) => list.push({ key, ms: at - timeStamp }));
    };
    document.addEventListener('keydown', onKeyDown, true);
    keys = { list, stop: () => document.removeEventListener('keydown', onKeyDown, true) };
  },
  stopKeys() {
    if (!keys) throw new Error('startKeys first');
    keys.stop();
    const { list } = keys;
    keys = null;
    return list;
  },
  afterFrame,
  firstFrameWith,
  armOpen(selector) {
    open = new Promise((done) => {
      document.addEventListener(
        'click',
        (event) => {
          const clickAt = event.timeStamp;
          performance.mark('bench:click', { startTime: clickAt });
          void firstFrameWith(selector).then((frameAt) => {
            performance.mark('bench:frame', { startTime: frameAt });
            done({ clickAt, frameAt });
          });
        },
        { capture: true, once: true },
      );
    });
  },
  openResult() {
    if (!open) throw new Error('armOpen first');
    return open;
  },
  startTyping,
  stopTyping() {
    if (!typing) throw new Error('startTyping first');
    typing.stop();
    const { timing } = typing;
    typing = null;
    return timing;
  },
};

if (window.__benchWatch) {
  window.__bench.watched = firstFrameWith(window.__benchWatch).then((at) => {
    // For traces: the window from navigation start to that frame.
    performance.mark('bench:click', { startTime: 0 });
    performance.mark('bench:frame', { startTime: at });
    return at;
  });
}
