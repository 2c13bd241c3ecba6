import { useState } from 'preact/hooks';
import { initialAssetStatus, type Asset, type AssetCreateRequest, type CustomFieldDefinition, type CustomFieldValues } from '@steward/shared';
import { createAsset, updateAsset } from '../../api/register.js';
import { useApp } from '../../app/app-context.js';
import { useSubmit } from '../../hooks/use-submit.js';
import { bodyOf, choicesOf, RecordFields, valuesOf, type FieldSpec, type FieldValues } from './record-fields.js';
import { ActionError } from './register-nav.js';
import { STATUS_LABELS } from './status-labels.js';
import { useLookups, type Lookups } from './use-lookups.js';

export type AssetFormMode = { kind: 'new'; preset?: Partial<Asset> } | { kind: 'edit'; asset: Asset } | { kind: 'clone'; asset: Asset };

const DEPRECIATION: FieldSpec[] = [
  { key: 'depMethod', label: 'Depreciation', kind: 'select', empty: 'From the category or model',
    choices: [{ value: 'straight_line', label: 'Straight line' }, { value: 'declining_balance', label: 'Declining balance' }] },
  { key: 'depLife', label: 'Useful life (months)', kind: 'number' },
  { key: 'depSalvage', label: 'Value left at the end (%)', kind: 'number' },
];

function assetSpecs(l: Lookups, mode: AssetFormMode): FieldSpec[] {
  const creating = mode.kind !== 'edit';
  return [
    { key: 'tag', label: 'Asset tag', kind: 'text', max: 64, required: !creating,
      hint: creating ? 'Type the tag of a pre-printed sticker, or leave empty for the next number from the pattern.' : undefined },
    { key: 'name', label: 'Name', kind: 'text', required: true },
    { key: 'categoryId', label: 'Category', kind: 'select', required: true, empty: 'Choose a category', choices: choicesOf(l.categories) },
    { key: 'modelId', label: 'Model', kind: 'select', choices: (l.models ?? []).map((m) => ({ value: m.id, label: [m.manufacturerName, m.name].filter(Boolean).join(' ') })) },
    { key: 'serial', label: 'Serial number', kind: 'text', max: 128 },
    ...(creating ? [{ key: 'status', label: 'Status', kind: 'select', empty: 'In stock', choices: initialAssetStatus.options.filter((s) => s !== 'in_stock').map((s) => ({ value: s, label: STATUS_LABELS[s] })) } satisfies FieldSpec] : []),
    { key: 'locationId', label: 'Location', kind: 'select', choices: choicesOf(l.locations) },
    { key: 'departmentId', label: 'Department', kind: 'select', choices: choicesOf(l.departments) },
    { key: 'vendorId', label: 'Bought from', kind: 'select', choices: choicesOf(l.vendors) },
    { key: 'purchaseDate', label: 'Purchase date', kind: 'date' },
    { key: 'purchaseCost', label: 'Purchase cost', kind: 'number', step: '0.01' },
    { key: 'currency', label: 'Currency', kind: 'text', max: 3, hint: 'ISO code, e.g. EUR' },
    { key: 'orderNumber', label: 'Order number', kind: 'text', max: 128 },
    { key: 'invoiceNumber', label: 'Invoice number', kind: 'text', max: 128 },
    { key: 'warrantyExpires', label: 'Warranty until', kind: 'date' },
    { key: 'eolDate', label: 'End of life', kind: 'date' },
    { key: 'expiresOn', label: 'Lapses on', kind: 'date', hint: 'Domains, certificates, subscriptions' },
    { key: 'notes', label: 'Notes', kind: 'textarea' },
  ];
}

function customSpecs(fields: CustomFieldDefinition[]): FieldSpec[] {
  return fields.map((f) => ({
    key: `cf:${f.key}`, label: f.label, required: f.required, hint: f.help,
    kind: f.type === 'enum' || f.type === 'boolean' ? 'select' : f.type === 'number' ? 'number' : f.type === 'date' ? 'date' : 'text',
    choices: f.type === 'boolean' ? [{ value: 'true', label: 'Yes' }, { value: 'false', label: 'No' }] : f.options?.map((o) => ({ value: o, label: o })),
  }));
}

