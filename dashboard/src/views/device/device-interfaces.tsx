import type { HardwareInfo } from '@steward/shared';
import { EmptyState } from '../../components/notices.js';
import { formatSpeedMbps } from '../../format/numbers.js';

type NetworkInterface = HardwareInfo['networkInterfaces'][number];

const dash = <span class="muted">—</span>;

export function DeviceInterfacesPanel({ interfaces }: { interfaces: readonly NetworkInterface[] }) {
  if (interfaces.length === 0) return <EmptyState title="No network interfaces reported" />;
  return (
    <section class="card card-flush" aria-labelledby="interfaces-title">
      <h2 id="interfaces-title" class="card-title card-title-padded">Network interfaces</h2>
      <div class="table-wrap">
        <table class="data-table" data-testid="interfaces-table">
          <thead>
            <tr><th scope="col">Name</th><th scope="col">MAC address</th><th scope="col">IPv4</th><th scope="col">IPv6</th><th scope="col" class="numeric">Speed</th><th scope="col">Type</th><th scope="col">State</th></tr>
          </thead>
          <tbody>
            {interfaces.map((nic, index) => (
              <tr key={`${nic.name}-${index}`}>
                <td class="cell-primary">{nic.name}{nic.virtual ? <span class="tag" title="Virtual interface">{nic.virtualKind ?? 'Virtual'}</span> : null}</td>
                <td class="mono">{nic.mac ?? dash}</td>
                <td class="mono">{nic.ipv4.length ? nic.ipv4.map((ip) => <div key={ip}>{ip}</div>) : dash}</td>
                <td class="mono ipv6">{nic.ipv6.length ? nic.ipv6.map((ip) => <div key={ip}>{ip}</div>) : dash}</td>
                <td class="numeric">{nic.speedMbps !== undefined ? formatSpeedMbps(nic.speedMbps) : dash}</td>
                <td>{nic.type ?? dash}</td>
                <td>{nic.status ?? dash}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
