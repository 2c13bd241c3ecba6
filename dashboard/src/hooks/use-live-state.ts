import { useEffect, useState } from 'preact/hooks';
import type { LiveEvents, LiveState } from '../api/live-events.js';

export function useLiveState(live: LiveEvents): LiveState {
  const [state, setState] = useState(live.current);
  useEffect(() => {
    setState(live.current);
    return live.watch(setState);
  }, [live]);
  return state;
}
