import { useCallback, useState } from 'preact/hooks';
import type { AlertRecord, AlertState } from '@steward/shared';
import { acknowledgeAlert, fetchAlerts, snoozeAlert } from '../../api/alerts.js';
import { useApp } from '../../app/app-context.js';
import { EmptyState, ErrorNotice, LoadingRow } from '../../components/notices.js';
import { PageHeader } from '../../components/page-header.js';
import { Pagination } from '../../components/pagination.js';
import { formatDateTime, timeAgo } from '../../format/time.js';
import { useLoader } from '../../hooks/use-loader.js';
import { can } from '../../permissions.js';
import { Tabs } from '../../components/tabs.js';
import { AlertRulesPanel } from './alert-rules-panel.js';
import { DeliveriesPanel } from './deliveries-panel.js';
import { EmailPanel } from './email-panel.js';
import { HelpdeskPanel } from './helpdesk-panel.js';
import { WebhooksPanel } from './webhooks-panel.js';
import { SEVERITY_CLASS } from './rule-labels.js';

const PAGE_SIZE = 50;
const STATE_LABELS: Record<AlertState, string> = { open: 'Open', acknowledged: 'Acknowledged', resolved: 'Resolved' };

type AlertsTab = 'alerts' | 'rules' | 'delivery';
const TABS: readonly { id: AlertsTab; label: string }[] = [{ id: 'alerts', label: 'Alerts' }, { id: 'rules', label: 'Rules' }, { id: 'delivery', label: 'Delivery' }];

/** Alerts raised by the rules, the rules themselves, and where they are delivered. */
export function AlertsView() {
  const [tab, setTab] = useState<AlertsTab>('alerts');
  return (
    <>
      <PageHeader title="Alerts" subtitle="Raised by the alert rules, resolved when their cause is gone." />
      <Tabs label="Alerts" tabs={TABS} current={tab} onSelect={setTab} idPrefix="alerts" />
      <div id="alerts-panel" role="tabpanel" aria-labelledby={`alerts-tab-${tab}`} class="tab-panel">
        {tab === 'alerts' ? <AlertList /> : null}
        {tab === 'rules' ? <AlertRulesPanel /> : null}
        {tab === 'delivery' ? <div class="settings-panels"><EmailPanel /><WebhooksPanel /><HelpdeskPanel /><DeliveriesPanel /></div> : null}
      </div>
    </>
  );
}

/** Alerts, most severe and newest first; acknowledging or snoozing updates the row in place. */
function AlertList() {
  const { api } = useApp();
  const [state, setState] = useState<AlertState | undefined>('open');
  const [page, setPage] = useState(1);
  const [updated, setUpdated] = useState<ReadonlyMap<string, AlertRecord>>(new Map());
  const query = { state, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const key = JSON.stringify(query);
  const alerts = useLoader(key, useCallback((signal: AbortSignal) => fetchAlerts(api, query, signal), [api, key]));
  const shown = alerts.data ?? alerts.previousData;
  const onChanged = (alert: AlertRecord) => setUpdated((previous) => new Map(previous).set(alert.id, alert));
  return (
    <>
      <div class="toolbar">
        <label class="select-field">
          <span>State</span>
          <select value={state ?? ''} onChange={(event) => { setState((event.currentTarget.value || undefined) as AlertState | undefined); setPage(1); }}>
            <option value="">Any state</option>
            {(Object.keys(STATE_LABELS) as AlertState[]).map((value) => <option key={value} value={value}>{STATE_LABELS[value]}</option>)}
          </select>
        </label>
        {shown ? <p class="muted" aria-live="polite">{`${shown.total.toLocaleString('en')} ${state ? STATE_LABELS[state].toLowerCase() : ''} alert${shown.total === 1 ? '' : 's'}`}</p> : null}
      </div>
      {alerts.error ? <ErrorNotice error={alerts.error} onRetry={alerts.reload} /> : null}
      {!shown && !alerts.error ? <LoadingRow text="Loading alerts…" /> : null}
      {shown && shown.total === 0 ? <EmptyState icon="alerts" title="No alerts" /> : null}
      {shown && shown.total > 0 ? (
        <div class="card card-flush">
          <div class="table-wrap table-scroll">
            <table class="data-table" data-testid="alerts-table">
              <caption class="visually-hidden">Alerts</caption>
              <thead>
                <tr><th scope="col">Alert</th><th scope="col">Severity</th><th scope="col">State</th><th scope="col" class="optional">Last detected</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr>
              </thead>
              <tbody>
                {shown.items.map((item) => <AlertRow key={item.id} alert={updated.get(item.id) ?? item} onChanged={onChanged} />)}
              </tbody>
            </table>
          </div>
          <Pagination noun="alerts" page={page} pageSize={PAGE_SIZE} total={shown.total} pageSizes={[PAGE_SIZE]} onPage={setPage} onPageSize={() => undefined} />
        </div>
      ) : null}
    </>
  );
}

function AlertRow({ alert, onChanged }: { alert: AlertRecord; onChanged: (alert: AlertRecord) => void }) {
  const { api, me } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const act = async (call: () => Promise<AlertRecord>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await call());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const snoozed = alert.snoozedUntil !== null && Date.parse(alert.snoozedUntil) > Date.now();
  const mayAct = can(me.role, 'alerts:write') && alert.state !== 'resolved';
  return (
    <tr data-alert-id={alert.id}>
      <td class="cell-primary">
        <div>{alert.summary}</div>
        <div class="cell-sub">{alert.ruleName}{snoozed ? ` · snoozed until ${formatDateTime(alert.snoozedUntil!)}` : ''}</div>
        {error ? <ErrorNotice error={error} /> : null}
      </td>
      <td><span class={`pill ${SEVERITY_CLASS[alert.severity]}`}>{alert.severity}</span></td>
      <td data-testid="alert-state">{STATE_LABELS[alert.state]}</td>
      <td class="optional"><time dateTime={alert.lastDetected}>{timeAgo(alert.lastDetected)}</time></td>
      <td class="row-actions">
        {mayAct && alert.state === 'open' ? <button type="button" class="button" disabled={busy} onClick={() => void act(() => acknowledgeAlert(api, alert.id))}>Acknowledge</button> : null}
        {mayAct ? <button type="button" class="button button-quiet" disabled={busy} onClick={() => void act(() => snoozeAlert(api, alert.id, 24 * 60))}>Snooze a day</button> : null}
      </td>
    </tr>
  );
}
