import { useCallback, useState } from 'preact/hooks';
import { customFieldType, type CustomFieldDefinition } from '@steward/shared';
import { createReference, deleteReference, updateReference, type AnyReference } from '../../api/register-records.js';
import { fetchAssets } from '../../api/register.js';
import { useApp } from '../../app/app-context.js';
import { EmptyState, ErrorNotice, LoadingRow } from '../../components/notices.js';
import { PageHeader } from '../../components/page-header.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useSubmit } from '../../hooks/use-submit.js';
import { can } from '../../permissions.js';
import { MergePanel } from './merge-panel.js';
import { bodyOf, RecordFields, valuesOf, type FieldValues } from './record-fields.js';
import type { ReferenceScreen } from './reference-screens.js';
import { ActionError, HelpLink, RegisterNav } from './register-nav.js';
import { useLookups, useReferences } from './use-lookups.js';

/** A reference list (people, locations, vendors…): its records, and for writers a form to add, change or delete one. */
export function ReferenceView({ screen }: { screen: ReferenceScreen }) {
  const { api, me } = useApp();
  const list = useReferences(screen.path);
  const lookups = useLookups();
  const [editing, setEditing] = useState<AnyReference | 'new' | null>(null);
  const [merging, setMerging] = useState<AnyReference | null>(null);
  const [merged, setMerged] = useState<string | null>(null);
  const removal = useSubmit();
  const mayWrite = can(me.role, 'register:write');
  const items = (list.data?.items ?? []) as unknown as AnyReference[];
  const done = () => { setEditing(null); list.reload(); };
  const afterMerge = (message: string) => { setMerging(null); setMerged(message); list.reload(); };
  return (
    <>
      <PageHeader title={screen.title} subtitle={screen.intro}
        actions={<>{mayWrite ? <button type="button" class="button button-primary" onClick={() => setEditing('new')}>New {screen.noun}</button> : null}<HelpLink topic={screen.path} /></>} />
      <RegisterNav current={`/register/${screen.path}`} />
      {editing ? <ReferenceForm key={editing === 'new' ? 'new' : editing.id} screen={screen} existing={editing === 'new' ? undefined : editing} onDone={done} onCancel={() => setEditing(null)} /> : null}
      {merging ? <MergePanel key={merging.id} screen={screen} from={merging} items={items} onMerged={afterMerge} onCancel={() => setMerging(null)} /> : null}
      {merged ? <p class="notice notice-info" role="status" data-testid="merge-done">{merged}</p> : null}
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      <ActionError error={removal.error} />
      {!list.data && !list.error ? <LoadingRow text={`Loading ${screen.title.toLowerCase()}…`} /> : null}
      {list.data && items.length === 0 ? (
        <EmptyState icon="register" title={`No ${screen.title.toLowerCase()} yet`}>
          <p>{mayWrite ? `Add the first with “New ${screen.noun}”.` : 'Someone with the right to edit the register adds them.'}</p>
        </EmptyState>
      ) : null}
      {items.length > 0 ? (
        <div class="card card-flush">
          <div class="table-wrap table-scroll">
            <table class="data-table" data-testid={`${screen.path}-table`}>
              <caption class="visually-hidden">{screen.title}</caption>
              <thead><tr>{screen.columns.map((c) => <th key={c.label} scope="col">{c.label}</th>)}{mayWrite ? <th scope="col"><span class="visually-hidden">Actions</span></th> : null}</tr></thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.id} data-name={item.name}>
                    {screen.columns.map((c) => <td key={c.label}>{c.value(item, lookups) ?? <span class="muted">—</span>}</td>)}
                    {mayWrite ? (
                      <td class="row-actions">
                        <button type="button" class="button" aria-label={`Edit ${item.name}`} onClick={() => setEditing(item)}>Edit</button>
                        <button type="button" class="button" aria-label={`Merge ${item.name} into another ${screen.noun}`} disabled={items.length < 2}
                          onClick={() => { setMerged(null); setEditing(null); setMerging(item); }}>Merge into…</button>
                        <button type="button" class="button button-quiet" aria-label={`Delete ${item.name}`} disabled={removal.busy}
                          onClick={() => { if (window.confirm(`Delete ${item.name}?`)) void removal.run(() => deleteReference(api, screen.path, item.id), list.reload); }}>Delete</button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </>
  );
}

function ReferenceForm({ screen, existing, onDone, onCancel }: { screen: ReferenceScreen; existing?: AnyReference; onDone: () => void; onCancel: () => void }) {
  const { api } = useApp();
  const lookups = useLookups();
  const specs = screen.fields(lookups);
  const [values, setValues] = useState<FieldValues>(() => {
    const initial = valuesOf(specs, existing);
    if (!existing && 'active' in initial) initial.active = 'true';
    return initial;
  });
  const [customFields, setCustomFields] = useState<CustomFieldDefinition[]>(() => (existing?.customFields as CustomFieldDefinition[] | undefined) ?? []);
  const { busy, error, run } = useSubmit();
  const submit = () => {
    const body = bodyOf(specs, values, !existing);
    if (screen.path === 'categories') body.customFields = customFields;
    return run(() => (existing ? updateReference(api, screen.path, existing.id, body) : createReference(api, screen.path, body)), onDone);
  };
  const title = existing ? `Edit ${existing.name}` : `New ${screen.noun}`;
  return (
    <form class="card inline-form register-form" aria-label={title} data-testid="reference-form" onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <h2 class="card-title form-title">{title}</h2>
      <RecordFields specs={specs} values={values} idPrefix={`ref-${screen.path}`} onChange={(key, value) => setValues((current) => ({ ...current, [key]: value }))} />
      {screen.path === 'categories' ? <CustomFieldsEditor fields={customFields} onChange={setCustomFields} /> : null}
      {screen.path === 'people' && existing ? <PersonHoldings personId={existing.id} /> : null}
      <div class="form-buttons">
        <button type="submit" class="button button-primary" disabled={busy}>{existing ? 'Save changes' : `Add ${screen.noun}`}</button>
        <button type="button" class="button button-quiet" onClick={onCancel}>Cancel</button>
      </div>
      <ActionError error={error} />
    </form>
  );
}

const FIELD_TYPE_LABELS: Record<string, string> = { text: 'Text', number: 'Number', date: 'Date', boolean: 'Yes / no', enum: 'One of a list' };

/** A category's own fields: key, label, type, required, and the choices of a list field. */
function CustomFieldsEditor({ fields, onChange }: { fields: CustomFieldDefinition[]; onChange: (fields: CustomFieldDefinition[]) => void }) {
  const change = (index: number, patch: Partial<CustomFieldDefinition>) => onChange(fields.map((f, i) => (i === index ? { ...f, ...patch } : f)));
  return (
    <fieldset class="custom-fields-editor field-wide" data-testid="custom-fields-editor">
      <legend>Custom fields</legend>
      {fields.length === 0 ? <p class="muted">No custom fields: assets of this category hold the standard fields only.</p> : null}
      {fields.map((field, index) => (
        <div class="inline-form custom-field-row" key={index}>
          <label class="field field-narrow"><span>Field label</span><input value={field.label} required maxLength={128}
            onInput={(e) => { const label = e.currentTarget.value; change(index, { label, key: field.key || keyOf(label) }); }} /></label>
          <label class="field field-narrow"><span>Key</span><input value={field.key} required pattern="[a-z][a-z0-9_]*" maxLength={63} onInput={(e) => change(index, { key: e.currentTarget.value })} /></label>
          <label class="field field-narrow"><span>Type</span>
            <select value={field.type} onChange={(e) => change(index, { type: e.currentTarget.value as CustomFieldDefinition['type'] })}>
              {customFieldType.options.map((t) => <option key={t} value={t}>{FIELD_TYPE_LABELS[t]}</option>)}
            </select>
          </label>
          {field.type === 'enum' ? (
            <label class="field"><span>Choices (comma-separated)</span><input value={(field.options ?? []).join(', ')} required
              onInput={(e) => change(index, { options: e.currentTarget.value.split(',').map((o) => o.trim()).filter(Boolean) })} /></label>
          ) : null}
          <label class="check-field"><input type="checkbox" checked={field.required} onChange={(e) => change(index, { required: e.currentTarget.checked })} /> Required</label>
          <button type="button" class="button button-quiet" aria-label={`Remove the field ${field.label || index + 1}`} onClick={() => onChange(fields.filter((_, i) => i !== index))}>Remove</button>
        </div>
      ))}
      <button type="button" class="button" onClick={() => onChange([...fields, { key: '', label: '', type: 'text', required: false }])}>Add a custom field</button>
    </fieldset>
  );
}

function keyOf(label: string): string {
  const key = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(key) ? key.slice(0, 63) : '';
}

/** What a person holds now: the assets checked out to them. */
function PersonHoldings({ personId }: { personId: string }) {
  const { api } = useApp();
  const held = useLoader(`held:${personId}`, useCallback((signal: AbortSignal) => fetchAssets(api, { assignedPersonId: personId, limit: 100, offset: 0 }, signal), [api, personId]));
  return (
    <div class="field-wide" data-testid="person-holdings">
      <h3 class="card-title">Holds</h3>
      {held.data?.items.length ? (
        <ul class="plain-list">{held.data.items.map((item) => <li key={item.id}><a href={`/register/${item.id}`}>{item.tag}</a> {item.name}</li>)}</ul>
      ) : <p class="muted">{held.data ? 'Nothing checked out to this person.' : 'Loading…'}</p>}
    </div>
  );
}
