import { useState } from 'preact/hooks';
import type { LicencePosition } from '@steward/shared';
import { setProductPrice } from '../../api/licences.js';
import { useApp } from '../../app/app-context.js';
import { ErrorNotice } from '../../components/notices.js';
import { useSubmit } from '../../hooks/use-submit.js';

/**
 * Prices a product's shortfall from its position: the organisation's own price (in any currency)
 * or the catalogue's list price (in EUR). An entitlement's unit cost still comes first.
 */
export function PriceForm({ position, onPriced }: { position: LicencePosition; onPriced: () => void }) {
  const { api } = useApp();
  const [source, setSource] = useState<'organisation' | 'list'>('organisation');
  const [price, setPrice] = useState('');
  const [currency, setCurrency] = useState(position.currency ?? 'EUR');
  const { busy, error, run } = useSubmit();
  const save = () => setProductPrice(api, position.productId, {
    source, price: price.trim() === '' ? null : Number(price), currency: source === 'list' ? 'EUR' : currency.trim().toUpperCase(),
  });
  return (
    <form class="inline-form" aria-label={`Price of ${position.product}`} data-testid="price-form"
      onSubmit={(event) => { event.preventDefault(); void run(save, () => { setPrice(''); onPriced(); }); }}>
      <label class="field field-narrow">
        <span>Price from</span>
        <select value={source} onChange={(e) => setSource(e.currentTarget.value as 'organisation' | 'list')}>
          <option value="organisation">Our own price</option>
          <option value="list">Catalogue list price</option>
        </select>
      </label>
      <label class="field field-narrow">
        <span>Unit price <small class="muted">(empty clears it)</small></span>
        <input type="number" min={0} step="0.01" inputMode="decimal" value={price} onInput={(e) => setPrice(e.currentTarget.value)} />
      </label>
      {source === 'organisation' ? (
        <label class="field field-narrow">
          <span>Currency</span>
          <input value={currency} maxLength={3} pattern="[A-Za-z]{3}" required onInput={(e) => setCurrency(e.currentTarget.value)} />
        </label>
      ) : null}
      <div class="form-buttons"><button type="submit" class="button button-primary" disabled={busy}>Set price</button></div>
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}
