import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Asset, AssetStatus } from '@steward/shared';
import { ASSET_STATUSES, downloadAssetsExport, fetchAssets } from '../../api/register.js';
import { saveFile } from '../../api/save-file.js';
import { useApp } from '../../app/app-context.js';
import { EmptyState, ErrorNotice, LoadingRow } from '../../components/notices.js';
import { PageHeader } from '../../components/page-header.js';
import { Pagination } from '../../components/pagination.js';
import { Icon } from '../../components/icon.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useSubmit } from '../../hooks/use-submit.js';
import { can } from '../../permissions.js';
import { navigate } from '../../routing/use-route.js';
import { AssetForm } from './asset-form.js';
import { AssetPage } from './asset-page.js';
import { AuditRoundView } from './audit-round-view.js';
import { BulkBar } from './bulk-bar.js';
import { CheckoutsView } from './checkouts-view.js';
import { ImportPanel } from './import-panel.js';
import { LabelsControl } from './labels-control.js';
import { referenceScreen } from './reference-screens.js';
import { ReferenceView } from './reference-view.js';
import { RegisterHelp } from './register-help.js';
import { ActionError, HelpLink, RegisterNav } from './register-nav.js';
import { STATUS_LABELS } from './status-labels.js';

const PAGE_SIZE = 50;

/** The register's screens: /register, /register/<screen> for its lists, /register/<asset id> for one asset. */
export function RegisterView({ id }: { id?: string }) {
  if (!id) return <AssetsList />;
  if (id === 'checkouts') return <CheckoutsView />;
  if (id === 'audit') return <AuditRoundView />;
  if (id === 'help') return <RegisterHelp />;
  const screen = referenceScreen(id);
  if (screen) return <ReferenceView key={id} screen={screen} />;
  return <AssetPage key={id} id={id} />;
}

/** A device sent here to be registered: /register?register=device&deviceId=…&name=…&serial=… */
function devicePreset(): Partial<Asset> | undefined {
  const params = new URLSearchParams(window.location.search);
  if (params.get('register') !== 'device') return undefined;
  return { deviceId: params.get('deviceId') ?? undefined, name: params.get('name') ?? undefined, serial: params.get('serial') ?? undefined };
}

function AssetsList() {
  const { api, me } = useApp();
  const [draft, setDraft] = useState('');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<AssetStatus | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [importing, setImporting] = useState(false);
  const [preset] = useState(devicePreset);
  const [creating, setCreating] = useState(Boolean(preset));
  const [selected, setSelected] = useState<Map<string, Asset>>(new Map());
  const exporting = useSubmit();
  useEffect(() => {
    // Only a new search goes back to page 1: on opening, the text is already the one searched, and
    // a page turned in the first moments must stay turned.
    if (draft.trim() === search) return undefined;
    const timer = setTimeout(() => { setSearch(draft.trim()); setPage(1); }, 250);
    return () => clearTimeout(timer);
  }, [draft]);
  // Opened from the global search on a person: what that person holds.
  const [holder] = useState(() => new URLSearchParams(location.search).get('holder') ?? undefined);
  const query = { search: search || undefined, status, assignedPersonId: holder, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const key = JSON.stringify(query);
  const assets = useLoader(key, useCallback((signal: AbortSignal) => fetchAssets(api, query, signal), [api, key]));
  const shown = assets.data ?? assets.previousData;
  const mayWrite = can(me.role, 'register:write');
  const mayBulk = mayWrite || can(me.role, 'register:checkout');
  const toggle = (asset: Asset, on: boolean) => setSelected((current) => {
    const next = new Map(current);
    if (on) next.set(asset.id, asset); else next.delete(asset.id);
    return next;
  });
  const pageItems = shown?.items ?? [];
  const allOnPage = pageItems.length > 0 && pageItems.every((item) => selected.has(item.id));

  return (
    <>
      <PageHeader
        title="Register"
        subtitle={shown ? `${shown.totalCapped ? 'More than ' : ''}${shown.total.toLocaleString('en')} ${search || status || holder ? 'matching ' : ''}asset${shown.total === 1 && !shown.totalCapped ? '' : 's'}` : 'Owned assets with their status, holder and records.'}
        actions={<>
          {mayWrite ? <button type="button" class="button button-primary" aria-expanded={creating} onClick={() => setCreating(!creating)}>Register an asset</button> : null}
          {mayWrite ? <button type="button" class="button" aria-expanded={importing} onClick={() => setImporting(!importing)}>Import CSV</button> : null}
          <button type="button" class="button" disabled={exporting.busy} onClick={() => void exporting.run(async () => saveFile(await downloadAssetsExport(api, { search: search || undefined, status })))}>Export CSV</button>
          <HelpLink topic="assets" />
        </>}
      />
      <RegisterNav current="/register" />
      <ActionError error={exporting.error} />
      {creating ? <AssetForm mode={{ kind: 'new', preset }} onCancel={() => setCreating(false)} onSaved={(asset) => navigate(`/register/${asset.id}`)} /> : null}
      {importing ? <ImportPanel onImported={assets.reload} onClose={() => setImporting(false)} /> : null}
      {selected.size > 0 ? <BulkBar selected={[...selected.values()]} onDone={assets.reload} onClear={() => setSelected(new Map())} /> : null}
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
        {selected.size === 0 ? <LabelsControl assetIds={pageItems.map((item) => item.id)} action="Labels for this page" /> : null}
      </div>
      {assets.error ? <ErrorNotice error={assets.error} onRetry={assets.reload} /> : null}
      {!shown && !assets.error ? <LoadingRow text="Loading assets…" /> : null}
      {shown && shown.total === 0 ? (
        <EmptyState icon="register" title={search || status ? 'No asset matches' : 'The register is empty'}>
          {!search && !status ? <p>{mayWrite ? 'Register the first asset, or import a CSV file from another tool.' : 'Assets appear here once someone registers them.'}</p> : null}
        </EmptyState>
      ) : null}
      {shown && shown.total > 0 ? (
        <div class="card card-flush">
          <div class="table-wrap table-scroll">
            <table class="data-table" aria-busy={assets.loading} data-testid="assets-table">
              <caption class="visually-hidden">Assets</caption>
              <thead>
                <tr>
                  {mayBulk ? <th scope="col" class="select-cell"><input type="checkbox" aria-label="Select every asset on this page" checked={allOnPage}
                    onChange={(e) => { const on = e.currentTarget.checked; pageItems.forEach((item) => toggle(item, on)); }} /></th> : null}
                  <th scope="col">Tag</th><th scope="col">Name</th><th scope="col">Status</th><th scope="col" class="optional">Category</th><th scope="col" class="optional">Serial</th><th scope="col">Assigned to</th>
                </tr>
              </thead>
              <tbody>
                {shown.items.map((item) => (
                  <tr key={item.id} data-asset-id={item.id} data-tag={item.tag}>
                    {mayBulk ? <td class="select-cell"><input type="checkbox" aria-label={`Select ${item.tag}`} checked={selected.has(item.id)} onChange={(e) => toggle(item, e.currentTarget.checked)} /></td> : null}
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
