import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { isAbort } from '../api/api-client.js';

export interface Loaded<T> {
  /** The answer for the current key, kept on screen during refreshes so live updates do not flicker. */
  data: T | undefined;
  /** The last answer for an earlier key: lists show it while their next page loads. */
  previousData: T | undefined;
  error: unknown;
  /** True while a request is out, including refreshes. */
  loading: boolean;
  reload: () => void;
}

interface LoaderState<T> {
  key: string;
  data: T | undefined;
  error: unknown;
  loading: boolean;
}

/** Runs `load` whenever `key` changes and on `reload()`; older answers never overwrite newer ones. */
export function useLoader<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [state, setState] = useState<LoaderState<T>>({ key, data: undefined, error: undefined, loading: true });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // A layout effect sends the request as soon as the screen is rendered, without waiting for the
  // next frame as a plain effect would: the answer arrives one frame sooner.
  useLayoutEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ ...previous, error: undefined, loading: true }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, data, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        // A failed refresh keeps the data on screen; a failed first load of a new key has none to keep.
        setState((previous) => (previous.key === key
          ? { ...previous, error, loading: false }
          : { key, data: undefined, error, loading: false }));
      },
    );
    return () => controller.abort();
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    previousData: current ? undefined : state.data,
    error: state.error,
    loading: state.loading || !current,
    reload,
  };
}
