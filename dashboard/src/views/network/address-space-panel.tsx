import { useCallback, useState } from 'preact/hooks';
import { fetchSubnet, fetchSubnets } from '../../api/discovery.js';
import { useApp } from '../../app/app-context.js';
import { EmptyState, ErrorNotice, LoadingRow } from '../../components/notices.js';
import { timeAgo } from '../../format/time.js';
import { useLoader } from '../../hooks/use-loader.js';
import { deviceHref } from '../../routing/routes.js';

/** One subnet's addresses in use, with who holds each, conflicts first, and its free ranges. */
function SubnetAddresses({ cidr }: { cidr: string }) {
  const { api } = useApp();
  const detail = useLoader(`subnet:${cidr}`, useCallback((signal: AbortSignal) => fetchSubnet(api, cidr, signal), [api, cidr]));
  if (detail.error) return <ErrorNotice error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <LoadingRow text={`Loading ${cidr}…`} />;
  const addresses = [...detail.data.addresses].sort((a, b) => Number(b.conflict) - Number(a.conflict));
  return (
    <div class="subnet-detail" data-testid="subnet-detail">
      <table class="data-table">
        <caption class="visually-hidden">Addresses in use in {cidr}</caption>
        <thead><tr><th scope="col">Address</th><th scope="col">Device and MAC</th><th scope="col">Last seen</th></tr></thead>
        <tbody>
          {addresses.map((a) => (
            <tr key={a.address} data-address={a.address}>
              <td class="mono">{a.address}{a.conflict ? <span class="pill pill-warn">Conflict</span> : null}</td>
              <td>{a.holders.map((h) => <div key={`${h.deviceId}-${h.mac}`}><a href={deviceHref(h.deviceId)}>{h.hostname}</a> <span class="mono muted">{h.mac ?? 'no MAC'}</span></div>)}</td>
              <td>{timeAgo(a.holders[0]!.lastSeen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {detail.data.freeRanges ? <p class="muted">Free: {detail.data.freeRanges.map((r) => r.count === 1 ? r.first : `${r.first} – ${r.last} (${r.count})`).join(', ') || 'none'}</p> : null}
    </div>
  );
}

/** Subnets the organisation uses, how full each is, and addresses two MACs claim. */
export function AddressSpacePanel() {
  const { api } = useApp();
  const [opened, setOpened] = useState<string | null>(null);
  const subnets = useLoader('subnets', useCallback((signal: AbortSignal) => fetchSubnets(api, signal), [api]));
  if (subnets.error) return <ErrorNotice error={subnets.error} onRetry={subnets.reload} />;
  if (!subnets.data) return <LoadingRow text="Loading subnets…" />;
  if (subnets.data.items.length === 0) return <EmptyState icon="network" title="No subnets known yet"><p>Subnets come from sweep ranges and from the interfaces agents and network devices report.</p></EmptyState>;
  return (
    <div class="card card-flush"><div class="table-wrap table-scroll">
      <table class="data-table" data-testid="subnets-table">
        <caption class="visually-hidden">Subnets</caption>
        <thead><tr><th scope="col">Subnet</th><th scope="col" class="optional">Learnt from</th><th scope="col" class="numeric">In use</th><th scope="col" class="numeric">Free</th><th scope="col">Conflicts</th></tr></thead>
        <tbody>
          {subnets.data.items.map((s) => [
            <tr key={s.cidr} data-subnet={s.cidr}>
              <td class="cell-primary mono"><button type="button" class="button button-quiet" aria-expanded={opened === s.cidr} onClick={() => setOpened(opened === s.cidr ? null : s.cidr)}>{s.cidr}</button></td>
              <td class="optional">{s.sources.join(', ')}</td>
              <td class="numeric">{s.used}{s.size ? ` of ${s.size}` : ''}</td>
              <td class="numeric">{s.free ?? '—'}</td>
              <td>{s.conflicts ? <span class="pill pill-warn">{s.conflicts} conflict{s.conflicts === 1 ? '' : 's'}</span> : <span class="muted">none</span>}</td>
            </tr>,
            opened === s.cidr ? <tr key={`${s.cidr}-detail`} class="row-panel"><td colSpan={5}><SubnetAddresses cidr={s.cidr} /></td></tr> : null,
          ])}
        </tbody>
      </table>
    </div></div>
  );
}
