import type { ComponentChildren } from 'preact';
import { useCallback, useState } from 'preact/hooks';
import type { Asset } from '@steward/shared';
import {
  deleteAsset, fetchAsset, fetchAssetContracts, fetchAssetHistory, fetchAssetWorkOrders, fetchAssignments, fetchBookValue, fetchSanitisation,
} from '../../api/register.js';
import { useApp } from '../../app/app-context.js';
import { ErrorNotice, LoadingRow } from '../../components/notices.js';
import { PageHeader } from '../../components/page-header.js';
import { formatDateTime } from '../../format/time.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useSubmit } from '../../hooks/use-submit.js';
import { can } from '../../permissions.js';
import { deviceHref } from '../../routing/routes.js';
import { navigate } from '../../routing/use-route.js';
import { AssetForm, type AssetFormMode } from './asset-form.js';
import { AttachmentsCard } from './attachments-card.js';
import { CheckoutCard } from './checkout-card.js';
import { LastSeen } from './last-seen.js';
import { LabelsControl } from './labels-control.js';
import { ActionError, HelpLink } from './register-nav.js';
import { STATUS_LABELS } from './status-labels.js';
import { TransitionCard } from './transition-card.js';
import { useReferences } from './use-lookups.js';

/** How the asset came to be linked to its device, in words. */
function linkedHow(link: NonNullable<Asset['linkedDevice']>): string {
  if (link.method === 'auto') return `(matched by ${link.key.replace('_', ' ')})`;
  return `(linked${link.linkedBy ? ` by ${link.linkedBy}` : ''})`;
}

/** Statuses in which a mistaken entry may still be deleted; real assets leave through the lifecycle. */
const DELETABLE = new Set(['requested', 'approved', 'in_stock']);

export function formatMoney(amount: number | null | undefined, currency: string | null | undefined): string | null {
  if (amount === null || amount === undefined) return null;
  return `${amount.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}${currency ? ` ${currency}` : ''}`;
}

/** One asset: every field the register holds, what covers it, who holds it, its files and its history. */
export function AssetPage({ id }: { id: string }) {
  const { api, me } = useApp();
  const loaded = useLoader(`asset:${id}`, useCallback((signal: AbortSignal) => fetchAsset(api, id, signal), [api, id]));
  const [item, setItem] = useState<Asset | null>(null);
  const [form, setForm] = useState<AssetFormMode | null>(null);
  // The device page's "Edit register record" opens the form at once.
  const [editAsked, setEditAsked] = useState(() => new URLSearchParams(window.location.search).get('edit') === '1');
  const [generation, setGeneration] = useState(0);
  const removal = useSubmit();
  const current = item ?? loaded.data;
  if (loaded.error && !current) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!current) return <LoadingRow text="Loading the asset…" />;
  if (editAsked && !form) { setEditAsked(false); setForm({ kind: 'edit', asset: current }); }
  const changed = (next: Asset) => { setItem(next); setGeneration((g) => g + 1); };
  const mayWrite = can(me.role, 'register:write');
  const deletable = DELETABLE.has(current.status) && !current.assignedTo;
  const actions = (
    <>
      {mayWrite ? <button type="button" class="button" onClick={() => setForm({ kind: 'edit', asset: current })}>Edit</button> : null}
      {mayWrite ? <button type="button" class="button" onClick={() => setForm({ kind: 'clone', asset: current })}>Clone</button> : null}
      {mayWrite && deletable ? (
        <button type="button" class="button button-quiet" disabled={removal.busy} onClick={() => {
          if (window.confirm(`Delete ${current.tag}? A mistaken entry goes; a real asset should be retired instead.`)) {
            void removal.run(() => deleteAsset(api, current.id), () => navigate('/register'));
          }
        }}>Delete</button>
      ) : null}
      <LabelsControl assetIds={[current.id]} action="Print label" />
      <HelpLink topic="asset" />
    </>
  );
  return (
    <>
      <PageHeader title={`${current.tag} · ${current.name}`} before={<a class="back-link" href="/register">← Register</a>} actions={actions} />
      <ActionError error={removal.error} />
      {form ? (
        <AssetForm key={form.kind} mode={form} onCancel={() => setForm(null)} onSaved={(saved) => {
          setForm(null);
          if (saved.id === current.id) changed(saved);
          else navigate(`/register/${saved.id}`);
        }} />
      ) : null}
      <AssetFacts asset={current} generation={generation} />
      <LastSeen assetId={current.id} generation={generation} />
      {can(me.role, 'register:write') || can(me.role, 'register:checkout') ? (
        <div class="card-grid asset-actions" data-testid="asset-actions">
          {can(me.role, 'register:checkout') ? <CheckoutCard asset={current} onChanged={changed} /> : null}
          {mayWrite ? <TransitionCard asset={current} onChanged={changed} /> : null}
        </div>
      ) : null}
      {current.status === 'disposed' || current.status === 'retired' ? <DisposalCard asset={current} generation={generation} /> : null}
      <AttachmentsCard asset={current} mayWrite={mayWrite} key={`files-${generation}`} />
      <CoverCards asset={current} generation={generation} />
    </>
  );
}

