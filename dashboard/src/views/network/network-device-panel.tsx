import { useCallback } from 'preact/hooks';
import { fetchNetworkDevice } from '../../api/network.js';
import { useApp } from '../../app/app-context.js';
import { ErrorNotice, LoadingRow } from '../../components/notices.js';
import { formatSpeedMbps } from '../../format/numbers.js';
import { useLoader } from '../../hooks/use-loader.js';
import { deviceHref } from '../../routing/routes.js';

/** A discovered device's interfaces and the neighbours it sees over LLDP or CDP. */
export function NetworkDevicePanel({ id }: { id: string }) {
  const { api } = useApp();
  const detail = useLoader(`network-device:${id}`, useCallback((signal: AbortSignal) => fetchNetworkDevice(api, id, signal), [api, id]));
  if (detail.error) return <ErrorNotice error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <LoadingRow text="Loading interfaces and neighbours…" />;
  const { interfaces, neighbours, system } = detail.data;
  return (
    <div class="network-detail" data-testid="network-detail">
      {system.sysDescr ? <p class="muted">{system.sysDescr}</p> : null}
      <h3 class="card-title">Neighbours ({neighbours.length})</h3>
      {neighbours.length === 0 ? <p class="muted">No LLDP or CDP neighbour seen.</p> : (
        <table class="data-table nested-table" data-testid="neighbours-table">
          <caption class="visually-hidden">Neighbours</caption>
          <thead><tr><th scope="col">Local port</th><th scope="col">Neighbour</th><th scope="col">Its port</th><th scope="col" class="optional">Protocol</th></tr></thead>
          <tbody>
            {neighbours.map((n, index) => (
              <tr key={`${n.localIfIndex}-${n.remoteChassisId}-${index}`}>
                <td>{n.localPort ?? n.localIfIndex ?? '—'}</td>
                <td>{n.remoteDeviceId ? <a href={deviceHref(n.remoteDeviceId)}>{n.remoteSysName ?? n.remoteChassisId}</a> : (n.remoteSysName ?? n.remoteChassisId ?? '—')}{n.remoteAddress ? <span class="muted"> {n.remoteAddress}</span> : null}</td>
                <td>{n.remotePortId ?? n.remotePortDescr ?? '—'}</td>
                <td class="optional">{n.protocol.toUpperCase()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 class="card-title">Interfaces ({interfaces.length})</h3>
      <table class="data-table nested-table" data-testid="network-interfaces">
        <caption class="visually-hidden">Interfaces</caption>
        <thead><tr><th scope="col">Interface</th><th scope="col">State</th><th scope="col" class="optional">Speed</th><th scope="col" class="optional">MAC</th><th scope="col" class="optional">Alias</th></tr></thead>
        <tbody>
          {interfaces.map((i) => (
            <tr key={i.ifIndex}>
              <td>{i.name ?? i.descr ?? `#${i.ifIndex}`}</td>
              <td>{i.operStatus === 'up' ? '▲ Up' : i.operStatus ? `▼ ${i.operStatus}` : '—'}{i.adminStatus === 'down' ? ' (disabled)' : ''}</td>
              <td class="optional">{i.speedBps ? formatSpeedMbps(i.speedBps / 1e6) : '—'}</td>
              <td class="optional mono">{i.mac ?? '—'}</td>
              <td class="optional">{i.alias || <span class="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
