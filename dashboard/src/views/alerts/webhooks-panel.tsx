import { useCallback, useState } from 'preact/hooks';
import type { ChannelTestAnswer } from '@steward/shared';
import { addWebhook, deleteWebhook, fetchWebhooks, switchWebhook, testWebhook } from '../../api/alert-setup.js';
import { useApp } from '../../app/app-context.js';
import { DataTable } from '../../components/data-table.js';
import { ErrorNotice, LoadingRow } from '../../components/notices.js';
import { formatDateTime } from '../../format/time.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useSubmit } from '../../hooks/use-submit.js';
import { can } from '../../permissions.js';

/** Signed webhooks rules can send their alerts to; each secret is given once and never shown back. */
export function WebhooksPanel() {
  const { api, me } = useApp();
  const editable = can(me.role, 'alerts:write');
  const hooks = useLoader('alert-webhooks', useCallback((signal: AbortSignal) => fetchWebhooks(api, signal), [api]));
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [tested, setTested] = useState<{ name: string; answer: ChannelTestAnswer } | null>(null);
  const { busy, error, run } = useSubmit();

  return (
    <section class="card settings-section" aria-labelledby="webhooks-title" data-testid="webhooks-panel">
      <div class="card-head"><h2 class="card-title" id="webhooks-title">Webhooks</h2></div>
      <p class="muted">Each call is signed: <code>X-Steward-Signature</code> is the HMAC-SHA256, under the secret, of the <code>X-Steward-Timestamp</code> header, a dot and the body.</p>
      {editable ? (
        <form class="inline-form" aria-label="Add a webhook" onSubmit={(event) => {
          event.preventDefault();
          void run(() => addWebhook(api, { name: name.trim(), url: url.trim(), secret }), () => { setName(''); setUrl(''); setSecret(''); hooks.reload(); });
        }}>
          <label class="field"><span>Name</span><input value={name} required maxLength={200} onInput={(e) => setName(e.currentTarget.value)} /></label>
          <label class="field field-wide"><span>Address</span><input type="url" value={url} required placeholder="https://chat.example.org/hooks/steward" onInput={(e) => setUrl(e.currentTarget.value)} /></label>
          <label class="field"><span>Signing secret <small class="muted">(16 characters or more)</small></span><input type="password" value={secret} required minLength={16} autoComplete="new-password" onInput={(e) => setSecret(e.currentTarget.value)} /></label>
          <div class="form-buttons"><button type="submit" class="button button-primary" disabled={busy}>Add webhook</button></div>
        </form>
      ) : null}
      {hooks.error ? <ErrorNotice error={hooks.error} onRetry={hooks.reload} /> : null}
      {!hooks.data && !hooks.error ? <LoadingRow text="Loading webhooks…" /> : null}
      {hooks.data && hooks.data.items.length === 0 ? <p class="muted">No webhooks yet.</p> : null}
      {hooks.data && hooks.data.items.length > 0 ? (
        <DataTable testId="webhooks-table" caption="Webhooks" head={<><th scope="col">Name</th><th scope="col">Address</th><th scope="col" class="optional">Added</th><th scope="col">On</th><th scope="col"><span class="visually-hidden">Actions</span></th></>}>
          {hooks.data.items.map((hook) => (
            <tr key={hook.id} data-webhook={hook.name}>
              <td class="cell-primary">{hook.name}</td>
              <td><code>{hook.url}</code></td>
              <td class="optional">{formatDateTime(hook.createdAt)}</td>
              <td><input type="checkbox" aria-label={`${hook.name} on`} checked={hook.enabled} disabled={!editable || busy} onChange={(e) => void run(() => switchWebhook(api, hook.id, e.currentTarget.checked), hooks.reload)} /></td>
              <td class="row-actions">
                {editable ? <button type="button" class="button button-quiet" disabled={busy} onClick={() => void run(async () => setTested({ name: hook.name, answer: await testWebhook(api, hook.id) }))}>Send test</button> : null}
                {editable ? <button type="button" class="button button-quiet" disabled={busy} onClick={() => void run(() => deleteWebhook(api, hook.id), hooks.reload)}>Delete</button> : null}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {tested ? (
        <p role="status" class={`form-status ${tested.answer.sent ? '' : 'form-status-bad'}`} data-testid="webhook-test-result">
          {tested.name}: {tested.answer.sent ? `delivered (${tested.answer.detail})` : `not delivered: ${tested.answer.detail}`}
        </p>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
