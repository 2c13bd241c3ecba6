import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AlertRule } from '@steward/shared';
import { deleteAlertRule, fetchAlertRules, fetchIntegrations, fetchWebhooks, replaceAlertRule } from '../../api/alert-setup.js';
import { useApp } from '../../app/app-context.js';
import { DataTable } from '../../components/data-table.js';
import { ErrorNotice, LoadingRow } from '../../components/notices.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useSubmit } from '../../hooks/use-submit.js';
import { can } from '../../permissions.js';
import { AlertRuleForm } from './alert-rule-form.js';
import { describeParams, describeRouting, RULE_KIND_LABELS, SEVERITY_CLASS } from './rule-labels.js';

/** The rules that raise alerts: what each watches, its thresholds, where it sends, and its open alerts. */
export function AlertRulesPanel() {
  const { api, me } = useApp();
  const editable = can(me.role, 'alerts:write');
  const rules = useLoader('alert-rules', useCallback((signal: AbortSignal) => fetchAlertRules(api, signal), [api]));
  const webhooks = useLoader('alert-webhooks', useCallback((signal: AbortSignal) => fetchWebhooks(api, signal), [api]));
  const integrations = useLoader('alert-integrations', useCallback((signal: AbortSignal) => fetchIntegrations(api, signal), [api]));
  const [editing, setEditing] = useState<AlertRule | 'new' | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const { busy, error, run } = useSubmit();
  const done = () => { setEditing(null); rules.reload(); };
  // The box follows the click at once; the list reloaded after the change (or its failure) settles it.
  const [switched, setSwitched] = useState<Readonly<Record<string, boolean>>>({});
  const setEnabled = (rule: AlertRule, enabled: boolean) => {
    setSwitched((s) => ({ ...s, [rule.id]: enabled }));
    const input = { name: rule.name, kind: rule.kind, enabled, severity: rule.severity, params: rule.params, routing: rule.routing } as Parameters<typeof replaceAlertRule>[2];
    void run(() => replaceAlertRule(api, rule.id, input), rules.reload).then((ok) => { if (!ok) setSwitched({}); });
  };
  useEffect(() => setSwitched({}), [rules.data]);

  return (
    <section class="card settings-section" aria-labelledby="alert-rules-title" data-testid="alert-rules-panel">
      <div class="card-head">
        <h2 class="card-title" id="alert-rules-title">Alert rules</h2>
        {editable && editing === null ? <button type="button" class="button" onClick={() => setEditing('new')}>Add rule</button> : null}
      </div>
      <p class="muted">Each rule raises one alert per thing it finds and resolves it when the cause is gone. Deleting a rule deletes its alerts.</p>
      {editing !== null ? (
        <AlertRuleForm rule={editing === 'new' ? undefined : editing} webhooks={webhooks.data?.items ?? []} integrations={integrations.data?.items ?? []} onDone={done} onCancel={() => setEditing(null)} />
      ) : null}
      {rules.error ? <ErrorNotice error={rules.error} onRetry={rules.reload} /> : null}
      {!rules.data && !rules.error ? <LoadingRow text="Loading alert rules…" /> : null}
      {rules.data ? (
        <DataTable testId="alert-rules-table" caption="Alert rules" head={<><th scope="col">Rule</th><th scope="col">Thresholds</th><th scope="col">Severity</th><th scope="col" class="optional">Sent to</th><th scope="col">Open</th><th scope="col">On</th><th scope="col"><span class="visually-hidden">Actions</span></th></>}>
          {rules.data.items.map((rule) => (
            <tr key={rule.id} data-rule={rule.name}>
              <td class="cell-primary">{rule.name}<div class="cell-sub">{RULE_KIND_LABELS[rule.kind]}</div></td>
              <td>{describeParams(rule)}</td>
              <td><span class={`pill ${SEVERITY_CLASS[rule.severity]}`}>{rule.severity}</span></td>
              <td class="optional">{describeRouting(rule)}</td>
              <td>{rule.openAlerts}</td>
              <td><input type="checkbox" aria-label={`${rule.name} on`} checked={switched[rule.id] ?? rule.enabled} disabled={!editable || busy} onChange={(e) => setEnabled(rule, e.currentTarget.checked)} /></td>
              <td class="row-actions">
                {editable ? <button type="button" class="button button-quiet" onClick={() => setEditing(rule)}>Change</button> : null}
                {editable ? (deleting === rule.id
                  ? <button type="button" class="button button-danger" disabled={busy} onClick={() => void run(() => deleteAlertRule(api, rule.id), () => { setDeleting(null); rules.reload(); })}>Delete {rule.name}</button>
                  : <button type="button" class="button button-quiet" onClick={() => setDeleting(rule.id)}>Delete…</button>) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
