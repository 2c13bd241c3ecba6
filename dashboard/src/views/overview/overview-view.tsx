import { useCallback, useEffect, useState } from 'preact/hooks';
import { fetchRecentDevices, fetchStatistics } from '../../api/overview.js';
import { useApp } from '../../app/app-context.js';
import { EmptyState, ErrorNotice, LoadingRow } from '../../components/notices.js';
import { PageHeader } from '../../components/page-header.js';
import { useIdleLoader } from '../../hooks/use-idle-loader.js';
import { useLiveRefresh } from '../../hooks/use-live-refresh.js';
import { useLoader } from '../../hooks/use-loader.js';
import { AlertsPanel, CompliancePanel, NetworkPanel, TrendPanel } from './compliance-panels.js';
import { OverviewBreakdowns, OverviewStats, RecentDevices } from './overview-panels.js';

/**
 * The estate's exact figures come in one answer and draw first; the recent devices, compliance,
 * network and trend panels are asked for once the browser is idle, so they never hold the figures up.
 */
export function OverviewView() {
  const { api } = useApp();
  const statistics = useLoader('statistics', useCallback((signal: AbortSignal) => fetchStatistics(api, signal), [api]));
  // A summary: one refresh a second at most is plenty during bursts.
  useLiveRefresh(() => true, statistics.reload, { debounceMs: 500, maxWaitMs: 1000 });
  // Each new set of figures means something changed: the secondary panels follow them.
  const [version, setVersion] = useState(0);
  useEffect(() => { if (statistics.data) setVersion((n) => n + 1); }, [statistics.data]);
  const recent = useIdleLoader(`recent:${version}`, version > 0 ? (signal) => fetchRecentDevices(api, signal) : null);

  return (
    <>
      <PageHeader title="Overview" subtitle="What Steward knows about your estate right now." />
      {statistics.error ? <ErrorNotice error={statistics.error} onRetry={statistics.reload} /> : null}
      {!statistics.data && !statistics.error ? <LoadingRow text="Loading the overview…" /> : null}
      {statistics.data?.total === 0 ? (
        <EmptyState icon="devices" title="No devices yet">
          <p>Install the Steward agent on a machine, or add an SNMP network, and devices will appear here as they report.</p>
        </EmptyState>
      ) : null}
      {statistics.data && statistics.data.total > 0 ? (
        <div class="overview" data-testid="overview">
          <OverviewStats statistics={statistics.data} />
          <div class="panel-grid panel-grid-even">
            <CompliancePanel version={version} />
            <NetworkPanel version={version} />
            <AlertsPanel version={version} />
          </div>
          <OverviewBreakdowns statistics={statistics.data} />
          <TrendPanel version={version} />
          <RecentDevices recent={(recent.data ?? recent.previousData)?.items} />
        </div>
      ) : null}
    </>
  );
}