function Facts({ facts, testId }: { facts: [string, ComponentChildren | null][]; testId?: string }) {
  return (
    <dl class="facts" data-testid={testId}>
      {facts.map(([label, value]) => (
        <div class="fact" key={label}><dt>{label}</dt><dd>{value ?? <span class="muted">—</span>}</dd></div>
      ))}
    </dl>
  );
}

function AssetFacts({ asset, generation }: { asset: Asset; generation: number }) {
  const { api } = useApp();
  const value = useLoader(`book:${asset.id}:${generation}`, useCallback((signal: AbortSignal) => fetchBookValue(api, asset.id, signal), [api, asset.id, generation]));
  const book = value.data;
  const categories = useReferences('categories');
  const dep = asset.depreciation;
  const facts: [string, ComponentChildren | null][] = [
    ['Status', STATUS_LABELS[asset.status]],
    ['Category', asset.categoryName],
    ['Model', [asset.manufacturerName, asset.modelName].filter(Boolean).join(' ') || null],
    ['Serial number', asset.serial ?? null],
    ['Location', asset.locationName],
    ['Assigned to', asset.assignedTo ? `${asset.assignedTo.name} (${asset.assignedTo.type})` : null],
    ['Expected back', asset.expectedReturn],
    ['Linked device', asset.linkedDevice
      ? <span data-testid="asset-device"><a href={deviceHref(asset.linkedDevice.id)}>{asset.linkedDevice.hostname}</a> <span class="muted">{linkedHow(asset.linkedDevice)}</span></span>
      : null],
    ['Last audited', asset.lastAuditedAt ? formatDateTime(asset.lastAuditedAt) : null],
  ];
  const money: [string, ComponentChildren | null][] = [
    ['Purchase date', asset.purchaseDate ?? null],
    ['Purchase cost', formatMoney(asset.purchaseCost, asset.currency)],
    ['Order number', asset.orderNumber ?? null],
    ['Invoice number', asset.invoiceNumber ?? null],
    ['Warranty until', asset.warrantyExpires ?? null],
    ['End of life', asset.eolDate ?? book?.eolDate ?? null],
    ['Lapses on', asset.expiresOn ?? null],
    ['Depreciation', dep ? `${dep.method === 'straight_line' ? 'Straight line' : 'Declining balance'} over ${dep.usefulLifeMonths} months` : book?.method ? `${book.method === 'straight_line' ? 'Straight line' : 'Declining balance'} (from the category or model)` : null],
    ['Book value today', book ? formatMoney(book.bookValue, book.currency) : null],
    ['Fully depreciated on', book?.fullyDepreciatedOn ?? null],
  ];
  const fields = categories.data?.items.find((c) => c.id === asset.categoryId)?.customFields ?? [];
  const custom = Object.entries(asset.customFields ?? {}).map(([key, v]): [string, ComponentChildren | null] => [
    fields.find((f) => f.key === key)?.label ?? key, v === null ? null : typeof v === 'boolean' ? (v ? 'Yes' : 'No') : String(v),
  ]);
  return (
    <div class="card-grid">
      <section class="card" aria-label="Asset"><h2 class="card-title">Asset</h2><Facts facts={facts} testId="asset-facts" /></section>
      <section class="card" aria-label="Purchase and value"><h2 class="card-title">Purchase and value</h2><Facts facts={money} testId="asset-money" /></section>
      {custom.length || asset.notes ? (
        <section class="card" aria-label="Details"><h2 class="card-title">Details</h2><Facts facts={[...custom, ['Notes', asset.notes ?? null]]} testId="asset-details" /></section>
      ) : null}
    </div>
  );
}

