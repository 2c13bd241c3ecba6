import type { ComponentChildren } from 'preact';
import { useCallback } from 'preact/hooks';
import type { DeviceDetail } from '@steward/shared';
import { fetchDevice } from '../../api/devices.js';
import { ApiFailure } from '../../api/api-client.js';
import { useApp } from '../../app/app-context.js';
import { KindBadge, OnlineBadge } from '../../components/badges.js';
import { Icon } from '../../components/icon.js';
import { EmptyState, ErrorNotice, LoadingRow } from '../../components/notices.js';
import { PageHeader } from '../../components/page-header.js';
import { Tabs } from '../../components/tabs.js';
import { formatCount } from '../../format/numbers.js';
import { formatDateTime, timeAgo } from '../../format/time.js';
import { useLiveRefresh } from '../../hooks/use-live-refresh.js';
import { useLoader } from '../../hooks/use-loader.js';
import { assetHref, deviceHref, devicesHref, type DeviceTab } from '../../routing/routes.js';
import { navigate } from '../../routing/use-route.js';
import { DeviceActions } from './device-actions.js';
import { DeviceHardwarePanel } from './device-hardware.js';
import { DeviceHistoryPanel } from './device-history.js';
import { DeviceInterfacesPanel } from './device-interfaces.js';
import { DeviceSoftwarePanel } from './device-software.js';
import { DeviceSummaryPanel } from './device-summary.js';

export function DeviceView({ id, tab }: { id: string; tab: DeviceTab }) {
  const { api } = useApp();
  const device = useLoader(id, useCallback((signal: AbortSignal) => fetchDevice(api, id, signal), [api, id]));
  // Only this device's changes: the detail carries the whole software list, too heavy to re-read
  // whenever any agent connects.
  useLiveRefresh((event) => event.type === 'device.changed' && event.deviceId === id, device.reload);
  const back = <a class="back-link" href={devicesHref()}><Icon name="back" size={16} />Devices</a>;

  // 400 is the collector's answer to an address that is not a device id at all.
  if (device.error instanceof ApiFailure && (device.error.status === 404 || device.error.status === 400)) {
    return (
      <>
        <PageHeader title="Device not found" before={back} />
        <EmptyState icon="search" title="This device does not exist">
          <p>It may have been removed. <a href={devicesHref()}>Back to the devices list</a>.</p>
        </EmptyState>
      </>
    );
  }
  if (!device.data) {
    return (
      <>
        <PageHeader title="Device" before={back} />
        {device.error ? <ErrorNotice error={device.error} onRetry={device.reload} /> : <LoadingRow text="Loading the device…" />}
      </>
    );
  }
  return <DeviceDetailPage device={device.data} tab={tab} back={back} error={device.error} onRetry={device.reload} />;
}

interface DeviceDetailPageProps {
  device: DeviceDetail;
  tab: DeviceTab;
  back: ComponentChildren;
  error: unknown;
  onRetry: () => void;
}

function DeviceDetailPage({ device, tab, back, error, onRetry }: DeviceDetailPageProps) {
  const interfaces = device.hardware?.networkInterfaces ?? [];
  return (
    <>
      <PageHeader
        title={device.hostname}
        before={back}
        subtitle={
          <span class="header-facts">
            <OnlineBadge online={device.online} />
            <KindBadge kind={device.kind} />
            {device.fqdn && device.fqdn !== device.hostname ? <span>{device.fqdn}</span> : null}
            {device.asset
              ? <a href={assetHref(device.asset.id)} data-testid="device-asset-tag" title={device.asset.name}>Asset {device.asset.tag}</a>
              : <span class="muted" data-testid="device-asset-tag">Not in the register</span>}
            <span>Last seen <time dateTime={device.lastSeen} title={formatDateTime(device.lastSeen)}>{timeAgo(device.lastSeen)}</time></span>
          </span>
        }
        actions={<DeviceActions device={device} />}
      />
      {error ? <ErrorNotice error={error} onRetry={onRetry} /> : null}
      <Tabs
        label="Device details"
        idPrefix="device"
        current={tab}
        onSelect={(next) => navigate(deviceHref(device.id, next), { replace: true })}
        tabs={[
          { id: 'summary', label: 'Summary' },
          { id: 'hardware', label: 'Hardware' },
          { id: 'network', label: `Network (${formatCount(interfaces.length)})` },
          { id: 'software', label: `Software (${formatCount(device.software.length)})` },
          { id: 'history', label: 'History' },
        ]}
      />
      <div id="device-panel" role="tabpanel" aria-labelledby={`device-tab-${tab}`} class="tab-panel">
        {tab === 'summary' ? <DeviceSummaryPanel device={device} /> : null}
        {tab === 'hardware' ? <DeviceHardwarePanel hardware={device.hardware} /> : null}
        {tab === 'network' ? <DeviceInterfacesPanel interfaces={interfaces} /> : null}
        {tab === 'software' ? <DeviceSoftwarePanel software={device.software} /> : null}
        {tab === 'history' ? <DeviceHistoryPanel deviceId={device.id} /> : null}
      </div>
    </>
  );
}
