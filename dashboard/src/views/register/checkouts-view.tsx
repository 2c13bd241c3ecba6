import { useCallback, useState } from 'preact/hooks';
import type { Assignment } from '@steward/shared';
import { fetchAssets, fetchAssignments } from '../../api/register.js';
import { fetchAwaitingAcceptance } from '../../api/register-field-work.js';
import { useApp } from '../../app/app-context.js';
import { EmptyState, ErrorNotice, LoadingRow } from '../../components/notices.js';
import { PageHeader } from '../../components/page-header.js';
import { formatDateTime } from '../../format/time.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useSubmit } from '../../hooks/use-submit.js';
import { can } from '../../permissions.js';
import { navigate } from '../../routing/use-route.js';
import { ACCEPTANCE_LABELS } from './acceptance-notice.js';
import { CameraScan } from './camera-scan.js';
import { ActionError, HelpLink, RegisterNav } from './register-nav.js';

type Shown = 'overdue' | 'open' | 'unaccepted';
const TITLES: Record<Shown, string> = { overdue: 'Overdue check-outs', open: 'Every open check-out', unaccepted: 'Awaiting acceptance' };
const EMPTY: Record<Shown, string> = { overdue: 'Nothing is overdue', open: 'Nothing is checked out', unaccepted: 'Every check-out asked for has been answered' };

/** What is out now, what should be back already, and what the people have not accepted yet. */
export function CheckoutsView() {
  const { api, me } = useApp();
  const [shown, setShown] = useState<Shown>('overdue');
  const list = useLoader(`checkouts:${shown}`, useCallback((signal: AbortSignal) => (shown === 'unaccepted'
    ? fetchAwaitingAcceptance(api, signal)
    : fetchAssignments(api, shown === 'overdue' ? { overdue: 'true' } : { open: 'true' }, signal)), [api, shown]));
  return (
    <>
      <PageHeader title="Check-outs" subtitle="Assets out with people, locations or other assets, those past their return date, and those not yet accepted." actions={<HelpLink topic="checkouts" />} />
      <RegisterNav current="/register/checkouts" />
      {can(me.role, 'register:checkout') ? <FindToCheckOut /> : null}
      <div class="toolbar">
        <label class="select-field">
          <span>Show</span>
          <select value={shown} onChange={(e) => setShown(e.currentTarget.value as Shown)}>
            {(Object.keys(TITLES) as Shown[]).map((key) => <option key={key} value={key}>{TITLES[key]}</option>)}
          </select>
        </label>
      </div>
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <LoadingRow text="Loading check-outs…" /> : null}
      {list.data && list.data.items.length === 0 ? <EmptyState icon="register" title={EMPTY[shown]} /> : null}
      {list.data && list.data.items.length > 0 ? (
        <div class="card card-flush">
          <div class="table-wrap table-scroll">
            <table class="data-table" data-testid="checkouts-table">
              <caption class="visually-hidden">{TITLES[shown]}</caption>
              <thead><tr><th scope="col">Asset</th><th scope="col">Out to</th><th scope="col">Since</th><th scope="col">Due back</th><th scope="col">Acceptance</th><th scope="col">Note</th></tr></thead>
              <tbody>
                {list.data.items.map((a) => (
                  <tr key={a.id} class={a.overdue ? 'row-warn' : undefined}>
                    <td class="mono"><a href={`/register/${a.assetId}`}>{a.assetTag}</a> <span class="muted">{a.assetName}</span></td>
                    <td>{a.target.name} <span class="muted">({a.target.type})</span></td>
                    <td>{formatDateTime(a.checkedOutAt)}</td>
                    <td>{a.expectedReturn ?? <span class="muted">—</span>}{a.overdue ? <span class="pill pill-warn">Overdue</span> : null}</td>
                    <td data-testid="acceptance-cell"><AcceptanceCell assignment={a} /></td>
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

function AcceptanceCell({ assignment }: { assignment: Assignment }) {
  const acceptance = assignment.acceptance;
  if (!acceptance) return <span class="muted">—</span>;
  const expired = acceptance.state === 'pending' && acceptance.expiresAt !== null && new Date(acceptance.expiresAt) < new Date();
  return (
    <>
      <span class={acceptance.state === 'declined' || expired ? 'pill pill-warn' : 'pill'}>{expired ? 'Link expired' : ACCEPTANCE_LABELS[acceptance.state]}</span>
      {acceptance.note ? <span class="muted"> “{acceptance.note}”</span> : null}
    </>
  );
}

/** At the shelf: scan or type an asset's tag to open its page at the check-out form. */
function FindToCheckOut() {
  const { api } = useApp();
  const [tag, setTag] = useState('');
  const find = useSubmit();
  const open = (code: string) => find.run(async () => {
    const wanted = code.trim();
    const found = (await fetchAssets(api, { search: wanted, limit: 20, offset: 0 })).items.find((a) => a.tag.toLowerCase() === wanted.toLowerCase());
    if (!found) throw new Error(`No asset has the tag ${wanted}.`);
    navigate(`/register/${found.id}#checkout`);
  });
  return (
    <form class="card inline-form" aria-label="Find an asset to check out" data-testid="find-to-check-out" onSubmit={(e) => { e.preventDefault(); if (tag.trim()) void open(tag); }}>
      <label class="field"><span>Asset tag to check out or in</span>
        <input value={tag} maxLength={64} autoComplete="off" autoCapitalize="characters" onInput={(e) => setTag(e.currentTarget.value)} /></label>
      <div class="form-buttons">
        <button type="submit" class="button" disabled={find.busy}>Open</button>
        <CameraScan onCode={(code) => { setTag(code); void open(code); }} />
      </div>
      <ActionError error={find.error} />
    </form>
  );
}
