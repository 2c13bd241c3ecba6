import { KindBadge, OnlineBadge } from '../../components/badges.js';
import { BarList } from '../../components/bar-list.js';
import { LoadingRow } from '../../components/notices.js';
import { ShareRing } from '../../components/share-ring.js';
import { StatCard } from '../../components/stat-card.js';
import { formatCount } from '../../format/numbers.js';
import { formatDateTime, timeAgo } from '../../format/time.js';
import { deviceHref, devicesHref } from '../../routing/routes.js';
import type { DeviceCounts, DeviceSample } from './load-overview.js';
import { operatingSystemLabel } from './summarize-devices.js';

interface PanelProps {
  counts: DeviceCounts;
  sample: DeviceSample | undefined;
}

export function OverviewStats({ counts, sample }: PanelProps) {
  const summary = sample?.summary;
  const scope = summary && !summary.complete ? ' (recent)' : '';
  return (
    <div class="stat-grid">
      <StatCard label="Devices" value={counts.total} icon="devices" href={devicesHref()}>
        <span>All kinds</span>
      </StatCard>
      <StatCard label="Agents" value={counts.agents} icon="agent" href={devicesHref({ kind: 'agent' })}>
        <span>{summary ? `${formatCount(summary.agentsOnline)} online${scope}` : 'Counting online…'}</span>
      </StatCard>
      <StatCard label="SNMP devices" value={counts.snmp} icon="snmp" href={devicesHref({ kind: 'snmp' })}>
        <span>{summary ? `${formatCount(summary.snmpResponding)} responding${scope}` : 'Counting responding…'}</span>
      </StatCard>
      <StatCard label="Software installs" value={summary ? summary.softwareInstalls : null} icon="register">
        <span>{!summary ? 'Counting…' : summary.complete ? 'Across all devices' : `Across ${formatCount(summary.size)} recent devices`}</span>
      </StatCard>
    </div>
  );
}

export function OverviewBreakdowns({ counts, sample }: PanelProps) {
  const summary = sample?.summary;
  return (
    <>
      {summary && !summary.complete ? (
        <p class="note" data-testid="sample-note">
          Operating systems, online agents and software installs are counted over the {formatCount(summary.size)} most
          recently seen devices out of {formatCount(counts.total)}.
        </p>
      ) : null}
      <div class="panel-grid">
        <section class="card" aria-labelledby="kind-title">
          <h2 id="kind-title" class="card-title">Devices by kind</h2>
          <ShareRing
            centreLabel="devices"
            centreValue={counts.total}
            slices={[
              { label: 'Agent', value: counts.agents, tone: 'primary' },
              { label: 'SNMP', value: counts.snmp, tone: 'secondary' },
            ]}
          />
        </section>
        <section class="card" aria-labelledby="os-title">
          <h2 id="os-title" class="card-title">Operating systems</h2>
          {summary
            ? <BarList data={summary.byOperatingSystem} caption="Devices by operating system" unit="Devices" />
            : <LoadingRow />}
        </section>
      </div>
      <section class="card" aria-labelledby="recent-title">
        <div class="card-head">
          <h2 id="recent-title" class="card-title">Recently seen</h2>
          <a href={devicesHref({ sort: 'lastSeen', order: 'desc' })}>All devices by last seen</a>
        </div>
        {sample ? <RecentDevices recent={sample.recent} /> : <LoadingRow />}
      </section>
    </>
  );
}

function RecentDevices({ recent }: { recent: DeviceSample['recent'] }) {
  return (
    <div class="table-wrap">
      <table class="data-table">
        <thead>
          <tr><th scope="col">Hostname</th><th scope="col">Kind</th><th scope="col">Operating system</th><th scope="col">Status</th><th scope="col">Last seen</th></tr>
        </thead>
        <tbody>
          {recent.map((device) => (
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
  );
}
