import { useState } from 'preact/hooks';
import { ASSET_TRANSITIONS, type Asset, type AssetStatus, type BulkAssetRequest } from '@steward/shared';
import { ApiFailure } from '../../api/api-client.js';
import { ASSET_STATUSES, changeAssets } from '../../api/register.js';
import { useApp } from '../../app/app-context.js';
import { can } from '../../permissions.js';
import { LabelsControl } from './labels-control.js';
import { STATUS_LABELS } from './status-labels.js';
import { useReferences } from './use-lookups.js';

type BulkAction = 'status' | 'location' | 'department' | 'checkout' | 'checkin';
const ACTION_LABELS: Record<BulkAction, string> = {
  status: 'Change status', location: 'Set location', department: 'Set department', checkout: 'Check out to a person', checkin: 'Check in',
};
/** How many refusals the bar lists; the count says how many more there were. */
const LISTED_REFUSALS = 50;

type Outcome = { changed: number } | { message: string; refused: string[] };

/** What can be done to the assets selected in the list: status, location, department, check-out and in, labels. */
export function BulkBar({ selected, onDone, onClear }: { selected: Asset[]; onDone: () => void; onClear: () => void }) {
  const { api, me } = useApp();
  const people = useReferences('people');
  const locations = useReferences('locations');
  const departments = useReferences('departments');
  const mayWrite = can(me.role, 'register:write');
  const actions = (Object.keys(ACTION_LABELS) as BulkAction[]).filter((a) => (a === 'checkout' || a === 'checkin' ? can(me.role, 'register:checkout') : mayWrite));
  const [action, setAction] = useState<BulkAction>(actions[0] ?? 'checkin');
  const [status, setStatus] = useState<AssetStatus | ''>('');
  const [target, setTarget] = useState('');
  const [due, setDue] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const reachable = ASSET_STATUSES.filter((s) => selected.some((a) => ASSET_TRANSITIONS[a.status].includes(s)));
  const request = (): BulkAssetRequest['action'] => {
    const note = reason.trim() || undefined;
    switch (action) {
      case 'status': return { type: 'status', to: status as AssetStatus, reason: reason.trim() };
      case 'location': return { type: 'set', values: { locationId: target || null } };
      case 'department': return { type: 'set', values: { departmentId: target || null } };
      case 'checkout': return { type: 'checkout', target: { type: 'person', id: target }, expectedReturn: due || undefined, note };
      case 'checkin': return { type: 'checkin', note };
    }
  };
  const apply = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const answer = await changeAssets(api, { ids: selected.map((a) => a.id), action: request() });
      setOutcome({ changed: answer.changed });
      onDone();
    } catch (error) {
      setOutcome({ message: error instanceof Error ? error.message : String(error), refused: error instanceof ApiFailure ? error.issues : [] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card bulk-bar" aria-label="Selected assets" data-testid="bulk-bar">
      <form class="inline-form" aria-label="Change the selected assets" onSubmit={(e) => { e.preventDefault(); void apply(); }}>
        <p class="bulk-count"><strong>{selected.length}</strong> selected</p>
        {actions.length ? (
          <label class="field field-narrow"><span>Action</span>
            <select value={action} onChange={(e) => { setAction(e.currentTarget.value as BulkAction); setTarget(''); setOutcome(null); }}>
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
        {action === 'department' ? (
          <label class="field"><span>Department</span>
            <select value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
              <option value="">No department</option>
              {(departments.data?.items ?? []).map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
          </label>
        ) : null}
        {action === 'checkout' ? (
          <>
            <label class="field"><span>Person</span>
              <select value={target} required onChange={(e) => setTarget(e.currentTarget.value)}>
                <option value="">Choose…</option>
                {(people.data?.items ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
              </select>
            </label>
            <label class="field field-narrow"><span>Expected return</span>
              <input type="date" value={due} onInput={(e) => setDue(e.currentTarget.value)} /></label>
          </>
        ) : null}
        {action === 'status' || action === 'checkout' || action === 'checkin' ? (
          <label class="field"><span>{action === 'status' ? 'Reason' : 'Note'}</span>
            <input value={reason} required={action === 'status'} maxLength={2000} onInput={(e) => setReason(e.currentTarget.value)} /></label>
        ) : null}
        <div class="form-buttons">
          {actions.length ? <button type="submit" class="button button-primary" disabled={busy}>{busy ? 'Working…' : `Apply to ${selected.length}`}</button> : null}
          <button type="button" class="button button-quiet" onClick={onClear}>Clear selection</button>
        </div>
      </form>
      <LabelsControl assetIds={selected.map((a) => a.id)} action="Labels for the selected" />
      {outcome && 'changed' in outcome ? (
        <div role="status" data-testid="bulk-result"><p>Changed {outcome.changed} of {outcome.changed} assets.</p></div>
      ) : null}
      {outcome && 'message' in outcome ? (
        <div class="notice notice-error" role="alert" data-testid="bulk-refused">
          <p>Nothing was changed. {outcome.message}</p>
          {outcome.refused.length ? (
            <ul class="plain-list">
              {outcome.refused.slice(0, LISTED_REFUSALS).map((r) => <li key={r}>{r}</li>)}
              {outcome.refused.length > LISTED_REFUSALS ? <li>…and {outcome.refused.length - LISTED_REFUSALS} more</li> : null}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
