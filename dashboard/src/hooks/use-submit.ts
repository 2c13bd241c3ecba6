import { useState } from 'preact/hooks';

/** One change sent to the collector: busy while out, its failure kept to be shown in words. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (send: () => Promise<unknown>, onDone?: () => void): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await send();
      onDone?.();
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, clearError: () => setError(null) };
}
