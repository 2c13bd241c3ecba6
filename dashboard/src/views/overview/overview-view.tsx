import { useCallback } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { KindBadge, OnlineBadge } from '../../components/badges.js';
import { BarList } from '../../components/bar-list.js';
import { ErrorNotice, LoadingRow, EmptyState } from '../../components/notices.js';
import { PageHeader } from '../../components/page-header.js';
import { ShareRing } from '../../components/share-ring.js';
import { StatCard } from '../../components/stat-card.js';
import { formatCount } from '../../format/numbers.js';
import { formatDateTime, timeAgo } from '../../format/time.js';
import { useLiveRefresh } from '../../hooks/use-live-refresh.js';
import { useLoader } from '../../hooks/use-loader.js';
import { deviceHref, devicesHref } from '../../routing/routes.js';
import { loadOverview, type OverviewFigures } from './load-overview.js';
import { operatingSystemLabel } from './summarize-devices.js';

export function OverviewView() {
  const { api } = useApp();
  const overview = useLoader('overview', useCallback((signal: AbortSignal) => loadOverview(api, signal), [api]));
  // The overview is a summary: one refresh a second at most is plenty during bursts.
  useLiveRefresh(() => true, overview.reload, { debounceMs: 500, maxWaitMs: 1000 });
  const figures = overview.data;
  return (
    <>
      <PageHeader title="Overview" subtitle="What Steward knows about your estate right now." />
      {overview.error ? <ErrorNotice error={overview.error} onRetry={overview.reload} /> : null}
      {!figures && !overview.error ? <LoadingRow text="Loading the overview…" /> : null}
      {figures ? <OverviewFiguresPanel figures={figures} /> : null}
    </>
  );
}

function OverviewFiguresPanel({ figures }: { figures: OverviewFigures }) {
  const { sample } = figures;
  if (figures.total === 0) {
    return (
      <EmptyState icon="devices" title="No devices yet">
        <p>Install the Steward agent on a machine, or add an SNMP network, and devices will appear here as they report.</p>
      </EmptyState>
    );
  }
  return (
    <div class="overview" data-testid="overview">
      <div class="stat-grid">
        <StatCard label="Devices" value={figures.total} icon="devices" href={devicesHref()}>
          <span>All kinds</span>
        </StatCard>
        <StatCard label="Agents" value={figures.agents} icon="agent" href={devicesHref({ kind: 'agent' })}>
          <span>{formatCount(sample.agentsOnline)} online{sample.complete ? '' : ' (recent)'}</span>
        </StatCard>
        <StatCard label="SNMP devices" value={figures.snmp} icon="snmp" href={devicesHref({ kind: 'snmp' })}>
          <span>{formatCount(sample.snmpResponding)} responding{sample.complete ? '' : ' (recent)'}</span>
        </StatCard>
        <StatCard label="Software installs" value={sample.softwareInstalls} icon="register">
          <span>{sample.complete ? 'Across all devices' : `Across ${formatCount(sample.size)} recent devices`}</span>
        </StatCard>
      </div>
      {!sample.complete ? (
        <p class="note" data-testid="sample-note">
          Operating systems, online agents and software installs are counted over the {formatCount(sample.size)} most
          recently seen devices out of {formatCount(figures.total)}.
        </p>
      ) : null}
      <div class="panel-grid">
        <section class="card" aria-labelledby="kind-title">
          <h2 id="kind-title" class="card-title">Devices by kind</h2>
          <ShareRing
            centreLabel="devices"
            centreValue={figures.total}
            slices={[
              { label: 'Agent', value: figures.agents, tone: 'primary' },
              { label: 'SNMP', value: figures.snmp, tone: 'secondary' },
            ]}
          />
        </section>
        <section class="card" aria-labelledby="os-title">
          <h2 id="os-title" class="card-title">Operating systems</h2>
          <BarList data={sample.byOperatingSystem} caption="Devices by operating system" unit="Devices" />
        </section>
      </div>
      <section class="card" aria-labelledby="recent-title">
        <div class="card-head">
          <h2 id="recent-title" class="card-title">Recently seen</h2>
          <a href={devicesHref({ sort: 'lastSeen', order: 'desc' })}>All devices by last seen</a>
        </div>
        <div class="table-wrap">
          <table class="data-table">
            <thead>
              <tr><th scope="col">Hostname</th><th scope="col">Kind</th><th scope="col">Operating system</th><th scope="col">Status</th><th scope="col">Last seen</th></tr>
            </thead>
            <tbody>
              {figures.recent.map((device) => (
                <tr key={device.id}>
                  <td><a href={deviceHref(device.id)}>{device.hostname}</a></td>
                  <td><KindBadge kind={device.kind} /></td>
                  <td>{operatingSystemLabel(device)}</td>
                  <td><OnlineBadge online={device.online} /></td>
                  <td><time dateTime={device.lastSeen} title={formatDateTime(device.lastSeen)}>{timeAgo(device.lastSeen)}</time></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
