import { useCallback, useEffect, useState } from 'preact/hooks';
import { fetchPersonalTokens, makePersonalToken, revokePersonalToken } from '../../api/personal-tokens.js';
import { useApp } from '../../app/app-context.js';
import { DataTable } from '../../components/data-table.js';
import { ErrorNotice, LoadingRow } from '../../components/notices.js';
import { PageHeader } from '../../components/page-header.js';
import { formatDateTime } from '../../format/time.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useSubmit } from '../../hooks/use-submit.js';
import { ROLE_LABELS } from '../../permissions.js';
import { ShownOnce } from '../../components/shown-once.js';
import { PasswordSection } from './password-section.js';

/** The signed-in person's account: who they are here, and their personal API tokens. */
export function AccountView() {
  const { api, me } = useApp();
  const tokens = useLoader('personal-tokens', useCallback((signal: AbortSignal) => fetchPersonalTokens(api, signal), [api]));
  const [label, setLabel] = useState('');
  const [days, setDays] = useState('90');
  const [made, setMade] = useState<{ label: string; token: string } | null>(null);
  const { busy, error, run } = useSubmit();
  useEffect(() => { document.title = 'Your account · Steward'; }, []);

  return (
    <>
      <PageHeader title="Your account" subtitle={`Signed in as ${me.username}, ${ROLE_LABELS[me.role].toLowerCase()}.`} />
      <PasswordSection />
      <section class="card settings-section" aria-labelledby="personal-tokens-title" data-testid="personal-tokens">
        <div class="card-head"><h2 class="card-title" id="personal-tokens-title">Personal API tokens</h2></div>
        <p class="muted">
          For your own scripts: a token acts with your role, is shown once, and stops working when it expires, when you revoke it,
          or when your password changes. Send it as <code>Authorization: Bearer …</code>; the API is described at <a href="/docs">/docs</a>.
        </p>
        <form class="inline-form" aria-label="Make a personal API token" onSubmit={(event) => {
          event.preventDefault();
          void run(async () => { const created = await makePersonalToken(api, { label: label.trim(), expiresInDays: Number(days) }); setMade({ label: created.label, token: created.token }); }, () => { setLabel(''); tokens.reload(); });
        }}>
          <label class="field"><span>Used for</span><input value={label} required maxLength={128} placeholder="Nightly inventory export" onInput={(e) => setLabel(e.currentTarget.value)} /></label>
          <label class="field field-narrow"><span>Valid for <small class="muted">(days, at most 365)</small></span><input type="number" inputMode="numeric" min={1} max={365} value={days} required onInput={(e) => setDays(e.currentTarget.value)} /></label>
          <div class="form-buttons"><button type="submit" class="button button-primary" disabled={busy}>Make token</button></div>
        </form>
        {made ? <ShownOnce noun="Token" forWhat={made.label} secret={made.token} onDone={() => setMade(null)} testId="new-personal-token" /> : null}
        {tokens.error ? <ErrorNotice error={tokens.error} onRetry={tokens.reload} /> : null}
        {!tokens.data && !tokens.error ? <LoadingRow text="Loading your tokens…" /> : null}
        {tokens.data && tokens.data.items.length === 0 ? <p class="muted">You have no API tokens.</p> : null}
        {tokens.data && tokens.data.items.length > 0 ? (
          <DataTable testId="personal-tokens-table" caption="Your API tokens" head={<><th scope="col">Used for</th><th scope="col">Expires</th><th scope="col">Last used</th><th scope="col" class="optional">Made</th><th scope="col"><span class="visually-hidden">Actions</span></th></>}>
            {tokens.data.items.map((t) => (
              <tr key={t.id} data-token={t.label}>
                <td class="cell-primary">{t.label}</td>
                <td>{formatDateTime(t.expiresAt)}</td>
                <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'never'}</td>
                <td class="optional">{formatDateTime(t.createdAt)}</td>
                <td class="row-actions"><button type="button" class="button button-quiet" disabled={busy} onClick={() => void run(() => revokePersonalToken(api, t.id), tokens.reload)}>Revoke</button></td>
              </tr>
            ))}
          </DataTable>
        ) : null}
        {error ? <ErrorNotice error={error} /> : null}
      </section>
    </>
  );
}
