import { useCallback, useState } from 'preact/hooks';
import { fetchAssignments } from '../../api/register.js';
import { useApp } from '../../app/app-context.js';
import { EmptyState, ErrorNotice, LoadingRow } from '../../components/notices.js';
import { PageHeader } from '../../components/page-header.js';
import { formatDateTime } from '../../format/time.js';
import { useLoader } from '../../hooks/use-loader.js';
import { HelpLink, RegisterNav } from './register-nav.js';

/** What is out now, and what should be back already. */
export function CheckoutsView() {
  const { api } = useApp();
  const [overdueOnly, setOverdueOnly] = useState(true);
  const key = overdueOnly ? 'overdue' : 'open';
  const list = useLoader(`checkouts:${key}`, useCallback((signal: AbortSignal) => fetchAssignments(api, overdueOnly ? { overdue: 'true' } : { open: 'true' }, signal), [api, key]));
  return (
    <>
      <PageHeader title="Check-outs" subtitle="Assets out with people, locations or other assets, and those past their return date." actions={<HelpLink topic="checkouts" />} />
      <RegisterNav current="/register/checkouts" />
      <div class="toolbar">
        <label class="select-field">
          <span>Show</span>
          <select value={key} onChange={(e) => setOverdueOnly(e.currentTarget.value === 'overdue')}>
            <option value="overdue">Overdue check-outs</option>
            <option value="open">Every open check-out</option>
          </select>
        </label>
      </div>
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <LoadingRow text="Loading check-outs…" /> : null}
      {list.data && list.data.items.length === 0 ? <EmptyState icon="register" title={overdueOnly ? 'Nothing is overdue' : 'Nothing is checked out'} /> : null}
      {list.data && list.data.items.length > 0 ? (
        <div class="card card-flush">
          <div class="table-wrap table-scroll">
            <table class="data-table" data-testid="checkouts-table">
              <caption class="visually-hidden">{overdueOnly ? 'Overdue check-outs' : 'Open check-outs'}</caption>
              <thead><tr><th scope="col">Asset</th><th scope="col">Out to</th><th scope="col">Since</th><th scope="col">Due back</th><th scope="col">Note</th></tr></thead>
              <tbody>
                {list.data.items.map((a) => (
                  <tr key={a.id} class={a.overdue ? 'row-warn' : undefined}>
                    <td class="mono"><a href={`/register/${a.assetId}`}>{a.assetTag}</a> <span class="muted">{a.assetName}</span></td>
                    <td>{a.target.name} <span class="muted">({a.target.type})</span></td>
                    <td>{formatDateTime(a.checkedOutAt)}</td>
                    <td>{a.expectedReturn ?? <span class="muted">—</span>}{a.overdue ? <span class="pill pill-warn">Overdue</span> : null}</td>
                    <td>{a.note ?? <span class="muted">—</span>}</td>
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
