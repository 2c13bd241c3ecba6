import { useCallback, useState } from 'preact/hooks';
import type { Entitlement } from '@steward/shared';
import { deleteEntitlement, fetchEntitlements } from '../../api/licences.js';
import { useApp } from '../../app/app-context.js';
import { EmptyState, ErrorNotice, LoadingRow } from '../../components/notices.js';
import { formatCount } from '../../format/numbers.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useSubmit } from '../../hooks/use-submit.js';
import { can } from '../../permissions.js';
import { EntitlementForm } from './entitlement-form.js';
import { formatMoney } from './format-money.js';

/** The licences the organisation holds; people with licences:write record, change and delete them. */
export function EntitlementsPanel() {
  const { api, me } = useApp();
  const editable = can(me.role, 'licenses:write');
  const entitlements = useLoader('entitlements', useCallback((signal: AbortSignal) => fetchEntitlements(api, signal), [api]));
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const { busy, error, run } = useSubmit();
  const done = () => { setEditing(null); entitlements.reload(); };
  const remove = (item: Entitlement) => {
    if (!confirm(`Delete the ${item.productName} entitlement?`)) return;
    void run(() => deleteEntitlement(api, item.id), entitlements.reload);
  };
  if (entitlements.error) return <ErrorNotice error={entitlements.error} onRetry={entitlements.reload} />;
  if (!entitlements.data) return <LoadingRow text="Loading entitlements…" />;
  const items = entitlements.data.items;
  return (
    <div class="card card-flush" data-testid="entitlements-panel">
      <div class="card-head card-title-padded">
        <h2 class="card-title">{formatCount(items.length)} entitlement{items.length === 1 ? '' : 's'}</h2>
        {editable && editing !== 'new' ? <button type="button" class="button" onClick={() => setEditing('new')}>Record entitlement</button> : null}
      </div>
      {editing === 'new' ? <div class="card-body"><EntitlementForm onDone={done} onCancel={() => setEditing(null)} /></div> : null}
      {error ? <div class="card-body"><ErrorNotice error={error} /></div> : null}
      {items.length === 0 ? (
        <EmptyState icon="licences" title="No entitlements recorded"><p>Entitlements are the licences the organisation holds: record them here, through the licences API or an import.</p></EmptyState>
      ) : (
        <div class="table-wrap table-scroll">
          <table class="data-table" data-testid="entitlements-table">
            <caption class="visually-hidden">Entitlements</caption>
            <thead>
              <tr>
                <th scope="col">Product</th><th scope="col">Metric</th><th scope="col" class="numeric">Quantity</th>
                <th scope="col" class="numeric">Used</th><th scope="col" class="optional">Term</th><th scope="col" class="optional">Vendor · contract</th>
                <th scope="col" class="numeric optional">Unit cost</th>{editable ? <th scope="col"><span class="visually-hidden">Actions</span></th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => [
                <tr key={item.id} data-entitlement-id={item.id}>
                  <td class="cell-primary">{item.productName}<div class="cell-sub">{item.publisher}{item.release ? ` · ${item.release}` : ''}{item.licenceKeyCount ? ` · ${item.licenceKeyCount} key${item.licenceKeyCount === 1 ? '' : 's'} stored` : ''}</div></td>
                  <td>{item.metric}</td>
                  <td class="numeric">{item.quantity === null ? 'Unlimited' : formatCount(item.quantity)}</td>
                  <td class="numeric">{item.used === null ? '—' : formatCount(item.used)}</td>
                  <td class="optional">{item.termStart || item.termEnd ? `${item.termStart ?? '…'} – ${item.termEnd ?? '…'}` : 'Perpetual'}</td>
                  <td class="optional">{[item.vendor, item.contract].filter(Boolean).join(' · ') || <span class="muted">—</span>}</td>
                  <td class="numeric optional">{formatMoney(item.unitCost, item.currency)}</td>
                  {editable ? (
                    <td class="row-actions">
                      <button type="button" class="button button-quiet" onClick={() => setEditing(item.id)}>Edit</button>
                      <button type="button" class="button button-quiet" disabled={busy} onClick={() => remove(item)}>Delete</button>
                    </td>
                  ) : null}
                </tr>,
                editing === item.id ? (
                  <tr key={`${item.id}-edit`} class="row-panel"><td colSpan={8}><EntitlementForm existing={item} onDone={done} onCancel={() => setEditing(null)} /></td></tr>
                ) : null,
              ])}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
