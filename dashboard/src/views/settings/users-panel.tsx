import { useCallback, useState } from 'preact/hooks';
import type { Role, UserView } from '@steward/shared';
import { addUser, changeUser, fetchUsers } from '../../api/settings.js';
import { useApp } from '../../app/app-context.js';
import { DataTable } from '../../components/data-table.js';
import { ErrorNotice, LoadingRow } from '../../components/notices.js';
import { formatDateTime } from '../../format/time.js';
import { useLoader } from '../../hooks/use-loader.js';
import { ROLE_LABELS, ROLES } from '../../permissions.js';
import { useSubmit } from '../../hooks/use-submit.js';

/** People who sign in, their roles, and whether they may sign in at all. */
export function UsersPanel() {
  const { api, me } = useApp();
  const users = useLoader('users', useCallback((signal: AbortSignal) => fetchUsers(api, signal), [api]));
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<string | null>(null);
  const { busy, error, run } = useSubmit();
  const change = (user: UserView, update: Parameters<typeof changeUser>[2]) => void run(() => changeUser(api, user.id, update), users.reload);

  return (
    <section class="card settings-section" aria-labelledby="users-title" data-testid="users-panel">
      <div class="card-head">
        <h2 class="card-title" id="users-title">Users and roles</h2>
        {!adding ? <button type="button" class="button" onClick={() => setAdding(true)}>Add user</button> : null}
      </div>
      <p class="muted">A role decides which screens and actions a person sees; the collector refuses the rest. Disabling a user signs them out.</p>
      {adding ? <UserForm onDone={() => { setAdding(false); users.reload(); }} onCancel={() => setAdding(false)} /> : null}
      {users.error ? <ErrorNotice error={users.error} onRetry={users.reload} /> : null}
      {!users.data && !users.error ? <LoadingRow text="Loading users…" /> : null}
      {users.data ? (
        <DataTable testId="users-table" caption="Users" head={<><th scope="col">User</th><th scope="col">Role</th><th scope="col">State</th><th scope="col" class="optional">Added</th><th scope="col"><span class="visually-hidden">Actions</span></th></>}>
          {users.data.items.map((user) => {
            const self = user.username === me.username;
            return (
              <tr key={user.id} data-username={user.username}>
                <td class="cell-primary">
                  {user.username}{self ? <span class="muted"> (you)</span> : null}
                  {user.signIn === 'sso' ? <span class="badge badge-outline" title="Signs in through the single sign-on provider; the role follows the provider's groups at each sign-in">SSO</span> : null}
                  {user.displayName ? <div class="cell-sub">{user.displayName}</div> : null}
                </td>
                <td>
                  <select aria-label={`Role of ${user.username}`} value={user.role} disabled={busy || self} onChange={(e) => change(user, { role: e.currentTarget.value as Role })}>
                    {ROLES.map((role) => <option key={role} value={role}>{ROLE_LABELS[role]}</option>)}
                  </select>
                </td>
                <td>
                  {user.disabled ? <span class="badge badge-muted">⏸ Disabled</span> : user.lockedUntil ? <span class="badge badge-warn">🔒 Locked until {formatDateTime(user.lockedUntil)}</span> : <span class="badge badge-ok">✓ Active</span>}
                </td>
                <td class="optional">{formatDateTime(user.createdAt)}</td>
                <td class="row-actions">
                  {!self ? <button type="button" class="button button-quiet" disabled={busy} onClick={() => change(user, { disabled: !user.disabled })}>{user.disabled ? 'Enable' : 'Disable'}</button> : null}
                  <button type="button" class="button button-quiet" onClick={() => setResetting(resetting === user.id ? null : user.id)}>Set password</button>
                  {resetting === user.id ? <PasswordForm user={user} onDone={() => { setResetting(null); users.reload(); }} /> : null}
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

function UserForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { api } = useApp();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('helpdesk');
  const { busy, error, run } = useSubmit();
  return (
    <form class="inline-form settings-form" aria-label="Add a user" data-testid="user-form" onSubmit={(event) => {
      event.preventDefault();
      void run(() => addUser(api, { username: username.trim(), password, role, ...(displayName.trim() ? { displayName: displayName.trim() } : {}) }), onDone);
    }}>
      <label class="field"><span>Username</span><input value={username} required maxLength={128} autoComplete="off" onInput={(e) => setUsername(e.currentTarget.value)} /></label>
      <label class="field"><span>Full name</span><input value={displayName} maxLength={256} onInput={(e) => setDisplayName(e.currentTarget.value)} /></label>
      <label class="field"><span>First password</span><input type="password" value={password} required minLength={12} maxLength={1024} autoComplete="new-password" onInput={(e) => setPassword(e.currentTarget.value)} /></label>
      <label class="field">
        <span>Role</span>
        <select value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
          {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
        </select>
      </label>
      <div class="form-buttons">
        <button type="submit" class="button button-primary" disabled={busy}>Add user</button>
        <button type="button" class="button button-quiet" onClick={onCancel}>Cancel</button>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}

function PasswordForm({ user, onDone }: { user: UserView; onDone: () => void }) {
  const { api } = useApp();
  const [password, setPassword] = useState('');
  const { busy, error, run } = useSubmit();
  return (
    <form class="inline-form" aria-label={`New password for ${user.username}`} onSubmit={(event) => { event.preventDefault(); void run(() => changeUser(api, user.id, { password }), onDone); }}>
      <label class="field"><span>New password</span><input type="password" value={password} required minLength={12} maxLength={1024} autoComplete="new-password" onInput={(e) => setPassword(e.currentTarget.value)} /></label>
      <div class="form-buttons"><button type="submit" class="button button-primary" disabled={busy}>Set password</button></div>
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}
