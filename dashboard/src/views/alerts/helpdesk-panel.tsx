import { useCallback, useState } from 'preact/hooks';
import { integrationKind, type IntegrationInput, type IntegrationKind } from '@steward/shared';
import { addIntegration, deleteIntegration, fetchIntegrations } from '../../api/alert-setup.js';
import { useApp } from '../../app/app-context.js';
import { DataTable } from '../../components/data-table.js';
import { ErrorNotice, LoadingRow } from '../../components/notices.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useSubmit } from '../../hooks/use-submit.js';
import { can } from '../../permissions.js';
import { HELPDESK_FIELDS, HELPDESK_LABELS, helpdeskSettings } from './helpdesk-fields.js';

/** Helpdesks that get a ticket for each alert a rule routes to them, closed when the alert resolves. */
export function HelpdeskPanel() {
  const { api, me } = useApp();
  const editable = can(me.role, 'settings:write');
  const desks = useLoader('alert-integrations', useCallback((signal: AbortSignal) => fetchIntegrations(api, signal), [api]));
  const [kind, setKind] = useState<IntegrationKind>('servicenow');
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [autoClose, setAutoClose] = useState(true);
  const [values, setValues] = useState<Record<string, string>>({});
  const { busy, error, run } = useSubmit();
  const add = () => addIntegration(api, { kind, name: name.trim(), baseUrl: baseUrl.trim(), autoClose, ...helpdeskSettings(kind, values) } as IntegrationInput);

  return (
    <section class="card settings-section" aria-labelledby="helpdesk-title" data-testid="helpdesk-panel">
      <div class="card-head"><h2 class="card-title" id="helpdesk-title">Helpdesk tickets</h2></div>
      <p class="muted">A rule opens a ticket in each helpdesk it routes to; with auto-close the ticket is closed when its alert resolves. Tokens and passwords are kept sealed and never shown.</p>
      {editable ? (
        <form class="inline-form" aria-label="Add a helpdesk" onSubmit={(event) => { event.preventDefault(); void run(add, () => { setName(''); setBaseUrl(''); setValues({}); desks.reload(); }); }}>
          <label class="field field-narrow">
            <span>Helpdesk</span>
            <select value={kind} onChange={(e) => { setKind(e.currentTarget.value as IntegrationKind); setValues({}); }}>
              {integrationKind.options.map((k) => <option key={k} value={k}>{HELPDESK_LABELS[k]}</option>)}
            </select>
          </label>
          <label class="field"><span>Name</span><input value={name} required maxLength={200} onInput={(e) => setName(e.currentTarget.value)} /></label>
          <label class="field field-wide"><span>Address</span><input type="url" value={baseUrl} required placeholder="https://helpdesk.example.org" onInput={(e) => setBaseUrl(e.currentTarget.value)} /></label>
          {HELPDESK_FIELDS[kind].map((field) => (
            <label class="field field-narrow" key={`${kind}.${field.key}`}>
              <span>{field.label}</span>
              {field.type === 'select' ? (
                <select value={values[field.key] ?? field.options![0]!.value} onChange={(e) => setValues({ ...values, [field.key]: e.currentTarget.value })}>
                  {field.options!.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                </select>
              ) : (
                <input type={field.type === 'secret' ? 'password' : field.type === 'number' ? 'number' : 'text'} autoComplete={field.type === 'secret' ? 'new-password' : 'off'}
                  value={values[field.key] ?? ''} required={field.required} placeholder={field.placeholder} onInput={(e) => setValues({ ...values, [field.key]: e.currentTarget.value })} />
              )}
            </label>
          ))}
          <label class="check"><input type="checkbox" checked={autoClose} onChange={(e) => setAutoClose(e.currentTarget.checked)} />Close tickets when alerts resolve</label>
          <div class="form-buttons"><button type="submit" class="button button-primary" disabled={busy}>Add helpdesk</button></div>
        </form>
      ) : null}
      {desks.error ? <ErrorNotice error={desks.error} onRetry={desks.reload} /> : null}
      {!desks.data && !desks.error ? <LoadingRow text="Loading helpdesks…" /> : null}
      {desks.data && desks.data.items.length === 0 ? <p class="muted">No helpdesk connected.</p> : null}
      {desks.data && desks.data.items.length > 0 ? (
        <DataTable testId="helpdesk-table" caption="Helpdesks" head={<><th scope="col">Name</th><th scope="col">Helpdesk</th><th scope="col">Address</th><th scope="col" class="optional">Secrets stored</th><th scope="col"><span class="visually-hidden">Actions</span></th></>}>
          {desks.data.items.map((desk) => (
            <tr key={desk.id} data-helpdesk={desk.name}>
              <td class="cell-primary">{desk.name}<div class="cell-sub">{desk.enabled ? 'on' : 'off'}{desk.autoClose ? ', closes tickets' : ''}</div></td>
              <td>{HELPDESK_LABELS[desk.kind]}</td>
              <td><code>{desk.baseUrl}</code></td>
              <td class="optional">{desk.secretsSet.length ? desk.secretsSet.join(', ') : 'none'}</td>
              <td class="row-actions">{editable ? <button type="button" class="button button-quiet" disabled={busy} onClick={() => void run(() => deleteIntegration(api, desk.id), desks.reload)}>Delete</button> : null}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
