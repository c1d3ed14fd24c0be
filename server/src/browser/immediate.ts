/**
 * `setImmediate` where there is none (web workers): the core yields with it between notes and
 * slices, and `setTimeout(0)` would be clamped to 4 ms after a few nested calls. A message to
 * oneself runs as soon as the queue is free, like Node's.
 */
export function installSetImmediate(scope: typeof globalThis = globalThis): void {
  if (typeof scope.setImmediate === 'function') return;
  const channel = new MessageChannel();
  const pending: (() => void)[] = [];
  // `onmessage` (not addEventListener) starts the port; Node's typings lack it.
  (channel.port1 as unknown as { onmessage: () => void }).onmessage = () => pending.shift()?.();
  // In Node (tests) an open port would keep the process alive; browsers have no `unref`.
  (channel.port1 as unknown as { unref?: () => void }).unref?.();
  const setImmediate = (callback: (...args: unknown[]) => void, ...args: unknown[]) => {
    pending.push(() => callback(...args));
    channel.port2.postMessage(null);
  };
  (scope as unknown as { setImmediate: typeof setImmediate }).setImmediate = setImmediate;
}
