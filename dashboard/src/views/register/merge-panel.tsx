import { useEffect, useState } from 'preact/hooks';
import type { MergePreview } from '@steward/shared';
import { mergeReference, previewMerge } from '../../api/register-field-work.js';
import type { AnyReference } from '../../api/register-records.js';
import { useApp } from '../../app/app-context.js';
import { useSubmit } from '../../hooks/use-submit.js';
import type { ReferenceScreen } from './reference-screens.js';
import { ActionError } from './register-nav.js';

/** What a referring column holds, in words: "assets", "people", "check-outs"… */
const HOLDERS: Record<string, string> = {
  register_assets: 'assets', register_people: 'people', register_departments: 'departments', register_locations: 'locations within it',
  register_categories: 'categories within it', register_models: 'models', register_contracts: 'contracts', register_audit_rounds: 'audit rounds',
  register_audit_scans: 'audit scans', register_maintenance_schedules: 'maintenance schedules', register_work_orders: 'work orders',
  register_acquisitions: 'purchase records', register_assignments: 'check-outs, past and present',
};
const COLUMNS: Record<string, string> = { assigned_id: 'checked out to it', manager_id: 'managed by this person', parent_id: 'within it' };

function describe(reference: MergePreview['references'][number]): string {
  const what = HOLDERS[reference.table] ?? reference.table.replace(/^register_/, '').replace(/_/g, ' ');
  const how = reference.table === 'register_assets' && COLUMNS[reference.column] ? ` (${COLUMNS[reference.column]})` : '';
  return `${reference.rows} ${what}${how}`;
}

/**
 * Merging a duplicate into the record that stays: choose the survivor, read how many references
 * move (or why it cannot be done), then confirm.
 */
export function MergePanel({ screen, from, items, onMerged, onCancel }: {
  screen: ReferenceScreen; from: AnyReference; items: AnyReference[]; onMerged: (message: string) => void; onCancel: () => void;
}) {
  const { api } = useApp();
  const [intoId, setIntoId] = useState('');
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const reading = useSubmit();
  const merge = useSubmit();
  useEffect(() => {
    setPreview(null);
    if (!intoId) return;
    const controller = new AbortController();
    void reading.run(async () => setPreview(await previewMerge(api, screen.path, from.id, intoId, controller.signal)));
    return () => controller.abort();
  }, [intoId]);
  const others = items.filter((item) => item.id !== from.id);
  const label = (item: AnyReference) => (typeof item.path === 'string' ? item.path : item.name);
  const confirm = () => merge.run(async () => {
    const { moved } = await mergeReference(api, screen.path, from.id, intoId);
    onMerged(`Merged ${from.name} into ${preview?.into.name ?? 'the record kept'}: ${moved} ${moved === 1 ? 'reference' : 'references'} moved.`);
  });
  return (
    <form class="card inline-form" aria-label={`Merge ${from.name}`} data-testid="merge-panel" onSubmit={(e) => { e.preventDefault(); if (preview && !preview.refusal) void confirm(); }}>
      <h2 class="card-title form-title">Merge {from.name} into another {screen.noun}</h2>
      <p class="field-wide muted">Everything that refers to {from.name} will refer to the {screen.noun} you keep, and {from.name} is deleted.</p>
      <label class="field"><span>{`The ${screen.noun} to keep`}</span>
        <select value={intoId} required onChange={(e) => setIntoId(e.currentTarget.value)} data-testid="merge-into">
          <option value="">{others.length ? 'Choose…' : `No other ${screen.noun}`}</option>
          {others.map((item) => <option key={item.id} value={item.id}>{label(item)}</option>)}
        </select>
      </label>
      {preview ? (
        <div class="field-wide" role="status" data-testid="merge-preview">
          {preview.refusal ? <p class="notice notice-error">Cannot merge: {preview.refusal}</p> : (
            <>
              <p><strong>{preview.total} {preview.total === 1 ? 'reference moves' : 'references move'}</strong> from {preview.from.name} to {preview.into.name}.</p>
              {preview.references.length ? <ul class="plain-list">{preview.references.map((r) => <li key={`${r.table}.${r.column}`}>{describe(r)}</li>)}</ul> : null}
            </>
          )}
        </div>
      ) : null}
      <div class="form-buttons">
        <button type="submit" class="button button-primary" disabled={!preview || Boolean(preview.refusal) || merge.busy}>
          {preview && !preview.refusal ? `Merge ${from.name} into ${preview.into.name}` : 'Merge'}
        </button>
        <button type="button" class="button button-quiet" onClick={onCancel}>Cancel</button>
      </div>
      <ActionError error={reading.error ?? merge.error} />
    </form>
  );
}
