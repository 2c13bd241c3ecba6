import { useCallback, useState } from 'preact/hooks';
import { ASSET_TRANSITIONS, type Asset, type AssetStatus } from '@steward/shared';
import { checkInAsset, checkOutAsset, fetchAsset, fetchPeople, transitionAsset } from '../../api/register.js';
import { useApp } from '../../app/app-context.js';
import { ErrorNotice, LoadingRow } from '../../components/notices.js';
import { PageHeader } from '../../components/page-header.js';
import { useLoader } from '../../hooks/use-loader.js';
import { can } from '../../permissions.js';
import { deviceHref } from '../../routing/routes.js';
import { STATUS_LABELS } from './status-labels.js';
import { LabelsControl } from './labels-control.js';

/** One asset, with the lifecycle moves and hand-overs the signed-in role may make. */
export function AssetPage({ id }: { id: string }) {
  const { api, me } = useApp();
  const loaded = useLoader(`asset:${id}`, useCallback((signal: AbortSignal) => fetchAsset(api, id, signal), [api, id]));
  const [item, setItem] = useState<Asset | null>(null);
  const current = item ?? loaded.data;
  if (loaded.error && !current) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!current) return <LoadingRow text="Loading the asset…" />;
  const facts: [string, string | null][] = [
    ['Status', STATUS_LABELS[current.status]],
    ['Category', current.categoryName],
    ['Model', [current.manufacturerName, current.modelName].filter(Boolean).join(' ') || null],
    ['Serial number', current.serial ?? null],
    ['Location', current.locationName],
    ['Assigned to', current.assignedTo?.name ?? null],
    ['Expected back', current.expectedReturn],
    ['Warranty until', current.warrantyExpires ?? null],
  ];
  return (
    <>
      <PageHeader title={`${current.tag} · ${current.name}`} before={<a class="back-link" href="/register">← Register</a>} actions={<LabelsControl assetIds={[current.id]} action="Print label" />} />
      <div class="card">
        <dl class="facts" data-testid="asset-facts">
          {facts.map(([label, value]) => (
            <div class="fact" key={label}><dt>{label}</dt><dd>{value ?? <span class="muted">—</span>}</dd></div>
          ))}
          <div class="fact" data-testid="asset-device">
            <dt>Device</dt>
            <dd>{current.linkedDevice
              ? <><a href={deviceHref(current.linkedDevice.id)}>{current.linkedDevice.hostname}</a> <span class="muted">{linkedHow(current.linkedDevice)}</span></>
              : <span class="muted">No discovered device linked</span>}</dd>
          </div>
        </dl>
      </div>
      {can(me.role, 'register:write') || can(me.role, 'register:checkout') ? (
        <div class="card asset-actions" data-testid="asset-actions">
          {can(me.role, 'register:checkout') ? <CheckoutActions asset={current} onChanged={setItem} /> : null}
          {can(me.role, 'register:write') ? <TransitionForm asset={current} onChanged={setItem} /> : null}
        </div>
      ) : null}
    </>
  );
}

/** How the asset came to be linked to its device, in words. */
function linkedHow(link: NonNullable<Asset['linkedDevice']>): string {
  if (link.method === 'auto') return `(matched by ${link.key.replace('_', ' ')})`;
  return `(linked${link.linkedBy ? ` by ${link.linkedBy}` : ''})`;
}

interface ActionProps {
  asset: Asset;
  onChanged: (asset: Asset) => void;
}

function useAssetCall(onDone: (asset: Asset) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (call: () => Promise<Asset>) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await call());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

function CheckoutActions({ asset, onChanged }: ActionProps) {
  const { api } = useApp();
  const people = useLoader('people', useCallback((signal: AbortSignal) => fetchPeople(api, signal), [api]));
  const [personId, setPersonId] = useState('');
  const { busy, error, run } = useAssetCall(onChanged);
  if (asset.assignedTo) {
    return (
      <section aria-label="Check in">
        <h2 class="card-title">Checked out to {asset.assignedTo.name}</h2>
        <button type="button" class="button button-primary" disabled={busy} onClick={() => void run(async () => { await checkInAsset(api, asset.id); return fetchAsset(api, asset.id); })}>Check in</button>
        {error ? <ErrorNotice error={error} /> : null}
      </section>
    );
  }
  return (
    <form class="inline-form" aria-label="Check out" onSubmit={(event) => {
      event.preventDefault();
      if (personId) void run(async () => { await checkOutAsset(api, asset.id, personId); return fetchAsset(api, asset.id); });
    }}>
      <label class="field">
        <span>Check out to</span>
        <select value={personId} required onChange={(event) => setPersonId(event.currentTarget.value)}>
          <option value="">{people.data?.total === 0 ? 'No people in the register' : 'Choose a person…'}</option>
          {(people.data?.items ?? []).map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
        </select>
      </label>
      <div class="form-buttons"><button type="submit" class="button button-primary" disabled={busy || !personId}>Check out</button></div>
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}

function TransitionForm({ asset, onChanged }: ActionProps) {
  const { api } = useApp();
  const allowed = ASSET_TRANSITIONS[asset.status];
  const [to, setTo] = useState<AssetStatus | ''>('');
  const [reason, setReason] = useState('');
  const { busy, error, run } = useAssetCall((next) => { setTo(''); setReason(''); onChanged(next); });
  if (allowed.length === 0) return <p class="muted">{STATUS_LABELS[asset.status]} is final: no further status change.</p>;
  return (
    <form class="inline-form" aria-label="Change status" onSubmit={(event) => {
      event.preventDefault();
      if (to && reason.trim()) void run(() => transitionAsset(api, asset.id, to, reason.trim()));
    }}>
      <label class="field">
        <span>Change status to</span>
        <select value={to} required onChange={(event) => setTo(event.currentTarget.value as AssetStatus)}>
          <option value="">Choose…</option>
          {allowed.map((status) => <option key={status} value={status}>{STATUS_LABELS[status]}</option>)}
        </select>
      </label>
      <label class="field field-wide">
        <span>Reason</span>
        <input value={reason} required maxLength={2000} onInput={(event) => setReason(event.currentTarget.value)} />
      </label>
      <div class="form-buttons"><button type="submit" class="button" disabled={busy || !to || !reason.trim()}>Change status</button></div>
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}
