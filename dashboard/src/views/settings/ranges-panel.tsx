import { useCallback, useState } from 'preact/hooks';
import { fetchSweeps, startSweep } from '../../api/network.js';
import { useApp } from '../../app/app-context.js';
import { EmptyState, ErrorNotice, LoadingRow } from '../../components/notices.js';
import { formatDateTime } from '../../format/time.js';
import { useLoader } from '../../hooks/use-loader.js';
import { can } from '../../permissions.js';
import { SweepPanel } from '../network/sweep-panel.js';
import { useSubmit } from '../../hooks/use-submit.js';

/** The ranges discovery has swept, newest first, each ready to sweep again; and a new range to sweep. */
export function RangesPanel() {
  const { api, me } = useApp();
  const editable = can(me.role, 'discovery:write');
  const sweeps = useLoader('sweeps', useCallback((signal: AbortSignal) => fetchSweeps(api, signal), [api]));
  const { busy, error, run } = useSubmit();
  const [started, setStarted] = useState<string | null>(null);
  // One row per distinct range: the latest sweep of it.
  const seen = new Set<string>();
  const ranges = (sweeps.data?.items ?? []).filter((sweep) => {
    const key = `${sweep.include.join(',')}|${sweep.exclude.join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return (
    <section class="card settings-section" aria-labelledby="ranges-title" data-testid="ranges-panel">
      <div class="card-head"><h2 class="card-title" id="ranges-title">Discovery ranges</h2></div>
      <p class="muted">Addresses, ranges and CIDR blocks discovery sweeps; a sweep tries the credential sets in their order.</p>
      {editable ? <SweepPanel onFinished={sweeps.reload} /> : null}
      {sweeps.error ? <ErrorNotice error={sweeps.error} onRetry={sweeps.reload} /> : null}
      {!sweeps.data && !sweeps.error ? <LoadingRow text="Loading sweeps…" /> : null}
      {sweeps.data && ranges.length === 0 ? <EmptyState icon="network" title="No range swept yet" /> : null}
      {ranges.length > 0 ? (
        <div class="table-wrap">
          <table class="data-table" data-testid="ranges-table">
            <caption class="visually-hidden">Swept ranges</caption>
            <thead><tr><th scope="col">Range</th><th scope="col">Left out</th><th scope="col">Last swept</th><th scope="col" class="numeric">Identified</th>{editable ? <th scope="col"><span class="visually-hidden">Actions</span></th> : null}</tr></thead>
            <tbody>
              {ranges.map((sweep) => (
                <tr key={sweep.id}>
                  <td class="cell-primary">{sweep.include.join(', ')}</td>
                  <td>{sweep.exclude.join(', ') || <span class="muted">—</span>}</td>
                  <td>{formatDateTime(sweep.startedAt)} <span class="muted">({sweep.status})</span></td>
                  <td class="numeric">{sweep.identified}</td>
                  {editable ? (
                    <td>
                      <button type="button" class="button" disabled={busy || sweep.status === 'running'}
                        onClick={() => void run(() => startSweep(api, sweep.include, sweep.exclude), () => { setStarted(sweep.include.join(', ')); sweeps.reload(); })}>
                        Sweep again
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {started ? <p role="status">Sweep of {started} started.</p> : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
