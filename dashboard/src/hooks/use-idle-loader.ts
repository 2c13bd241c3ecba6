import { whenIdle } from '../api/when-idle.js';
import { useLoader, type Loaded } from './use-loader.js';

/**
 * A secondary figure: loaded once the browser is idle, so the screen's first answer is drawn before
 * it is asked for; `load` is null when the role may not read it, and nothing is asked.
 */
export function useIdleLoader<T>(key: string, load: ((signal: AbortSignal) => Promise<T>) | null): Loaded<T> & { enabled: boolean } {
  const loaded = useLoader(load ? key : 'disabled', async (signal: AbortSignal) => {
    if (!load) return undefined as T;
    await whenIdle(signal);
    return load(signal);
  });
  return { ...loaded, enabled: load !== null };
}
