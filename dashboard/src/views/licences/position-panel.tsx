import { useCallback, useState } from 'preact/hooks';
import { unpricedNote, type LicencePosition } from '@steward/shared';
import { fetchPositions, fetchUnlicensed } from '../../api/licences.js';
import { useApp } from '../../app/app-context.js';
import { EmptyState, ErrorNotice, LoadingRow } from '../../components/notices.js';
import { formatCount } from '../../format/numbers.js';
import { timeAgo } from '../../format/time.js';
import { useLoader } from '../../hooks/use-loader.js';
import { deviceHref } from '../../routing/routes.js';
import { can } from '../../permissions.js';
import { formatMoney } from './format-money.js';
import { PriceForm } from './price-form.js';

export function PositionPanel() {
  const { api } = useApp();
  const positions = useLoader('positions', useCallback((signal: AbortSignal) => fetchPositions(api, signal), [api]));
  const [open, setOpen] = useState<string | null>(null);
  if (positions.error) return <ErrorNotice error={positions.error} onRetry={positions.reload} />;
  if (!positions.data) return <LoadingRow text="Loading the licence position…" />;
  const { items, totals } = positions.data;
  if (items.length === 0) {
    return <EmptyState icon="licences" title="No licensable products found">
      <p>Products appear here once discovered software is recognised as needing a licence.</p>
    </EmptyState>;
  }
  return (
    <div class="card card-flush">
      <p class="card-title card-title-padded" data-testid="position-totals">
        {formatCount(totals.products)} products · {formatCount(totals.unlicensed)} unlicensed installs · shortfall cost {formatMoney(totals.shortfallCost, items.find((item) => item.currency)?.currency ?? null)}
        {unpricedNote(totals) ? <span class="pill pill-warn" data-testid="unpriced-note"> · {unpricedNote(totals)}</span> : null}
      </p>
      <div class="table-wrap table-scroll">
        <table class="data-table" data-testid="position-table">
          <caption class="visually-hidden">Licence position per product</caption>
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col" class="numeric">Entitled</th>
              <th scope="col" class="numeric">Consumed</th>
              <th scope="col" class="numeric">Shortfall</th>
              <th scope="col" class="numeric optional">Surplus</th>
              <th scope="col" class="numeric">Unlicensed</th>
              <th scope="col" class="numeric optional">Shortfall cost</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <PositionRow key={item.productId} position={item} open={open === item.productId} onToggle={() => setOpen(open === item.productId ? null : item.productId)} onPriced={positions.reload} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function PositionRow({ position, open, onToggle, onPriced }: { position: LicencePosition; open: boolean; onToggle: () => void; onPriced: () => void }) {
  const { me } = useApp();
  const noPrice = position.shortfall > 0 && position.shortfallCost === null;
  return (
    <>
      <tr data-product-id={position.productId}>
        <td class="cell-primary">
          <button type="button" class="link-button" aria-expanded={open} onClick={onToggle}>{position.product}</button>
          <div class="cell-sub">{position.publisher} · per {position.metric}</div>
        </td>
        <td class="numeric">{position.entitled === null ? 'Unlimited' : formatCount(position.entitled)}</td>
        <td class="numeric">{formatCount(position.consumed)}</td>
        <td class="numeric">{position.shortfall > 0 ? <span class="pill pill-warn">{formatCount(position.shortfall)}</span> : '0'}</td>
        <td class="numeric optional">{position.surplus === null ? '—' : formatCount(position.surplus)}</td>
        <td class="numeric">{formatCount(position.unlicensed)}</td>
        <td class="numeric optional">{noPrice ? <span class="pill pill-warn">No price</span> : formatMoney(position.shortfallCost, position.currency)}</td>
      </tr>
      {open ? (
        <tr class="row-panel"><td colSpan={7}>
          {can(me.role, 'licenses:write') ? <PriceForm position={position} onPriced={onPriced} /> : null}
          <UnlicensedInstalls productId={position.productId} />
        </td></tr>
      ) : null}
    </>
  );
}

function UnlicensedInstalls({ productId }: { productId: string }) {
  const { api } = useApp();
  const installs = useLoader(`unlicensed:${productId}`, useCallback((signal: AbortSignal) => fetchUnlicensed(api, productId, signal), [api, productId]));
  if (installs.error) return <ErrorNotice error={installs.error} onRetry={installs.reload} />;
  if (!installs.data) return <LoadingRow text="Loading unlicensed installs…" />;
  if (installs.data.items.length === 0) return <p class="muted">Every install of this product is covered.</p>;
  return (
    <table class="data-table nested-table" data-testid="unlicensed-table">
      <caption class="visually-hidden">Unlicensed installs</caption>
      <thead>
        <tr><th scope="col">Device</th><th scope="col">User</th><th scope="col">As installed</th><th scope="col">Last seen</th></tr>
      </thead>
      <tbody>
        {installs.data.items.map((install) => (
          <tr key={`${install.deviceId}:${install.rawName}`}>
            <td><a href={deviceHref(install.deviceId)}>{install.hostname}</a></td>
            <td>{install.user ?? <span class="muted">—</span>}</td>
            <td>{install.rawName}{install.rawVersion ? ` ${install.rawVersion}` : ''}</td>
            <td>{timeAgo(install.lastSeen)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
