import { useCallback, useEffect, useRef } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { ErrorNotice, LoadingRow, EmptyState } from '../../components/notices.js';
import { PageHeader } from '../../components/page-header.js';
import { useLiveRefresh } from '../../hooks/use-live-refresh.js';
import { useLoader } from '../../hooks/use-loader.js';
import { loadDeviceCounts, loadDeviceSample, type DeviceCounts } from './load-overview.js';
import { OverviewBreakdowns, OverviewStats } from './overview-panels.js';

/**
 * Counts draw first (cheap and exact); the breakdowns follow from one bounded page of devices,
 * asked for only once the counts are in so that it does not hold them up.
 */
export function OverviewView() {
  const { api } = useApp();
  const counts = useLoader('counts', useCallback((signal: AbortSignal) => loadDeviceCounts(api, signal), [api]));
  // A summary: one refresh a second at most is plenty during bursts.
  useLiveRefresh(() => true, counts.reload, { debounceMs: 500, maxWaitMs: 1000 });

  return (
    <>
      <PageHeader title="Overview" subtitle="What Steward knows about your estate right now." />
      {counts.error ? <ErrorNotice error={counts.error} onRetry={counts.reload} /> : null}
      {!counts.data && !counts.error ? <LoadingRow text="Loading the overview…" /> : null}
      {counts.data?.total === 0 ? (
        <EmptyState icon="devices" title="No devices yet">
          <p>Install the Steward agent on a machine, or add an SNMP network, and devices will appear here as they report.</p>
        </EmptyState>
      ) : null}
      {counts.data && counts.data.total > 0 ? <OverviewFigures counts={counts.data} /> : null}
    </>
  );
}

function OverviewFigures({ counts }: { counts: DeviceCounts }) {
  const { api } = useApp();
  const sample = useLoader('sample', useCallback((signal: AbortSignal) => loadDeviceSample(api, signal), [api]));
  // New counts mean something changed: the breakdowns follow them.
  const shownCounts = useRef(counts);
  const reloadSample = sample.reload;
  useEffect(() => {
    if (shownCounts.current === counts) return;
    shownCounts.current = counts;
    reloadSample();
  }, [counts, reloadSample]);
  return (
    <div class="overview" data-testid="overview">
      {sample.error ? <ErrorNotice error={sample.error} onRetry={sample.reload} /> : null}
      <OverviewStats counts={counts} sample={sample.data} />
      <OverviewBreakdowns counts={counts} sample={sample.data} />
    </div>
  );
}
