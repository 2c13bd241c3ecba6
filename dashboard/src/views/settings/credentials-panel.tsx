import { useCallback, useState } from 'preact/hooks';
import type { SnmpCredentialSetView } from '@steward/shared';
import { deleteCredential, fetchCredentials, reorderCredentials } from '../../api/settings.js';
import { useApp } from '../../app/app-context.js';
import { EmptyState, ErrorNotice, LoadingRow } from '../../components/notices.js';
import { useLoader } from '../../hooks/use-loader.js';
import { can } from '../../permissions.js';
import { CredentialForm } from './credential-form.js';
import { useSubmit } from '../../hooks/use-submit.js';

const VERSION_LABELS = { '1': 'v1', '2c': 'v2c', '3': 'v3' } as const;

/** What a set holds, in words: which secrets are stored, never their values. */
function describeSecrets(set: SnmpCredentialSetView): string {
  if (set.version !== '3') return 'Community set';
  const held = [set.secrets.authKey ? `auth ${set.authProtocol?.toUpperCase() ?? ''}`.trim() : null, set.secrets.privKey ? `privacy ${set.privProtocol?.toUpperCase() ?? ''}`.trim() : null].filter(Boolean);
  return `User ${set.user ?? '?'}${held.length ? `; ${held.join(', ')} keys set` : '; no keys'}`;
}

/** SNMP credential sets in the order sweeps and polls try them. */
export function CredentialsPanel() {
  const { api, me } = useApp();
  const editable = can(me.role, 'discovery:write');
  const sets = useLoader('credentials', useCallback((signal: AbortSignal) => fetchCredentials(api, signal), [api]));
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const { busy, error, run } = useSubmit();
  const items = sets.data?.items ?? [];

  const move = (index: number, by: number) => {
    const ids = items.map((set) => set.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved!);
    void run(() => reorderCredentials(api, ids), sets.reload);
  };
  const remove = (set: SnmpCredentialSetView) => {
    if (!confirm(`Delete the credential set ${set.name}?`)) return;
    void run(() => deleteCredential(api, set.id), sets.reload);
  };
  const done = () => { setEditing(null); sets.reload(); };

  return (
    <section class="card settings-section" aria-labelledby="credentials-title" data-testid="credentials-panel">
      <div class="card-head">
        <h2 class="card-title" id="credentials-title">SNMP credentials</h2>
        {editable && editing !== 'new' ? <button type="button" class="button" onClick={() => setEditing('new')}>Add credential set</button> : null}
      </div>
      <p class="muted">Tried in this order by sweeps and polls. Communities and keys are stored sealed and never shown again: you can only set or replace them.</p>
      {editing === 'new' ? <CredentialForm onDone={done} onCancel={() => setEditing(null)} /> : null}
      {sets.error ? <ErrorNotice error={sets.error} onRetry={sets.reload} /> : null}
      {!sets.data && !sets.error ? <LoadingRow text="Loading credential sets…" /> : null}
      {sets.data && items.length === 0 ? <EmptyState icon="network" title="No credential sets">Sweeps need at least one community or SNMPv3 user.</EmptyState> : null}
      {items.length > 0 ? (
        <ol class="settings-list" data-testid="credential-list">
          {items.map((set, index) => (
            <li key={set.id} class="settings-item">
              <div class="settings-item-main">
                <span class="order-badge" aria-label={`Tried ${index + 1}${index === 0 ? 'st' : index === 1 ? 'nd' : index === 2 ? 'rd' : 'th'}`}>{index + 1}</span>
                <div>
                  <strong>{set.name}</strong> <span class="badge">{VERSION_LABELS[set.version]}</span>
                  <div class="cell-sub">{describeSecrets(set)} · {set.deviceCount} device{set.deviceCount === 1 ? '' : 's'} polled with it</div>
                </div>
              </div>
              {editable ? (
                <div class="settings-item-actions">
                  <button type="button" class="button button-quiet" disabled={busy || index === 0} aria-label={`Try ${set.name} earlier`} onClick={() => move(index, -1)}>↑ Earlier</button>
                  <button type="button" class="button button-quiet" disabled={busy || index === items.length - 1} aria-label={`Try ${set.name} later`} onClick={() => move(index, 1)}>↓ Later</button>
                  <button type="button" class="button" onClick={() => setEditing(set.id)}>Replace</button>
                  <button type="button" class="button button-danger" disabled={busy} onClick={() => remove(set)}>Delete</button>
                </div>
              ) : null}
              {editing === set.id ? <CredentialForm existing={set} onDone={done} onCancel={() => setEditing(null)} /> : null}
            </li>
          ))}
        </ol>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
