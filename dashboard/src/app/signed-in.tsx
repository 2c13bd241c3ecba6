import { useCallback, useEffect, useMemo, useRef } from 'preact/hooks';
import { ApiClient } from '../api/api-client.js';
import { fetchMe } from '../api/account.js';
import { LiveEvents, liveEventsUrl } from '../api/live-events.js';
import type { Session } from '../api/session.js';
import { ErrorNotice } from '../components/notices.js';
import { useLoader } from '../hooks/use-loader.js';
import { AppContext, type AppServices } from './app-context.js';
import { Shell } from './shell.js';

export const EXPIRED_NOTICE = 'Your session has ended. Sign in again to continue.';

interface SignedInProps {
  session: Session;
  /** Ends the session; `notice` tells the sign-in screen why. */
  onEnd: (notice: string | null) => void;
}

/** Everything that exists only with a session: the API client, the live channel, who is signed in. */
export function SignedIn({ session, onEnd }: SignedInProps) {
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;
  const api = useMemo(() => new ApiClient({
    token: () => session.token,
    onUnauthorized: () => onEndRef.current(EXPIRED_NOTICE),
  }), [session.token]);
  const live = useMemo(() => new LiveEvents({
    url: liveEventsUrl(window.location),
    token: () => session.token,
    // A refused token is checked over HTTP: a 401 there ends the session, anything else retries.
    onAuthRejected: () => void fetchMe(api).catch(() => undefined),
  }), [api, session.token]);
  const me = useLoader('me', useCallback((signal: AbortSignal) => fetchMe(api, signal), [api]));

  useEffect(() => {
    live.start();
    return () => live.stop();
  }, [live]);

  useEffect(() => {
    const remaining = Date.parse(session.expiresAt) - Date.now();
    // Timers beyond 2^31 ms fire at once; sessions that long need no timer.
    if (remaining > 2 ** 31 - 1) return undefined;
    const timer = setTimeout(() => onEndRef.current(EXPIRED_NOTICE), Math.max(0, remaining));
    return () => clearTimeout(timer);
  }, [session.expiresAt]);

  const services = useMemo<AppServices | null>(() => me.data
    ? { api, me: me.data, live, logOut: () => onEndRef.current(null) }
    : null, [api, me.data, live]);

  if (!services) {
    return (
      <main class="splash">
        {me.error ? <ErrorNotice error={me.error} onRetry={me.reload} /> : <p class="loading" role="status">Loading Steward…</p>}
      </main>
    );
  }
  return (
    <AppContext.Provider value={services}>
      <Shell />
    </AppContext.Provider>
  );
}
