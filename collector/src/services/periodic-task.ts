/** A task started with startPeriodicTask: stop() waits for a run under way to end. */
export interface PeriodicTask {
  stop(): Promise<void>;
}

/**
 * Runs the work now and then every `everyMs`, never two runs at once (a tick that finds one under
 * way is skipped); a failed run goes to `onError` and the next tick tries again. The work may read
 * `stopping` to end a long run early. The timer does not keep the process alive.
 */
export function startPeriodicTask(everyMs: number, work: (state: { readonly stopping: boolean }) => Promise<void>, onError: (error: Error) => void): PeriodicTask {
  let running: Promise<void> | undefined;
  const state = { stopping: false };
  const tick = () => {
    running ??= work(state).catch(onError).finally(() => { running = undefined; });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return {
    async stop() {
      state.stopping = true;
      clearInterval(timer);
      await running;
    },
  };
}
