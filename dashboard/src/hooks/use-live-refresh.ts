import { useEffect, useRef } from 'preact/hooks';
import type { LiveEvent } from '@steward/shared';
import { useApp } from '../app/app-context.js';

export interface LiveRefreshOptions {
  /** Quiet time after the last event before refreshing. */
  debounceMs?: number;
  /** Longest a burst may delay the refresh, so a steady stream still shows up within a second. */
  maxWaitMs?: number;
}

/**
 * Calls `refresh` after live events that `matters` accepts, and after every reconnection (events may
 * have been missed). Bursts, such as a sweep finding hundreds of devices, collapse into one refresh.
 */
export function useLiveRefresh(
  matters: (event: LiveEvent) => boolean,
  refresh: () => void,
  { debounceMs = 150, maxWaitMs = 600 }: LiveRefreshOptions = {},
): void {
  const { live } = useApp();
  const latest = useRef({ matters, refresh });
  latest.current = { matters, refresh };

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let firstPendingAt = 0;
    const fire = () => {
      timer = null;
      firstPendingAt = 0;
      latest.current.refresh();
    };
    const schedule = () => {
      const now = Date.now();
      if (!firstPendingAt) firstPendingAt = now;
      if (timer) clearTimeout(timer);
      const wait = Math.max(0, Math.min(debounceMs, firstPendingAt + maxWaitMs - now));
      timer = setTimeout(fire, wait);
    };
    const unsubscribe = live.subscribe((signal) => {
      if (signal.kind === 'resync' || latest.current.matters(signal.event)) schedule();
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [live, debounceMs, maxWaitMs]);
}
