import type { DeviceStatistics, DeviceSummary } from '@steward/shared';
import { KindBadge, OnlineBadge } from '../../components/badges.js';
import { BarList } from '../../components/bar-list.js';
import { LoadingRow } from '../../components/notices.js';
import { ShareRing } from '../../components/share-ring.js';
import { StatCard } from '../../components/stat-card.js';
import { formatCount } from '../../format/numbers.js';
import { formatDateTime, timeAgo } from '../../format/time.js';
import { operatingSystemLabel } from '../../format/operating-system.js';
import { deviceHref, devicesHref } from '../../routing/routes.js';

export function kindCount(statistics: DeviceStatistics, kind: 'agent' | 'snmp'): number {
  return statistics.byKind[kind] ?? 0;
}

/** The estate's size at a glance: exact counts from one answer of the collector. */
export function OverviewStats({ statistics }: { statistics: DeviceStatistics }) {
  return (
    <div class="stat-grid">
      <StatCard label="Devices" value={statistics.total} icon="devices" href={devicesHref()}>
        <span>{formatCount(statistics.seenLast24h)} seen in the last 24 hours</span>
      </StatCard>
      <StatCard label="Agents" value={kindCount(statistics, 'agent')} icon="agent" href={devicesHref({ kind: 'agent' })}>
        <span>{formatCount(statistics.agentsOnline)} of {formatCount(statistics.agentsTotal)} online</span>
      </StatCard>
      <StatCard label="SNMP devices" value={kindCount(statistics, 'snmp')} icon="snmp" href={devicesHref({ kind: 'snmp' })}>
        <span>Discovered on the network</span>
      </StatCard>
      <StatCard label="Software installs" value={statistics.softwareInstalls} icon="register">
        <span>Across all devices</span>
      </StatCard>
    </div>
  );
}

export function OverviewBreakdowns({ statistics }: { statistics: DeviceStatistics }) {
  const agents = kindCount(statistics, 'agent');
  const snmp = kindCount(statistics, 'snmp');
  return (
    <div class="panel-grid">
      <section class="card" aria-labelledby="kind-title">
        <h2 id="kind-title" class="card-title">Devices by kind and status</h2>
        <ShareRing
          centreLabel="devices"
          centreValue={statistics.total}
          slices={[
            { label: 'Agents online', value: statistics.agentsOnline, tone: 'primary' },
            { label: 'Agents offline', value: Math.max(0, agents - statistics.agentsOnline), tone: 'tertiary' },
            { label: 'SNMP', value: snmp, tone: 'secondary' },
          ]}
        />
      </section>
      <section class="card" aria-labelledby="os-title">
        <h2 id="os-title" class="card-title">Operating systems</h2>
        <BarList data={statistics.byOs.map((row) => ({ label: row.os, value: row.devices }))} caption="Devices by operating system" unit="Devices" />
      </section>
    </div>
  );
}

export function RecentDevices({ recent }: { recent: DeviceSummary[] | undefined }) {
  return (
    <section class="card" aria-labelledby="recent-title">
      <div class="card-head">
        <h2 id="recent-title" class="card-title">Recently seen</h2>
        <a href={devicesHref({ sort: 'lastSeen', order: 'desc' })}>All devices by last seen</a>
      </div>
      {!recent ? <LoadingRow /> : (
        <div class="table-wrap">
          <table class="data-table">
            <thead>
              <tr><th scope="col">Hostname</th><th scope="col">Kind</th><th scope="col" class="optional">Operating system</th><th scope="col">Status</th><th scope="col">Last seen</th></tr>
            </thead>
            <tbody>
              {recent.map((device) => (
                <tr key={device.id}>
                  <td><a href={deviceHref(device.id)}>{device.hostname}</a></td>
                  <td><KindBadge kind={device.kind} /></td>
                  <td class="optional">{operatingSystemLabel(device)}</td>
                  <td><OnlineBadge online={device.online} /></td>
                  <td><time dateTime={device.lastSeen} title={formatDateTime(device.lastSeen)}>{timeAgo(device.lastSeen)}</time></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
