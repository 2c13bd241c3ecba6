import { useEffect, useRef, useState } from 'preact/hooks';
import type { LiveState } from '../api/live-events.js';
import { Icon } from './icon.js';

const RESTORED_VISIBLE_MS = 5000;

/**
 * Says when live updates stop and when they come back, so nobody trusts a list that has quietly
 * stopped changing. The region is always in the page so screen readers announce both changes.
 */
export function ConnectionBanner({ state }: { state: LiveState }) {
  const [restoredAt, setRestoredAt] = useState<number | null>(null);
  const wasLost = useRef(false);
  const now = useClock(state.status === 'reconnecting' ? 1000 : null);

  useEffect(() => {
    if (state.status === 'reconnecting') {
      wasLost.current = true;
      setRestoredAt(null);
    } else if (state.status === 'live' && wasLost.current) {
      wasLost.current = false;
      setRestoredAt(Date.now());
      const timer = setTimeout(() => setRestoredAt(null), RESTORED_VISIBLE_MS);
      return () => clearTimeout(timer);
    }
    return undefined;
  }, [state.status]);

  let content = null;
  if (state.status === 'reconnecting') {
    const seconds = state.retryAt ? Math.max(0, Math.ceil((state.retryAt - now) / 1000)) : 0;
    content = (
      <div class="banner banner-warn" data-testid="connection-lost">
        <Icon name="warning" />
        <span>
          <strong>Connection to the collector lost.</strong> Live updates are paused; what you see may be out of date.{' '}
          {seconds > 0 ? `Retrying in ${seconds} s…` : 'Retrying…'}
        </span>
      </div>
    );
  } else if (restoredAt !== null && state.status === 'live') {
    content = (
      <div class="banner banner-ok" data-testid="connection-restored">
        <Icon name="online" />
        <span>
          <strong>Connection restored.</strong> Live updates are back and the page has been refreshed.
        </span>
      </div>
    );
  }
  return <div class="banner-region" role="status" aria-live="polite">{content}</div>;
}

function useClock(intervalMs: number | null): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (intervalMs === null) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