function initialValues(specs: FieldSpec[], mode: AssetFormMode): FieldValues {
  const source = mode.kind === 'new' ? mode.preset : mode.asset;
  const values = valuesOf(specs, source as Record<string, unknown> | undefined);
  const dep = source?.depreciation;
  values.depMethod = dep?.method ?? '';
  values.depLife = dep?.usefulLifeMonths?.toString() ?? '';
  values.depSalvage = dep?.salvagePercent?.toString() ?? '';
  for (const [key, value] of Object.entries(source?.customFields ?? {})) values[`cf:${key}`] = value === null ? '' : String(value);
  // A clone is another item of the same kind: its own tag, serial and history.
  if (mode.kind === 'clone') { values.tag = ''; values.serial = ''; values.name = `${mode.asset.name}`; }
  return values;
}

function customValues(fields: CustomFieldDefinition[], values: FieldValues): CustomFieldValues {
  const out: CustomFieldValues = {};
  for (const f of fields) {
    const raw = (values[`cf:${f.key}`] ?? '').trim();
    if (raw === '') continue;
    out[f.key] = f.type === 'number' ? Number(raw) : f.type === 'boolean' ? raw === 'true' : raw;
  }
  return out;
}

/** Registers, edits or clones an asset: every field the register holds, and the custom fields of its category. */
export function AssetForm({ mode, onSaved, onCancel }: { mode: AssetFormMode; onSaved: (asset: Asset) => void; onCancel: () => void }) {
  const { api } = useApp();
  const lookups = useLookups();
  const specs = assetSpecs(lookups, mode);
  const [values, setValues] = useState<FieldValues>(() => initialValues([...specs, ...DEPRECIATION], mode));
  const category = lookups.categories?.find((c) => c.id === values.categoryId);
  const custom = category?.customFields ?? [];
  const { busy, error, run } = useSubmit();
  const submit = () => {
    const body = bodyOf(specs, values, mode.kind !== 'edit');
    if (typeof body.currency === 'string') body.currency = body.currency.toUpperCase();
    body.depreciation = values.depMethod
      ? { method: values.depMethod, usefulLifeMonths: Number(values.depLife || 36), salvagePercent: Number(values.depSalvage || 0) }
      : null;
    body.customFields = customValues(custom, values);
    if (mode.kind === 'new' && mode.preset?.deviceId) body.deviceId = mode.preset.deviceId;
    return run(async () => {
      const saved = mode.kind === 'edit'
        ? await updateAsset(api, mode.asset.id, body)
        : await createAsset(api, body as Partial<AssetCreateRequest>);
      onSaved(saved);
    });
  };
  const title = mode.kind === 'edit' ? `Edit ${mode.asset.tag}` : mode.kind === 'clone' ? `Clone ${mode.asset.tag}` : 'Register an asset';
  const set = (key: string, value: string) => setValues((current) => ({ ...current, [key]: value }));
  return (
    <form class="card inline-form register-form" aria-label={title} data-testid="asset-form" onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <h2 class="card-title form-title">{title}</h2>
      <RecordFields specs={specs} values={values} idPrefix="asset" onChange={set} />
      <fieldset class="field-wide form-group">
        <legend>Depreciation</legend>
        <div class="inline-form"><RecordFields specs={DEPRECIATION} values={values} idPrefix="asset" onChange={set} /></div>
      </fieldset>
      {custom.length ? (
        <fieldset class="field-wide form-group" data-testid="asset-custom-fields">
          <legend>{category?.name} fields</legend>
          <div class="inline-form"><RecordFields specs={customSpecs(custom)} values={values} idPrefix="asset" onChange={set} /></div>
        </fieldset>
      ) : null}
      <div class="form-buttons">
        <button type="submit" class="button button-primary" disabled={busy}>{mode.kind === 'edit' ? 'Save changes' : 'Register asset'}</button>
        <button type="button" class="button button-quiet" onClick={onCancel}>Cancel</button>
      </div>
      <ActionError error={error} />
    </form>
  );
}
