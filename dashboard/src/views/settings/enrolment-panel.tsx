import { useCallback, useState } from 'preact/hooks';
import type { CreatedEnrollmentSecret, EnrollmentSecretView } from '@steward/shared';
import { createEnrollmentSecret, fetchEnrollmentSecrets, revokeEnrollmentSecret } from '../../api/agents.js';
import { useApp } from '../../app/app-context.js';
import { DataTable } from '../../components/data-table.js';
import { ErrorNotice, LoadingRow } from '../../components/notices.js';
import { formatDateTime } from '../../format/time.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useSubmit } from '../../hooks/use-submit.js';
import { ShownOnce } from '../../components/shown-once.js';

function stateOf(secret: EnrollmentSecretView, now = Date.now()): { label: string; tone: string; usable: boolean } {
  if (secret.revokedAt) return { label: `Revoked ${formatDateTime(secret.revokedAt)}`, tone: 'badge-muted', usable: false };
  if (secret.expiresAt && Date.parse(secret.expiresAt) <= now) return { label: `Expired ${formatDateTime(secret.expiresAt)}`, tone: 'badge-muted', usable: false };
  return { label: secret.expiresAt ? `Until ${formatDateTime(secret.expiresAt)}` : 'No end date', tone: 'badge-ok', usable: true };
}

/** The secrets new agents enrol with: made for a rollout, shown once, revoked when the rollout ends. */
export function EnrolmentPanel() {
  const { api } = useApp();
  const secrets = useLoader('enrolment-secrets', useCallback((signal: AbortSignal) => fetchEnrollmentSecrets(api, signal), [api]));
  const [label, setLabel] = useState('');
  const [days, setDays] = useState('30');
  const [created, setCreated] = useState<CreatedEnrollmentSecret | null>(null);
  const { busy, error, run } = useSubmit();

  return (
    <section class="card settings-section" aria-labelledby="enrolment-title" data-testid="enrolment-panel">
      <div class="card-head"><h2 class="card-title" id="enrolment-title">Enrolment secrets</h2></div>
      <p class="muted">An agent installed with a secret enrols once and gets its own token; revoking the secret stops new enrolments, not the agents already enrolled.</p>
      <form class="inline-form" aria-label="Make an enrolment secret" onSubmit={(event) => {
        event.preventDefault();
        const expiresInDays = days.trim() ? Number(days) : undefined;
        void run(async () => setCreated(await createEnrollmentSecret(api, { label: label.trim(), ...(expiresInDays ? { expiresInDays } : {}) })), () => { setLabel(''); secrets.reload(); });
      }}>
        <label class="field"><span>Label</span><input value={label} required maxLength={128} placeholder="Q1 laptop rollout" onInput={(e) => setLabel(e.currentTarget.value)} /></label>
        <label class="field field-narrow"><span>Valid for <small class="muted">(days, empty: no end)</small></span><input type="number" inputMode="numeric" min={1} max={3650} value={days} onInput={(e) => setDays(e.currentTarget.value)} /></label>
        <div class="form-buttons"><button type="submit" class="button button-primary" disabled={busy}>Make secret</button></div>
      </form>
      {created ? <ShownOnce noun="Secret" forWhat={created.label} secret={created.secret} onDone={() => setCreated(null)} testId="new-secret" /> : null}
      {secrets.error ? <ErrorNotice error={secrets.error} onRetry={secrets.reload} /> : null}
      {!secrets.data && !secrets.error ? <LoadingRow text="Loading enrolment secrets…" /> : null}
      {secrets.data ? (
        <DataTable testId="secrets-table" caption="Enrolment secrets" head={<><th scope="col">Label</th><th scope="col">State</th><th scope="col" class="optional">Made</th><th scope="col"><span class="visually-hidden">Actions</span></th></>}>
          {secrets.data.items.map((secret) => {
            const state = stateOf(secret);
            return (
              <tr key={secret.id} data-label={secret.label}>
                <td class="cell-primary">{secret.label}</td>
                <td><span class={`badge ${state.tone}`}>{state.label}</span></td>
                <td class="optional">{formatDateTime(secret.createdAt)} by {secret.createdBy}</td>
                <td class="row-actions">
                  {state.usable ? <button type="button" class="button button-quiet" disabled={busy} onClick={() => void run(() => revokeEnrollmentSecret(api, secret.id), secrets.reload)}>Revoke</button> : null}
                </td>
              </tr>
            );
          })}
        </DataTable>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
