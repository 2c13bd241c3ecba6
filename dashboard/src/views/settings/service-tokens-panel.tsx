import { useCallback, useState } from 'preact/hooks';
import { serviceTokenScope, type ServiceTokenInput } from '@steward/shared';
import { fetchServiceTokens, makeServiceToken, revokeServiceToken } from '../../api/service-tokens.js';
import { useApp } from '../../app/app-context.js';
import { DataTable } from '../../components/data-table.js';
import { ErrorNotice, LoadingRow } from '../../components/notices.js';
import { formatDateTime } from '../../format/time.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useSubmit } from '../../hooks/use-submit.js';
import { ShownOnce } from '../../components/shown-once.js';

type Scope = ServiceTokenInput['scopes'][number];
const SCOPE_LABELS: Record<Scope, string> = { lookup: 'Asset lookup (helpdesks)', metrics: 'Metrics (/metrics)' };

/** Tokens other systems call the collector with, each limited to what it needs; shown once, revoked here. */
export function ServiceTokensPanel() {
  const { api } = useApp();
  const tokens = useLoader('service-tokens', useCallback((signal: AbortSignal) => fetchServiceTokens(api, signal), [api]));
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['lookup']);
  const [made, setMade] = useState<{ name: string; token: string } | null>(null);
  const { busy, error, run } = useSubmit();

  return (
    <section class="card settings-section" aria-labelledby="tokens-title" data-testid="service-tokens-panel">
      <div class="card-head"><h2 class="card-title" id="tokens-title">Service tokens</h2></div>
      <p class="muted">For systems, not people: a helpdesk looking up a caller's assets, or a metrics scraper. Each token reaches only its scopes.</p>
      <form class="inline-form" aria-label="Make a service token" onSubmit={(event) => {
        event.preventDefault();
        void run(async () => { const created = await makeServiceToken(api, { name: name.trim(), scopes }); setMade({ name: created.name, token: created.token }); }, () => { setName(''); tokens.reload(); });
      }}>
        <label class="field"><span>Used by</span><input value={name} required maxLength={200} placeholder="Helpdesk asset lookup" onInput={(e) => setName(e.currentTarget.value)} /></label>
        <fieldset class="field">
          <legend>May call</legend>
          {serviceTokenScope.options.map((scope) => (
            <label class="check" key={scope}>
              <input type="checkbox" checked={scopes.includes(scope)} onChange={(e) => setScopes(e.currentTarget.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))} />
              {SCOPE_LABELS[scope]}
            </label>
          ))}
        </fieldset>
        <div class="form-buttons"><button type="submit" class="button button-primary" disabled={busy || scopes.length === 0}>Make token</button></div>
      </form>
      {made ? <ShownOnce noun="Token" forWhat={made.name} secret={made.token} onDone={() => setMade(null)} testId="new-token" /> : null}
      {tokens.error ? <ErrorNotice error={tokens.error} onRetry={tokens.reload} /> : null}
      {!tokens.data && !tokens.error ? <LoadingRow text="Loading service tokens…" /> : null}
      {tokens.data && tokens.data.items.length > 0 ? (
        <DataTable testId="service-tokens-table" caption="Service tokens" head={<><th scope="col">Used by</th><th scope="col">May call</th><th scope="col">Last used</th><th scope="col" class="optional">Made</th><th scope="col"><span class="visually-hidden">Actions</span></th></>}>
          {tokens.data.items.map((t) => (
            <tr key={t.id} data-token={t.name}>
              <td class="cell-primary">{t.name}{t.revokedAt ? <div class="cell-sub">revoked {formatDateTime(t.revokedAt)}</div> : null}</td>
              <td>{t.scopes.map((s) => SCOPE_LABELS[s]).join(', ')}</td>
              <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'never'}</td>
              <td class="optional">{formatDateTime(t.createdAt)} by {t.createdBy}</td>
              <td class="row-actions">{!t.revokedAt ? <button type="button" class="button button-quiet" disabled={busy} onClick={() => void run(() => revokeServiceToken(api, t.id), tokens.reload)}>Revoke</button> : null}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