const METHOD_WORDS: Record<string, string> = {
  crypto_erase: 'Cryptographic erase', overwrite: 'Overwrite', degauss: 'Degauss', physical_destruction: 'Physical destruction',
  vendor_certified: 'Certified by the vendor', no_data_bearing: 'Holds no data',
};

/** How the asset's data was destroyed, as recorded at disposal. */
function DisposalCard({ asset, generation }: { asset: Asset; generation: number }) {
  const { api } = useApp();
  const record = useLoader(`sanitisation:${asset.id}:${generation}`, useCallback((s: AbortSignal) => fetchSanitisation(api, asset.id, s), [api, asset.id, generation]));
  const r = record.data;
  return (
    <section class="card" aria-label="Data sanitisation" data-testid="asset-sanitisation">
      <h2 class="card-title">Data sanitisation</h2>
      {r ? (
        <Facts facts={[['Method', METHOD_WORDS[r.method] ?? r.method], ['Performed on', r.performedOn], ['Performed by', r.performedBy],
          ['Certificate', r.certificateRef ?? null], ['Recycler', r.recycler ?? null], ['Recorded by', r.recordedBy]]} />
      ) : <p class="muted">{record.data === null ? 'No sanitisation recorded yet: disposal needs one.' : 'Loading…'}</p>}
    </section>
  );
}

/** Contracts and maintenance that cover the asset, its check-outs and its full history. */
function CoverCards({ asset, generation }: { asset: Asset; generation: number }) {
  const { api } = useApp();
  const key = `${asset.id}:${generation}`;
  const contracts = useLoader(`contracts:${key}`, useCallback((s: AbortSignal) => fetchAssetContracts(api, asset.id, s), [api, key]));
  const orders = useLoader(`orders:${key}`, useCallback((s: AbortSignal) => fetchAssetWorkOrders(api, asset.id, s), [api, key]));
  const checkouts = useLoader(`checkouts:${key}`, useCallback((s: AbortSignal) => fetchAssignments(api, { assetId: asset.id }, s), [api, key]));
  const history = useLoader(`history:${key}`, useCallback((s: AbortSignal) => fetchAssetHistory(api, asset.id, s), [api, key]));
  return (
    <div class="card-grid">
      <section class="card" aria-label="Contracts" data-testid="asset-contracts">
        <h2 class="card-title">Contracts</h2>
        {contracts.error ? <ErrorNotice error={contracts.error} /> : null}
        {contracts.data?.items.length ? (
          <ul class="plain-list">{contracts.data.items.map((c) => <li key={c.id}>{c.name} ({c.kind}{c.endsOn ? `, ends ${c.endsOn}` : ''})</li>)}</ul>
        ) : <p class="muted">{contracts.data ? 'No contract covers this asset.' : 'Loading…'}</p>}
      </section>
      <section class="card" aria-label="Maintenance" data-testid="asset-maintenance">
        <h2 class="card-title">Maintenance</h2>
        {orders.data?.items.length ? (
          <ul class="plain-list">{orders.data.items.map((o) => <li key={o.id}>{o.openedOn} · {o.title} ({o.status.replace('_', ' ')})</li>)}</ul>
        ) : <p class="muted">{orders.data ? 'No maintenance recorded.' : 'Loading…'}</p>}
      </section>
      <section class="card" aria-label="Check-outs" data-testid="asset-checkouts">
        <h2 class="card-title">Check-outs</h2>
        {checkouts.data?.items.length ? (
          <ul class="plain-list">{checkouts.data.items.map((a) => (
            <li key={a.id}>{a.target.name}: {formatDateTime(a.checkedOutAt)}{a.expectedReturn ? `, due ${a.expectedReturn}` : ''}{a.checkedInAt ? `, back ${formatDateTime(a.checkedInAt)}` : ''}{a.overdue ? ' · overdue' : ''}{a.note ? ` · ${a.note}` : ''}</li>
          ))}</ul>
        ) : <p class="muted">{checkouts.data ? 'Never checked out.' : 'Loading…'}</p>}
      </section>
      <section class="card" aria-label="History" data-testid="asset-history">
        <h2 class="card-title">History</h2>
        {history.data?.items.length ? (
          <ol class="plain-list">{history.data.items.map((h) => <li key={h.id}>{formatDateTime(h.at)} · {h.action.replace(/_/g, ' ')}{h.by ? ` by ${h.by}` : ''}</li>)}</ol>
        ) : <p class="muted">{history.data ? 'No history.' : 'Loading…'}</p>}
      </section>
    </div>
  );
}
