import { useCallback, useState } from 'preact/hooks';
import type { DeliveryRecord } from '@steward/shared';
import { fetchDeliveries } from '../../api/alert-setup.js';
import { useApp } from '../../app/app-context.js';
import { DataTable } from '../../components/data-table.js';
import { ErrorNotice, LoadingRow } from '../../components/notices.js';
import { Pagination } from '../../components/pagination.js';
import { formatDateTime } from '../../format/time.js';
import { useLoader } from '../../hooks/use-loader.js';

const PAGE_SIZE = 25;
const CHANNEL_LABELS: Record<DeliveryRecord['channel'], string> = { email: 'E-mail', webhook: 'Webhook', ticket: 'Helpdesk ticket' };
const STATE_BADGES: Record<DeliveryRecord['state'], string> = { pending: 'badge-muted', sending: 'badge-muted', delivered: 'badge-ok', failed: 'badge-warn' };

/** Every e-mail, webhook call and ticket operation, newest first, with its attempts and the last error. */
export function DeliveriesPanel() {
  const { api } = useApp();
  const [page, setPage] = useState(1);
  const deliveries = useLoader(`deliveries:${page}`, useCallback((signal: AbortSignal) => fetchDeliveries(api, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal), [api, page]));
  const shown = deliveries.data ?? deliveries.previousData;

  return (
    <section class="card settings-section" aria-labelledby="deliveries-title" data-testid="deliveries-panel">
      <div class="card-head">
        <h2 class="card-title" id="deliveries-title">Delivery log</h2>
        <button type="button" class="button button-quiet" onClick={deliveries.reload}>Refresh</button>
      </div>
      {deliveries.error ? <ErrorNotice error={deliveries.error} onRetry={deliveries.reload} /> : null}
      {!shown && !deliveries.error ? <LoadingRow text="Loading the delivery log…" /> : null}
      {shown && shown.total === 0 ? <p class="muted">Nothing sent yet.</p> : null}
      {shown && shown.total > 0 ? (
        <>
          <DataTable testId="deliveries-table" caption="Deliveries" head={<><th scope="col">Queued</th><th scope="col">Channel</th><th scope="col">Event</th><th scope="col">State</th><th scope="col">Attempts</th><th scope="col">Last error</th></>}>
            {shown.items.map((d) => (
              <tr key={d.id}>
                <td>{formatDateTime(d.createdAt)}</td>
                <td>{CHANNEL_LABELS[d.channel]}</td>
                <td>{d.event}</td>
                <td><span class={`badge ${STATE_BADGES[d.state]}`}>{d.state}</span>{d.responseStatus ? <div class="cell-sub">HTTP {d.responseStatus}</div> : null}</td>
                <td>{d.attempts}{d.state === 'pending' && d.nextAttemptAt ? <div class="cell-sub">next {formatDateTime(d.nextAttemptAt)}</div> : null}</td>
                <td class="cell-wrap">{d.lastError ?? '—'}</td>
              </tr>
            ))}
          </DataTable>
          <Pagination noun="deliveries" page={page} pageSize={PAGE_SIZE} total={shown.total} pageSizes={[PAGE_SIZE]} onPage={setPage} onPageSize={() => undefined} />
        </>
      ) : null}
    </section>
  );
}
