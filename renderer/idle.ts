/**
 * Work for when the page is idle: the browser's idle callback where there is one (within
 * `timeoutMs` at the latest), else the next turn of the event loop. Shared by what the renderer
 * puts off until after the first frame or a pause in typing.
 */
export function whenIdle(work: () => void, timeoutMs: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout: timeoutMs });
  else setTimeout(work, 0);
}
