import type { DeviceSummary } from '@steward/shared';
import { KindBadge, OnlineBadge } from '../../components/badges.js';
import { SortableHeader } from '../../components/sortable-header.js';
import { formatCount } from '../../format/numbers.js';
import { formatDateTime, timeAgo } from '../../format/time.js';
import type { RecentChange } from '../../hooks/use-recent-changes.js';
import { assetHref, deviceHref, type DeviceSortKey, type SortOrder } from '../../routing/routes.js';
import { operatingSystemLabel } from '../../format/operating-system.js';

interface DevicesTableProps {
  devices: readonly DeviceSummary[];
  sort: DeviceSortKey;
  order: SortOrder;
  onSort: (sort: DeviceSortKey, order: SortOrder) => void;
  changes: ReadonlyMap<string, RecentChange>;
  busy: boolean;
}

export function DevicesTable({ devices, sort, order, onSort, changes, busy }: DevicesTableProps) {
  const header = { current: sort, order, onSort };
  return (
    <div class="table-wrap table-scroll">
      <table class="data-table devices-table" aria-busy={busy} data-testid="devices-table">
        <caption class="visually-hidden">Devices</caption>
        <thead>
          <tr>
            <SortableHeader column="hostname" {...header}>Hostname</SortableHeader>
            <th scope="col">Status</th>
            <th scope="col" class="optional-narrow">Kind</th>
            <SortableHeader column="os" {...header}>Operating system</SortableHeader>
            <th scope="col" class="optional">Model</th>
            <th scope="col" class="optional-wide">Serial number</th>
            <th scope="col">Asset</th>
            <SortableHeader column="softwareCount" numeric {...header}>Software</SortableHeader>
            <SortableHeader column="lastSeen" {...header}>Last seen</SortableHeader>
          </tr>
        </thead>
        <tbody>
          {devices.map((device) => <DeviceRow key={device.id} device={device} change={changes.get(device.id)} />)}
        </tbody>
      </table>
    </div>
  );
}

function DeviceRow({ device, change }: { device: DeviceSummary; change: RecentChange | undefined }) {
  const model = [device.manufacturer, device.model].filter(Boolean).join(' ');
  return (
    <tr class={change ? 'row-changed' : undefined} data-device-id={device.id}>
      <td class="cell-primary">
        <div class="host-cell">
          <a href={deviceHref(device.id)} title={device.fqdn ?? device.hostname}>{device.hostname}</a>
          {change ? <span class="tag tag-info">{change === 'created' ? 'New' : 'Updated'}</span> : null}
        </div>
      </td>
      <td><OnlineBadge online={device.online} /></td>
      <td class="optional-narrow"><KindBadge kind={device.kind} /></td>
      <td class="cell-clip" title={operatingSystemLabel(device)}>{operatingSystemLabel(device)}</td>
      <td class="optional cell-clip" title={model || undefined}>{model || <span class="muted">—</span>}</td>
      <td class="optional-wide mono">{device.serialNumber ?? <span class="muted">—</span>}</td>
      <td class="mono" data-testid="device-asset-tag">{device.asset ? <a href={assetHref(device.asset.id)} title={device.asset.name}>{device.asset.tag}</a> : <span class="muted">—</span>}</td>
      <td class="numeric">{formatCount(device.softwareCount)}</td>
      <td><time dateTime={device.lastSeen} title={formatDateTime(device.lastSeen)}>{timeAgo(device.lastSeen)}</time></td>
    </tr>
  );
}
