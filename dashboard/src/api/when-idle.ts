/** Resolves once the browser has a quiet moment (or after `timeoutMs`), for requests nobody waits on. */
export function whenIdle(signal: AbortSignal, timeoutMs = 3000): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new DOMException('aborted', 'AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    };
    if ('requestIdleCallback' in window) window.requestIdleCallback(done, { timeout: timeoutMs });
    else setTimeout(done, 200);
  });
}
