import { useCallback } from 'preact/hooks';
import type { SoftwareChangeView } from '@steward/shared';
import { fetchDeviceHistory, fetchSwitchPort } from '../../api/devices.js';
import { fetchFindings } from '../../api/findings.js';
import { fetchAssets } from '../../api/register.js';
import { useApp } from '../../app/app-context.js';
import { EmptyState, ErrorNotice, LoadingRow } from '../../components/notices.js';
import { formatDateTime } from '../../format/time.js';
import { useLoader } from '../../hooks/use-loader.js';
import { can } from '../../permissions.js';
import { FINDING_STATE_LABELS, FINDING_TYPE_LABELS } from '../findings/finding-labels.js';
import { STATUS_LABELS } from '../register/status-labels.js';

const CHANGE_LABELS: Record<SoftwareChangeView['change'], string> = { added: '+ Installed', removed: '− Removed', upgraded: '↑ Changed version' };

/** What changed on the device and when, where it plugs in, and what reconciliation says about it. */
export function DeviceHistoryPanel({ deviceId }: { deviceId: string }) {
  const { me } = useApp();
  return (
    <div class="asset-actions" data-testid="device-history">
      {can(me.role, 'register:read') ? <RegisterRecordCard deviceId={deviceId} /> : null}
      {can(me.role, 'discovery:read') ? <SwitchPortCard deviceId={deviceId} /> : null}
      {can(me.role, 'findings:read') ? <DeviceFindingsCard deviceId={deviceId} /> : null}
      <ChangesCard deviceId={deviceId} />
    </div>
  );
}

/** The register's record of this device: who holds it, its warranty; the asset page has the rest. */
function RegisterRecordCard({ deviceId }: { deviceId: string }) {
  const { api } = useApp();
  const assets = useLoader(`device-asset:${deviceId}`, useCallback((signal: AbortSignal) => fetchAssets(api, { deviceId, limit: 1, offset: 0 }, signal), [api, deviceId]));
  const record = assets.data?.items[0];
  return (
    <section class="card" aria-labelledby="record-title">
      <h2 id="record-title" class="card-title">Register record</h2>
      {assets.error ? <ErrorNotice error={assets.error} onRetry={assets.reload} /> : null}
      {!assets.data && !assets.error ? <LoadingRow /> : null}
      {assets.data && !record ? <p class="muted">Not in the register: register it from the findings queue.</p> : null}
      {record ? (
        <dl class="fact-row" data-testid="device-asset">
          <div><dt>Asset</dt><dd><a href={`/register/${encodeURIComponent(record.id)}`}>{record.tag} · {record.name ?? record.categoryName}</a></dd></div>
          <div><dt>Status</dt><dd>{STATUS_LABELS[record.status]}</dd></div>
          <div><dt>Assigned to</dt><dd>{record.assignedTo ? `${record.assignedTo.name}${record.expectedReturn ? ` until ${record.expectedReturn}` : ''}` : 'Nobody'}</dd></div>
          <div><dt>Warranty until</dt><dd>{record.warrantyExpires ?? '—'}</dd></div>
          <div><dt>Location</dt><dd>{record.locationName ?? '—'}</dd></div>
        </dl>
      ) : null}
    </section>
  );
}

function SwitchPortCard({ deviceId }: { deviceId: string }) {
  const { api } = useApp();
  const port = useLoader(`port:${deviceId}`, useCallback((signal: AbortSignal) => fetchSwitchPort(api, deviceId, signal), [api, deviceId]));
  const location = port.data?.location;
  return (
    <section class="card" aria-labelledby="port-title">
      <h2 id="port-title" class="card-title">Switch port</h2>
      {port.error ? <ErrorNotice error={port.error} onRetry={port.reload} /> : null}
      {!port.data && !port.error ? <LoadingRow /> : null}
      {port.data && !location ? <p class="muted">No discovered switch has seen this device's addresses on an edge port.</p> : null}
      {location ? (
        <p data-testid="switch-port">
          <strong>{location.switchName}</strong> port {location.ifName ?? location.bridgePort}
          {location.vlan !== null ? `, VLAN ${location.vlan}` : ''} (seen as {location.mac})
        </p>
      ) : null}
    </section>
  );
}

function DeviceFindingsCard({ deviceId }: { deviceId: string }) {
  const { api } = useApp();
  const findings = useLoader(`device-findings:${deviceId}`, useCallback((signal: AbortSignal) => fetchFindings(api, { deviceId, limit: 50, offset: 0 }, signal), [api, deviceId]));
  return (
    <section class="card" aria-labelledby="device-findings-title">
      <div class="card-head"><h2 id="device-findings-title" class="card-title">Findings</h2><a href="/findings">Review queue</a></div>
      {findings.error ? <ErrorNotice error={findings.error} onRetry={findings.reload} /> : null}
      {!findings.data && !findings.error ? <LoadingRow /> : null}
      {findings.data && findings.data.items.length === 0 ? <p class="muted">Reconciliation has nothing to say about this device.</p> : null}
      {findings.data && findings.data.items.length > 0 ? (
        <ul class="plain-list" data-testid="device-findings">
          {findings.data.items.map((item) => (
            <li key={item.id}><strong>{FINDING_TYPE_LABELS[item.type]}</strong> · {FINDING_STATE_LABELS[item.state]} · {item.summary} <span class="muted">(since {formatDateTime(item.firstDetected)})</span></li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function ChangesCard({ deviceId }: { deviceId: string }) {
  const { api } = useApp();
  const history = useLoader(`history:${deviceId}`, useCallback((signal: AbortSignal) => fetchDeviceHistory(api, deviceId, signal), [api, deviceId]));
  return (
    <section class="card card-flush" aria-labelledby="changes-title">
      <h2 id="changes-title" class="card-title card-title-padded">What changed when</h2>
      {history.error ? <ErrorNotice error={history.error} onRetry={history.reload} /> : null}
      {!history.data && !history.error ? <LoadingRow /> : null}
      {history.data && history.data.items.length === 0 ? <EmptyState icon="clock" title="No change recorded yet">Changes appear from the device's second report on.</EmptyState> : null}
      {history.data && history.data.items.length > 0 ? (
        <div class="table-wrap table-scroll">
          <table class="data-table" data-testid="device-changes">
            <caption class="visually-hidden">Software changes, newest first</caption>
            <thead><tr><th scope="col">When</th><th scope="col">Change</th><th scope="col">Software</th><th scope="col">Version</th><th scope="col" class="optional">Source</th></tr></thead>
            <tbody>
              {history.data.items.map((change, index) => (
                <tr key={`${change.time}-${change.name}-${index}`}>
                  <td>{formatDateTime(change.time)}</td>
                  <td>{CHANGE_LABELS[change.change]}</td>
                  <td class="cell-primary">{change.name}</td>
                  <td>{change.change === 'upgraded' ? `${change.oldVersion ?? '?'} → ${change.newVersion ?? '?'}` : change.newVersion ?? change.oldVersion ?? '—'}</td>
                  <td class="optional">{change.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
