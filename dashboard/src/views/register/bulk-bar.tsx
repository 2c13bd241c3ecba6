import { useState } from 'preact/hooks';
import { ASSET_TRANSITIONS, type Asset, type AssetStatus } from '@steward/shared';
import { ASSET_STATUSES, checkInAsset, checkOutAsset, transitionAsset, updateAsset } from '../../api/register.js';
import { useApp } from '../../app/app-context.js';
import { can } from '../../permissions.js';
import { LabelsControl } from './labels-control.js';
import { STATUS_LABELS } from './status-labels.js';
import { useReferences } from './use-lookups.js';

type BulkAction = 'status' | 'location' | 'checkout' | 'checkin';
const ACTION_LABELS: Record<BulkAction, string> = { status: 'Change status', location: 'Set location', checkout: 'Check out to a person', checkin: 'Check in' };
const PARALLEL = 4;

/** Runs one change per asset, a few at a time, and names each asset it could not change and why. */
async function eachAsset(assets: Asset[], change: (asset: Asset) => Promise<unknown>): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < assets.length) {
      const asset = assets[next++]!;
      try {
        await change(asset);
      } catch (error) {
        failures.push(`${asset.tag}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, assets.length) }, worker));
  return failures;
}

/** What can be done to the assets selected in the list: status, location, check-out and in, labels. */
export function BulkBar({ selected, onDone, onClear }: { selected: Asset[]; onDone: () => void; onClear: () => void }) {
  const { api, me } = useApp();
  const people = useReferences('people');
  const locations = useReferences('locations');
  const mayWrite = can(me.role, 'register:write');
  const actions = (Object.keys(ACTION_LABELS) as BulkAction[]).filter((a) => (a === 'checkout' || a === 'checkin' ? can(me.role, 'register:checkout') : mayWrite));
  const [action, setAction] = useState<BulkAction>(actions[0] ?? 'checkin');
  const [status, setStatus] = useState<AssetStatus | ''>('');
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ done: number; failures: string[] } | null>(null);
  const reachable = ASSET_STATUSES.filter((s) => selected.some((a) => ASSET_TRANSITIONS[a.status].includes(s)));
  const change = (asset: Asset): Promise<unknown> => {
    switch (action) {
      case 'status': return transitionAsset(api, asset.id, status as AssetStatus, reason.trim());
      case 'location': return updateAsset(api, asset.id, { locationId: target || null });
      case 'checkout': return checkOutAsset(api, asset.id, { targetType: 'person', targetId: target, note: reason.trim() });
      case 'checkin': return checkInAsset(api, asset.id, reason.trim());
    }
  };
  const apply = async () => {
    setBusy(true);
    setOutcome(null);
    const failures = await eachAsset(selected, change);
    setOutcome({ done: selected.length - failures.length, failures });
    setBusy(false);
    onDone();
  };
  return (
    <section class="card bulk-bar" aria-label="Selected assets" data-testid="bulk-bar">
      <form class="inline-form" aria-label="Change the selected assets" onSubmit={(e) => { e.preventDefault(); void apply(); }}>
        <p class="bulk-count"><strong>{selected.length}</strong> selected</p>
        {actions.length ? (
          <label class="field field-narrow"><span>Action</span>
            <select value={action} onChange={(e) => { setAction(e.currentTarget.value as BulkAction); setTarget(''); }}>
              {actions.map((a) => <option key={a} value={a}>{ACTION_LABELS[a]}</option>)}
            </select>
          </label>
        ) : null}
        {action === 'status' ? (
          <label class="field field-narrow"><span>New status</span>
            <select value={status} required onChange={(e) => setStatus(e.currentTarget.value as AssetStatus)}>
              <option value="">Choose…</option>
              {reachable.map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
            </select>
          </label>
        ) : null}
        {action === 'location' ? (
          <label class="field"><span>Location</span>
            <select value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
              <option value="">No location</option>
              {(locations.data?.items ?? []).map((l) => <option key={l.id} value={l.id}>{l.path}</option>)}
            </select>
          </label>
        ) : null}
        {action === 'checkout' ? (
          <label class="field"><span>Person</span>
            <select value={target} required onChange={(e) => setTarget(e.currentTarget.value)}>
              <option value="">Choose…</option>
              {(people.data?.items ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </label>
        ) : null}
        {action !== 'location' ? (
          <label class="field"><span>{action === 'status' ? 'Reason' : 'Note'}</span>
            <input value={reason} required={action === 'status'} maxLength={2000} onInput={(e) => setReason(e.currentTarget.value)} /></label>
        ) : null}
        <div class="form-buttons">
          {actions.length ? <button type="submit" class="button button-primary" disabled={busy}>{busy ? 'Working…' : `Apply to ${selected.length}`}</button> : null}
          <button type="button" class="button button-quiet" onClick={onClear}>Clear selection</button>
        </div>
      </form>
      <LabelsControl assetIds={selected.map((a) => a.id)} action="Labels for the selected" />
      {outcome ? (
        <div role="status" data-testid="bulk-result">
          <p>Changed {outcome.done} of {outcome.done + outcome.failures.length} assets.</p>
          {outcome.failures.length ? <ul class="plain-list">{outcome.failures.map((f) => <li key={f}>{f}</li>)}</ul> : null}
        </div>
      ) : null}
    </section>
  );
}
