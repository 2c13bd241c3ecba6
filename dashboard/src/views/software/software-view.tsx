import { useCallback, useEffect, useState } from 'preact/hooks';
import type { SoftwareTitleSummary } from '@steward/shared';
import { fetchSoftwareHolders, searchSoftware } from '../../api/software.js';
import { useApp } from '../../app/app-context.js';
import { DataTable } from '../../components/data-table.js';
import { EmptyState, ErrorNotice, LoadingRow } from '../../components/notices.js';
import { PageHeader } from '../../components/page-header.js';
import { formatCount } from '../../format/numbers.js';
import { formatDateTime } from '../../format/time.js';
import { useLoader } from '../../hooks/use-loader.js';
import { deviceHref } from '../../routing/routes.js';

/** Which software is installed where: search by name, then open a title to see the devices holding it. */
export function SoftwareView() {
  const { api } = useApp();
  const [text, setText] = useState(() => new URLSearchParams(location.search).get('search') ?? '');
  const [search, setSearch] = useState(text.trim());
  const [open, setOpen] = useState<string | null>(null);
  // Searching as one types, once the typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  useEffect(() => {
    history.replaceState(history.state, '', search ? `/software?search=${encodeURIComponent(search)}` : '/software');
    setOpen(null);
  }, [search]);
  const enough = search.length >= 2;
  const found = useLoader(`software:${search}`, useCallback((signal: AbortSignal) => (enough ? searchSoftware(api, search, signal) : Promise.resolve(null)), [api, search]));
  const titles = found.data?.items;

  return (
    <>
      <PageHeader title="Software" subtitle="What is installed across the estate, and on which devices." />
      <div class="toolbar">
        <label class="field field-search">
          <span>Find software</span>
          <input type="search" value={text} placeholder="Chrome, 7-Zip, Office…" maxLength={128} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
      </div>
      {!enough ? <EmptyState icon="search" title="Type a name"><p>Two letters or more of a title's name: every device reporting it is counted.</p></EmptyState> : null}
      {enough && found.error ? <ErrorNotice error={found.error} onRetry={found.reload} /> : null}
      {enough && !found.data && !found.error ? <LoadingRow text="Searching…" /> : null}
      {enough && titles && titles.length === 0 ? <EmptyState icon="search" title={`No software named like “${search}”`} /> : null}
      {titles && titles.length > 0 ? (
        <div class="card card-flush">
          <DataTable testId="software-titles" caption="Software titles" head={<><th scope="col">Title</th><th scope="col">Versions</th><th scope="col" class="numeric">Devices</th><th scope="col"><span class="visually-hidden">Devices holding it</span></th></>}>
            {titles.map((title) => {
              const key = `${title.name}\u0000${title.publisher ?? ''}`;
              return <TitleRows key={key} title={title} open={open === key} onToggle={() => setOpen(open === key ? null : key)} />;
            })}
          </DataTable>
        </div>
      ) : null}
    </>
  );
}

function TitleRows({ title, open, onToggle }: { title: SoftwareTitleSummary; open: boolean; onToggle: () => void }) {
  return (
    <>
      <tr data-title={title.name}>
        <td class="cell-primary">{title.name}{title.publisher ? <div class="cell-sub">{title.publisher}</div> : null}</td>
        <td class="cell-wrap">{title.versions.join(', ') || '—'}</td>
        <td class="numeric">{formatCount(title.devices)}</td>
        <td class="row-actions"><button type="button" class="button button-quiet" aria-expanded={open} onClick={onToggle}>{open ? 'Hide devices' : 'Show devices'}</button></td>
      </tr>
      {open ? <tr class="detail-row"><td colSpan={4}><Holders title={title} /></td></tr> : null}
    </>
  );
}

function Holders({ title }: { title: SoftwareTitleSummary }) {
  const { api } = useApp();
  const holders = useLoader(`holders:${title.name}:${title.publisher ?? ''}`, useCallback((signal: AbortSignal) => fetchSoftwareHolders(api, title, signal), [api, title]));
  if (holders.error) return <ErrorNotice error={holders.error} onRetry={holders.reload} />;
  if (!holders.data) return <LoadingRow text="Loading devices…" />;
  return (
    <DataTable testId="software-holders" caption={`Devices holding ${title.name}`} head={<><th scope="col">Device</th><th scope="col">Version</th><th scope="col" class="optional">Installed</th><th scope="col">Last seen</th></>}>
      {holders.data.items.map((h) => (
        <tr key={`${h.deviceId}:${h.version ?? ''}`}>
          <td class="cell-primary"><a href={deviceHref(h.deviceId)}>{h.hostname}</a></td>
          <td>{h.version ?? '—'}</td>
          <td class="optional">{h.installDate ?? '—'}</td>
          <td>{formatDateTime(h.lastSeen)}</td>
        </tr>
      ))}
      {holders.data.total > holders.data.items.length ? <tr><td colSpan={4} class="muted">and {formatCount(holders.data.total - holders.data.items.length)} more</td></tr> : null}
    </DataTable>
  );
}
