import { useCallback } from 'preact/hooks';
import { fetchEntitlements } from '../../api/licences.js';
import { useApp } from '../../app/app-context.js';
import { EmptyState, ErrorNotice, LoadingRow } from '../../components/notices.js';
import { formatCount } from '../../format/numbers.js';
import { useLoader } from '../../hooks/use-loader.js';
import { formatMoney } from './format-money.js';

export function EntitlementsPanel() {
  const { api } = useApp();
  const entitlements = useLoader('entitlements', useCallback((signal: AbortSignal) => fetchEntitlements(api, signal), [api]));
  if (entitlements.error) return <ErrorNotice error={entitlements.error} onRetry={entitlements.reload} />;
  if (!entitlements.data) return <LoadingRow text="Loading entitlements…" />;
  if (entitlements.data.items.length === 0) {
    return <EmptyState icon="licences" title="No entitlements recorded"><p>Entitlements are the licences the organisation holds: add them through the licences API or an import.</p></EmptyState>;
  }
  return (
    <div class="card card-flush">
      <div class="table-wrap table-scroll">
        <table class="data-table" data-testid="entitlements-table">
          <caption class="visually-hidden">Entitlements</caption>
          <thead>
            <tr>
              <th scope="col">Product</th><th scope="col">Metric</th><th scope="col" class="numeric">Quantity</th>
              <th scope="col" class="numeric">Used</th><th scope="col" class="optional">Term</th><th scope="col" class="optional">Vendor · contract</th>
              <th scope="col" class="numeric optional">Unit cost</th>
            </tr>
          </thead>
          <tbody>
            {entitlements.data.items.map((item) => (
              <tr key={item.id}>
                <td class="cell-primary">{item.productName}<div class="cell-sub">{item.publisher}{item.release ? ` · ${item.release}` : ''}</div></td>
                <td>{item.metric}</td>
                <td class="numeric">{item.quantity === null ? 'Unlimited' : formatCount(item.quantity)}</td>
                <td class="numeric">{item.used === null ? '—' : formatCount(item.used)}</td>
                <td class="optional">{item.termStart || item.termEnd ? `${item.termStart ?? '…'} – ${item.termEnd ?? '…'}` : 'Perpetual'}</td>
                <td class="optional">{[item.vendor, item.contract].filter(Boolean).join(' · ') || <span class="muted">—</span>}</td>
                <td class="numeric optional">{formatMoney(item.unitCost, item.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
