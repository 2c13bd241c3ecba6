import { useCallback, useEffect, useState } from 'preact/hooks';
import { fetchNetworkDevices } from '../../api/network.js';
import { useApp } from '../../app/app-context.js';
import { Icon } from '../../components/icon.js';
import { EmptyState, ErrorNotice, LoadingRow } from '../../components/notices.js';
import { PageHeader } from '../../components/page-header.js';
import { Pagination } from '../../components/pagination.js';
import { Tabs } from '../../components/tabs.js';
import { timeAgo } from '../../format/time.js';
import { useLoader } from '../../hooks/use-loader.js';
import { can } from '../../permissions.js';
import { deviceHref } from '../../routing/routes.js';
import { AddressSpacePanel } from './address-space-panel.js';
import { CertificatesPanel } from './certificates-panel.js';
import { DomainsPanel } from './domains-panel.js';
import { NetworkDevicePanel } from './network-device-panel.js';
import { SweepPanel } from './sweep-panel.js';

const PAGE_SIZE = 50;

type NetworkTab = 'devices' | 'certificates' | 'domains' | 'addresses';
const TABS: readonly { id: NetworkTab; label: string }[] = [
  { id: 'devices', label: 'Devices' }, { id: 'certificates', label: 'Certificates' }, { id: 'domains', label: 'Domains' }, { id: 'addresses', label: 'Address space' },
];

/** What discovery finds on the network: SNMP devices, TLS certificates, domains and the address space. */
export function NetworkView() {
  const [tab, setTab] = useState<NetworkTab>('devices');
  return (
    <>
      <PageHeader title="Network" subtitle="Devices found by SNMP sweeps, the certificates hosts present, the organisation's domains and its address space." />
      <Tabs label="Network" tabs={TABS} current={tab} onSelect={setTab} idPrefix="network" />
      <div id="network-panel" role="tabpanel" aria-labelledby={`network-tab-${tab}`} class="tab-panel">
        {tab === 'devices' ? <NetworkDevices /> : null}
        {tab === 'certificates' ? <CertificatesPanel /> : null}
        {tab === 'domains' ? <DomainsPanel /> : null}
        {tab === 'addresses' ? <AddressSpacePanel /> : null}
      </div>
    </>
  );
}

/** Switches, printers, access points and the like that SNMP sweeps found. */
function NetworkDevices() {
  const { api, me } = useApp();
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [sweeping, setSweeping] = useState(false);
  const [opened, setOpened] = useState<string | null>(null);
  useEffect(() => {
    // Only a new search goes back to page 1: on opening, the text is already the one searched, and
    // a page turned in the first moments must stay turned.
    if (draft.trim() === search) return undefined;
    const timer = setTimeout(() => { setSearch(draft.trim()); setPage(1); }, 250);
    return () => clearTimeout(timer);
  }, [draft]);
  const query = { search: search || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const key = JSON.stringify(query);
  const devices = useLoader(key, useCallback((signal: AbortSignal) => fetchNetworkDevices(api, query, signal), [api, key]));
  const shown = devices.data ?? devices.previousData;
  return (
    <>
      {sweeping ? <SweepPanel onFinished={devices.reload} /> : null}
      <div class="toolbar">
        <p class="muted" role="status">{shown ? `${shown.total.toLocaleString('en')} network device${shown.total === 1 ? '' : 's'}` : 'Devices found by SNMP sweeps.'}</p>
        {can(me.role, 'discovery:write') ? <button type="button" class="button" aria-expanded={sweeping} onClick={() => setSweeping(!sweeping)}>New sweep</button> : null}
        <div class="search-field">
          <Icon name="search" />
          <label for="network-search" class="visually-hidden">Search network devices</label>
          <input id="network-search" type="search" value={draft} maxLength={256} placeholder="Name, address, vendor, model…" onInput={(event) => setDraft(event.currentTarget.value)} />
        </div>
      </div>
      {devices.error ? <ErrorNotice error={devices.error} onRetry={devices.reload} /> : null}
      {!shown && !devices.error ? <LoadingRow text="Loading network devices…" /> : null}
      {shown && shown.total === 0 ? <EmptyState icon="network" title={search ? 'No device matches' : 'No network devices yet'}><p>Start a sweep to find SNMP devices on the network.</p></EmptyState> : null}
      {shown && shown.total > 0 ? (
        <div class="card card-flush">
          <div class="table-wrap table-scroll">
            <table class="data-table" aria-busy={devices.loading} data-testid="network-table">
              <caption class="visually-hidden">Network devices</caption>
              <thead>
                <tr><th scope="col">Name</th><th scope="col">Address</th><th scope="col">Status</th><th scope="col" class="optional">Vendor · model</th><th scope="col" class="optional">Type</th><th scope="col" class="numeric optional">Interfaces</th><th scope="col">Last seen</th></tr>
              </thead>
              <tbody>
                {shown.items.map((item) => [
                  <tr key={item.id} data-network-device={item.id}>
                    <td class="cell-primary">
                      <a href={deviceHref(item.id)}>{item.sysName ?? item.hostname}</a>
                      <button type="button" class="button button-quiet" aria-expanded={opened === item.id} onClick={() => setOpened(opened === item.id ? null : item.id)}>
                        {opened === item.id ? 'Hide details' : 'Interfaces and neighbours'}
                      </button>
                    </td>
                    <td class="mono">{item.address}</td>
                    <td><span class={`pill ${item.up ? 'pill-ok' : item.up === false ? 'pill-warn' : 'pill-neutral'}`}>{item.up ? 'Up' : item.up === false ? 'Down' : 'Not polled'}</span></td>
                    <td class="optional">{[item.vendor, item.model].filter(Boolean).join(' ') || <span class="muted">—</span>}</td>
                    <td class="optional">{item.deviceType ?? <span class="muted">—</span>}</td>
                    <td class="numeric optional">{item.interfaceCount}</td>
                    <td>{timeAgo(item.lastSeen)}</td>
                  </tr>,
                  opened === item.id ? <tr key={`${item.id}-detail`} class="row-panel"><td colSpan={7}><NetworkDevicePanel id={item.id} /></td></tr> : null,
                ])}
              </tbody>
            </table>
          </div>
          <Pagination noun="network devices" page={page} pageSize={PAGE_SIZE} total={shown.total} pageSizes={[PAGE_SIZE]} onPage={setPage} onPageSize={() => undefined} />
        </div>
      ) : null}
    </>
  );
}
