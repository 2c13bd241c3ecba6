import { useEffect, useState } from 'preact/hooks';
import type { SweepView } from '@steward/shared';
import { fetchSweep, startSweep } from '../../api/network.js';
import { useApp } from '../../app/app-context.js';
import { ErrorNotice } from '../../components/notices.js';

const POLL_MS = 1000;

/** Addresses, ranges or CIDR blocks, one per line or separated by commas. */
function addressList(value: string): string[] {
  return value.split(/[\s,]+/).map((entry) => entry.trim()).filter(Boolean);
}

/** Starts a sweep and follows it until it ends; the device list reloads when it does. */
export function SweepPanel({ onFinished }: { onFinished: () => void }) {
  const { api } = useApp();
  const [include, setInclude] = useState('');
  const [exclude, setExclude] = useState('');
  const [sweep, setSweep] = useState<SweepView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const running = sweep?.status === 'running';

  useEffect(() => {
    if (!sweep || sweep.status !== 'running') return undefined;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetchSweep(api, sweep.id, controller.signal).then((next) => {
        setSweep(next);
        if (next.status !== 'running') onFinished();
      }, (failure: unknown) => { if (!controller.signal.aborted) setError(failure); });
    }, POLL_MS);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [sweep]);

  const start = async () => {
    setError(null);
    try {
      setSweep(await startSweep(api, addressList(include), addressList(exclude)));
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section class="card sweep-panel" aria-label="Start a sweep" data-testid="sweep-panel">
      <form class="inline-form" onSubmit={(event) => { event.preventDefault(); void start(); }}>
        <label class="field field-wide">
          <span>Addresses to sweep</span>
          <input value={include} required placeholder="10.0.0.0/24, 192.168.1.10-192.168.1.50" onInput={(event) => setInclude(event.currentTarget.value)} />
        </label>
        <label class="field">
          <span>Leave out</span>
          <input value={exclude} placeholder="10.0.0.1" onInput={(event) => setExclude(event.currentTarget.value)} />
        </label>
        <div class="form-buttons"><button type="submit" class="button button-primary" disabled={running || addressList(include).length === 0}>Start sweep</button></div>
      </form>
      {sweep ? (
        <p role="status" data-testid="sweep-status">
          {running ? 'Sweeping' : `Sweep ${sweep.status}`}: {sweep.done} of {sweep.total} addresses, {sweep.identified} identified,
          {' '}{sweep.devicesCreated} new and {sweep.devicesUpdated} updated devices{sweep.error ? ` — ${sweep.error}` : ''}.
        </p>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
