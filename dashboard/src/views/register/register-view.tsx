import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AssetStatus } from '@steward/shared';
import { ASSET_STATUSES, fetchAssets } from '../../api/register.js';
import { useApp } from '../../app/app-context.js';
import { EmptyState, ErrorNotice, LoadingRow } from '../../components/notices.js';
import { PageHeader } from '../../components/page-header.js';
import { Pagination } from '../../components/pagination.js';
import { Icon } from '../../components/icon.js';
import { useLoader } from '../../hooks/use-loader.js';
import { can } from '../../permissions.js';
import { AssetPage } from './asset-page.js';
import { ImportPanel } from './import-panel.js';
import { LabelsControl } from './labels-control.js';
import { STATUS_LABELS } from './status-labels.js';

const PAGE_SIZE = 50;

export function RegisterView({ id }: { id?: string }) {
  return id ? <AssetPage key={id} id={id} /> : <AssetsList />;
}

function AssetsList() {
  const { api, me } = useApp();
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<AssetStatus | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [importing, setImporting] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => { setSearch(draft.trim()); setPage(1); }, 250);
    return () => clearTimeout(timer);
  }, [draft]);
  // Opened from the global search on a person: what that person holds.
  const [holder] = useState(() => new URLSearchParams(location.search).get('holder') ?? undefined);
  const query = { search: search || undefined, status, assignedPersonId: holder, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const key = JSON.stringify(query);
  const assets = useLoader(key, useCallback((signal: AbortSignal) => fetchAssets(api, query, signal), [api, key]));
  const shown = assets.data ?? assets.previousData;
  const mayImport = can(me.role, 'register:write');

  return (
    <>
      <PageHeader
        title="Register"
        subtitle={shown ? `${shown.totalCapped ? 'More than ' : ''}${shown.total.toLocaleString('en')} ${search || status || holder ? 'matching ' : ''}asset${shown.total === 1 && !shown.totalCapped ? '' : 's'}` : 'Owned assets with their status, holder and records.'}
        actions={mayImport ? <button type="button" class="button" aria-expanded={importing} onClick={() => setImporting(!importing)}>Import CSV</button> : null}
      />
      {importing ? <ImportPanel onImported={assets.reload} onClose={() => setImporting(false)} /> : null}
      <div class="toolbar">
        <div class="filters">
          <div class="search-field">
            <Icon name="search" />
            <label for="asset-search" class="visually-hidden">Search assets</label>
            <input id="asset-search" type="search" value={draft} maxLength={256} placeholder="Tag, name, serial…" onInput={(event) => setDraft(event.currentTarget.value)} />
          </div>
          <label class="select-field">
            <span>Status</span>
            <select value={status ?? ''} onChange={(event) => { setStatus((event.currentTarget.value || undefined) as AssetStatus | undefined); setPage(1); }}>
              <option value="">Any status</option>
              {ASSET_STATUSES.map((value) => <option key={value} value={value}>{STATUS_LABELS[value]}</option>)}
            </select>
          </label>
        </div>
        <LabelsControl assetIds={shown?.items.map((item) => item.id) ?? []} action="Labels for this page" />
      </div>
      {assets.error ? <ErrorNotice error={assets.error} onRetry={assets.reload} /> : null}
      {!shown && !assets.error ? <LoadingRow text="Loading assets…" /> : null}
      {shown && shown.total === 0 ? <EmptyState icon="register" title={search || status ? 'No asset matches' : 'The register is empty'} /> : null}
      {shown && shown.total > 0 ? (
        <div class="card card-flush">
          <div class="table-wrap table-scroll">
            <table class="data-table" aria-busy={assets.loading} data-testid="assets-table">
              <caption class="visually-hidden">Assets</caption>
              <thead>
                <tr><th scope="col">Tag</th><th scope="col">Name</th><th scope="col">Status</th><th scope="col" class="optional">Category</th><th scope="col" class="optional">Serial</th><th scope="col">Assigned to</th></tr>
              </thead>
              <tbody>
                {shown.items.map((item) => (
                  <tr key={item.id} data-asset-id={item.id}>
                    <td class="cell-primary mono"><a href={`/register/${encodeURIComponent(item.id)}`}>{item.tag}</a></td>
                    <td>{item.name}</td>
                    <td><span class="pill pill-neutral">{STATUS_LABELS[item.status]}</span></td>
                    <td class="optional">{item.categoryName}</td>
                    <td class="optional mono">{item.serial ?? <span class="muted">—</span>}</td>
                    <td>{item.assignedTo?.name ?? <span class="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination noun="assets" page={page} pageSize={PAGE_SIZE} total={shown.total} totalCapped={shown.totalCapped} pageSizes={[PAGE_SIZE]} onPage={setPage} onPageSize={() => undefined} />
        </div>
      ) : null}
    </>
  );
}
