import { useCallback, useState } from 'preact/hooks';
import type { Entitlement, EntitlementInput, LicenceMetric } from '@steward/shared';
import { addEntitlement, fetchCommercialProducts, replaceEntitlement } from '../../api/licences.js';
import { useApp } from '../../app/app-context.js';
import { ErrorNotice } from '../../components/notices.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useSubmit } from '../../hooks/use-submit.js';

const METRICS: readonly { id: LicenceMetric; label: string }[] = [
  { id: 'device', label: 'Per device' }, { id: 'user', label: 'Per user' }, { id: 'core', label: 'Per core' },
  { id: 'concurrent', label: 'Concurrent users' }, { id: 'subscription', label: 'Subscription seats' }, { id: 'site', label: 'Site (unlimited)' },
];

interface EntitlementFormProps {
  existing?: Entitlement;
  onDone: () => void;
  onCancel: () => void;
}

/** Text fields of the form, as typed; turned into the API's shape on submit. */
function initialFields(existing?: Entitlement) {
  return {
    productId: existing?.productId ?? '', metric: existing?.metric ?? 'device' as LicenceMetric,
    quantity: existing?.quantity?.toString() ?? '', release: existing?.release ?? '', termStart: existing?.termStart ?? '', termEnd: existing?.termEnd ?? '',
    unitCost: existing?.unitCost?.toString() ?? '', currency: existing?.currency ?? 'EUR', vendor: existing?.vendor ?? '', contract: existing?.contract ?? '',
    description: existing?.description ?? '', keys: '',
  };
}
type Fields = ReturnType<typeof initialFields>;

function toInput(fields: Fields, existing?: Entitlement): EntitlementInput {
  const optional = (value: string) => value.trim() || undefined;
  const keys = fields.keys.split(/\r?\n/).map((key) => key.trim()).filter(Boolean);
  return {
    productId: fields.productId, metric: fields.metric,
    quantity: fields.metric === 'site' || !fields.quantity ? undefined : Number(fields.quantity),
    release: optional(fields.release), termStart: optional(fields.termStart), termEnd: optional(fields.termEnd),
    unitCost: fields.unitCost ? Number(fields.unitCost) : undefined, currency: fields.currency.trim().toUpperCase() || 'EUR',
    vendor: optional(fields.vendor), contract: optional(fields.contract), description: optional(fields.description),
    downgradeRights: existing?.downgradeRights ?? false, editions: existing?.editions ?? undefined,
    // Keys are write-only: sent only when typed, so a replacement keeps the stored ones otherwise.
    ...(keys.length ? { licenceKeys: keys } : {}),
  };
}

/** Records an entitlement, or replaces one; licence keys can be set but are never shown. */
export function EntitlementForm({ existing, onDone, onCancel }: EntitlementFormProps) {
  const { api } = useApp();
  const products = useLoader('commercial-products', useCallback((signal: AbortSignal) => fetchCommercialProducts(api, signal), [api]));
  const [fields, setFields] = useState(() => initialFields(existing));
  const { busy, error, run } = useSubmit();
  const set = (key: keyof Fields) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setFields((current) => ({ ...current, [key]: value }));
  };
  const submit = () => run(() => existing ? replaceEntitlement(api, existing.id, toInput(fields, existing)) : addEntitlement(api, toInput(fields)), onDone);
  return (
    <form class="inline-form settings-form" aria-label={existing ? `Edit the ${existing.productName} entitlement` : 'Record an entitlement'} data-testid="entitlement-form"
      onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <label class="field field-wide">
        <span>Product</span>
        <select value={fields.productId} required onChange={set('productId')}>
          <option value="">{products.data ? 'Choose a product' : 'Loading products…'}</option>
          {(products.data?.items ?? []).map((product) => <option key={product.id} value={product.id}>{product.publisher} {product.name}</option>)}
        </select>
      </label>
      <label class="field">
        <span>Counted</span>
        <select value={fields.metric} onChange={set('metric')}>{METRICS.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}</select>
      </label>
      {fields.metric !== 'site' ? <label class="field field-narrow"><span>Quantity</span><input type="number" min={0} required value={fields.quantity} onInput={set('quantity')} /></label> : null}
      <label class="field field-narrow"><span>Release</span><input value={fields.release} maxLength={64} placeholder="Any" onInput={set('release')} /></label>
      <label class="field field-narrow"><span>Term starts</span><input type="date" value={fields.termStart} onInput={set('termStart')} /></label>
      <label class="field field-narrow"><span>Term ends</span><input type="date" value={fields.termEnd} onInput={set('termEnd')} /></label>
      <label class="field field-narrow"><span>Unit cost</span><input type="number" min={0} step="0.01" value={fields.unitCost} onInput={set('unitCost')} /></label>
      <label class="field field-narrow"><span>Currency</span><input value={fields.currency} maxLength={3} pattern="[A-Za-z]{3}" onInput={set('currency')} /></label>
      <label class="field"><span>Vendor</span><input value={fields.vendor} maxLength={256} onInput={set('vendor')} /></label>
      <label class="field"><span>Contract</span><input value={fields.contract} maxLength={256} onInput={set('contract')} /></label>
      <label class="field field-wide">
        <span>Licence keys <small class="muted">(one a line; {existing?.licenceKeyCount ? `${existing.licenceKeyCount} stored, kept unless you type new ones` : 'stored sealed, never shown again'})</small></span>
        <textarea rows={2} value={fields.keys} autoComplete="off" spellcheck={false} onInput={set('keys')} />
      </label>
      <div class="form-buttons">
        <button type="submit" class="button button-primary" disabled={busy}>{existing ? 'Save entitlement' : 'Record entitlement'}</button>
        <button type="button" class="button button-quiet" onClick={onCancel}>Cancel</button>
      </div>
      {error || products.error ? <ErrorNotice error={error ?? products.error} /> : null}
    </form>
  );
}
