import { useState } from 'preact/hooks';
import { alertRuleKind, alertSeverity, renewalSource, type AlertRule, type AlertRuleInput, type AlertRuleKind, type AlertSeverity } from '@steward/shared';
import { addAlertRule, replaceAlertRule } from '../../api/alert-setup.js';
import { useApp } from '../../app/app-context.js';
import { ErrorNotice } from '../../components/notices.js';
import { useSubmit } from '../../hooks/use-submit.js';
import { defaultParams, paramLabel, RENEWAL_SOURCE_LABELS, RULE_KIND_LABELS } from './rule-labels.js';

interface Channel {
  id: string;
  name: string;
}

interface AlertRuleFormProps {
  /** The rule being changed; a new one when absent. */
  rule?: AlertRule;
  webhooks: readonly Channel[];
  integrations: readonly Channel[];
  onDone: () => void;
  onCancel: () => void;
}

type ParamDraft = Record<string, string | string[]>;

function draftOf(params: Record<string, unknown>): ParamDraft {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value.map(String) : String(value)]));
}

/** Numbers back to numbers; what the collector refuses it names by field. */
function paramsOf(draft: ParamDraft): Record<string, unknown> {
  return Object.fromEntries(Object.entries(draft).map(([key, value]) => [key, Array.isArray(value) ? value : value.trim() === '' ? undefined : Number(value)]));
}

/** Adds or changes an alert rule: what it watches, its thresholds, severity and where its alerts go. */
export function AlertRuleForm({ rule, webhooks, integrations, onDone, onCancel }: AlertRuleFormProps) {
  const { api } = useApp();
  const [kind, setKind] = useState<AlertRuleKind>(rule?.kind ?? 'warranty_expiring');
  const [name, setName] = useState(rule?.name ?? RULE_KIND_LABELS['warranty_expiring']);
  const [severity, setSeverity] = useState<AlertSeverity | ''>(rule?.severity ?? '');
  const [params, setParams] = useState<ParamDraft>(draftOf(rule?.params ?? defaultParams('warranty_expiring')));
  const [recipients, setRecipients] = useState((rule?.routing.email.recipients ?? []).join(', '));
  const [mode, setMode] = useState(rule?.routing.email.mode ?? 'immediate');
  const [dashboard, setDashboard] = useState(rule?.routing.dashboard ?? true);
  const [webhookIds, setWebhookIds] = useState<string[]>(rule?.routing.webhookIds ?? []);
  const [integrationIds, setIntegrationIds] = useState<string[]>(rule?.routing.integrationIds ?? []);
  const { busy, error, run } = useSubmit();

  const chooseKind = (next: AlertRuleKind) => {
    if (name === RULE_KIND_LABELS[kind]) setName(RULE_KIND_LABELS[next]);
    setKind(next);
    setParams(draftOf(defaultParams(next)));
  };
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));
  const submit = () => {
    const input = {
      name: name.trim(), kind, enabled: rule?.enabled ?? true, params: paramsOf(params),
      ...(severity ? { severity } : {}),
      routing: {
        dashboard, webhookIds, integrationIds, notifyOnResolve: rule?.routing.notifyOnResolve ?? true,
        email: { recipients: recipients.split(/[\s,;]+/).filter(Boolean), mode },
      },
    } as AlertRuleInput;
    return rule ? replaceAlertRule(api, rule.id, input) : addAlertRule(api, input);
  };

  return (
    <form class="inline-form settings-form" aria-label={rule ? `Change ${rule.name}` : 'Add an alert rule'} data-testid="alert-rule-form" onSubmit={(event) => { event.preventDefault(); void run(submit, onDone); }}>
      <label class="field">
        <span>Watches</span>
        <select value={kind} disabled={Boolean(rule)} onChange={(e) => chooseKind(e.currentTarget.value as AlertRuleKind)}>
          {alertRuleKind.options.map((k) => <option key={k} value={k}>{RULE_KIND_LABELS[k]}</option>)}
        </select>
      </label>
      <label class="field"><span>Name</span><input value={name} required maxLength={200} onInput={(e) => setName(e.currentTarget.value)} /></label>
      <label class="field field-narrow">
        <span>Severity</span>
        <select value={severity} onChange={(e) => setSeverity(e.currentTarget.value as AlertSeverity | '')}>
          <option value="">Usual for this kind</option>
          {alertSeverity.options.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </label>
      {Object.entries(params).map(([key, value]) => Array.isArray(value) ? (
        <fieldset class="field" key={key}>
          <legend>Renewals of</legend>
          {renewalSource.options.map((source) => (
            <label class="check" key={source}>
              <input type="checkbox" checked={value.includes(source)} onChange={(e) => setParams({ ...params, [key]: toggle(value, source, e.currentTarget.checked) })} />
              {RENEWAL_SOURCE_LABELS[source]}
            </label>
          ))}
        </fieldset>
      ) : (
        <label class="field field-narrow" key={key}>
          <span>{paramLabel(kind, key).label} <small class="muted">({paramLabel(kind, key).unit})</small></span>
          <input type="number" inputMode="numeric" min={0} value={value} onInput={(e) => setParams({ ...params, [key]: e.currentTarget.value })} />
        </label>
      ))}
      <label class="check"><input type="checkbox" checked={dashboard} onChange={(e) => setDashboard(e.currentTarget.checked)} />Show live on the dashboard</label>
      <label class="field"><span>E-mail to <small class="muted">(addresses, comma-separated)</small></span><input value={recipients} onInput={(e) => setRecipients(e.currentTarget.value)} /></label>
      <label class="field field-narrow">
        <span>E-mail sent</span>
        <select value={mode} onChange={(e) => setMode(e.currentTarget.value as typeof mode)}>
          <option value="immediate">at once</option>
          <option value="digest">in the daily digest</option>
        </select>
      </label>
      {webhooks.length ? <ChannelChoice legend="Webhooks" channels={webhooks} chosen={webhookIds} onChange={setWebhookIds} /> : null}
      {integrations.length ? <ChannelChoice legend="Helpdesk tickets in" channels={integrations} chosen={integrationIds} onChange={setIntegrationIds} /> : null}
      <div class="form-buttons">
        <button type="submit" class="button button-primary" disabled={busy}>{rule ? 'Save rule' : 'Add rule'}</button>
        <button type="button" class="button button-quiet" onClick={onCancel}>Cancel</button>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}

function ChannelChoice({ legend, channels, chosen, onChange }: { legend: string; channels: readonly Channel[]; chosen: string[]; onChange: (ids: string[]) => void }) {
  return (
    <fieldset class="field">
      <legend>{legend}</legend>
      {channels.map((channel) => (
        <label class="check" key={channel.id}>
          <input type="checkbox" checked={chosen.includes(channel.id)} onChange={(e) => onChange(e.currentTarget.checked ? [...chosen, channel.id] : chosen.filter((id) => id !== channel.id))} />
          {channel.name}
        </label>
      ))}
    </fieldset>
  );
}
