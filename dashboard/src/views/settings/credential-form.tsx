import { useState } from 'preact/hooks';
import type { SnmpCredentialSetInput, SnmpCredentialSetUpdate, SnmpCredentialSetView } from '@steward/shared';
import { addCredential, replaceCredential } from '../../api/settings.js';
import { useApp } from '../../app/app-context.js';
import { ErrorNotice } from '../../components/notices.js';
import { useSubmit } from '../../hooks/use-submit.js';

type Version = SnmpCredentialSetView['version'];
type Level = NonNullable<SnmpCredentialSetView['level']>;
const AUTH_PROTOCOLS = ['sha', 'sha224', 'sha256', 'sha384', 'sha512', 'md5'] as const;
const PRIV_PROTOCOLS = ['aes', 'aes256b', 'aes256r', 'des'] as const;

interface CredentialFormProps {
  /** The set being replaced; absent for a new one. */
  existing?: SnmpCredentialSetView;
  onDone: () => void;
  onCancel: () => void;
}

/**
 * Adds or replaces an SNMP credential set. Secrets are never shown: the fields start empty, and
 * when replacing a set an empty secret keeps the stored one.
 */
export function CredentialForm({ existing, onDone, onCancel }: CredentialFormProps) {
  const { api } = useApp();
  const [name, setName] = useState(existing?.name ?? '');
  const [version, setVersion] = useState<Version>(existing?.version ?? '2c');
  const [community, setCommunity] = useState('');
  const [user, setUser] = useState(existing?.user ?? '');
  const [level, setLevel] = useState<Level>(existing?.level ?? 'authPriv');
  const [authProtocol, setAuthProtocol] = useState<string>(existing?.authProtocol ?? 'sha256');
  const [authKey, setAuthKey] = useState('');
  const [privProtocol, setPrivProtocol] = useState<string>(existing?.privProtocol ?? 'aes');
  const [privKey, setPrivKey] = useState('');
  const { busy, error, run } = useSubmit();
  const keepHint = existing ? 'Leave empty to keep the stored value' : undefined;

  const body = (): SnmpCredentialSetInput | SnmpCredentialSetUpdate => {
    if (version !== '3') return { name: name.trim(), version, ...(community ? { community } : {}) } as SnmpCredentialSetUpdate;
    return {
      name: name.trim(), version, user: user.trim(), level,
      ...(level !== 'noAuthNoPriv' ? { authProtocol: authProtocol as (typeof AUTH_PROTOCOLS)[number], ...(authKey ? { authKey } : {}) } : {}),
      ...(level === 'authPriv' ? { privProtocol: privProtocol as (typeof PRIV_PROTOCOLS)[number], ...(privKey ? { privKey } : {}) } : {}),
    };
  };
  const submit = () => run(
    () => existing ? replaceCredential(api, existing.id, body()) : addCredential(api, body() as SnmpCredentialSetInput),
    onDone,
  );

  return (
    <form class="inline-form settings-form" aria-label={existing ? `Replace ${existing.name}` : 'Add a credential set'} data-testid="credential-form"
      onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <label class="field"><span>Name</span><input value={name} required maxLength={128} onInput={(e) => setName(e.currentTarget.value)} /></label>
      <label class="field">
        <span>SNMP version</span>
        <select value={version} onChange={(e) => setVersion(e.currentTarget.value as Version)}>
          <option value="2c">v2c</option><option value="1">v1</option><option value="3">v3 (USM)</option>
        </select>
      </label>
      {version !== '3' ? (
        <SecretField label="Community" value={community} onInput={setCommunity} required={!existing || existing.version === '3'} hint={existing?.version !== '3' ? keepHint : undefined} />
      ) : (
        <>
          <label class="field"><span>User</span><input value={user} required maxLength={64} onInput={(e) => setUser(e.currentTarget.value)} /></label>
          <label class="field">
            <span>Security level</span>
            <select value={level} onChange={(e) => setLevel(e.currentTarget.value as Level)}>
              <option value="authPriv">Authentication and privacy</option>
              <option value="authNoPriv">Authentication only</option>
              <option value="noAuthNoPriv">Neither</option>
            </select>
          </label>
          {level !== 'noAuthNoPriv' ? (
            <>
              <ProtocolField label="Authentication protocol" value={authProtocol} options={AUTH_PROTOCOLS} onChange={setAuthProtocol} />
              <SecretField label="Authentication key" value={authKey} onInput={setAuthKey} required={!existing?.secrets.authKey} hint={existing?.secrets.authKey ? keepHint : undefined} />
            </>
          ) : null}
          {level === 'authPriv' ? (
            <>
              <ProtocolField label="Privacy protocol" value={privProtocol} options={PRIV_PROTOCOLS} onChange={setPrivProtocol} />
              <SecretField label="Privacy key" value={privKey} onInput={setPrivKey} required={!existing?.secrets.privKey} hint={existing?.secrets.privKey ? keepHint : undefined} />
            </>
          ) : null}
        </>
      )}
      <div class="form-buttons">
        <button type="submit" class="button button-primary" disabled={busy}>{existing ? 'Replace credential set' : 'Add credential set'}</button>
        <button type="button" class="button button-quiet" onClick={onCancel}>Cancel</button>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}

function SecretField({ label, value, onInput, required, hint }: { label: string; value: string; onInput: (v: string) => void; required: boolean; hint?: string }) {
  return (
    <label class="field">
      <span>{label}</span>
      <input type="password" autoComplete="new-password" value={value} required={required} maxLength={256} placeholder={hint ? '••••••• (set)' : ''}
        onInput={(e) => onInput(e.currentTarget.value)} />
      {hint ? <small class="field-hint">{hint}</small> : null}
    </label>
  );
}

function ProtocolField({ label, value, options, onChange }: { label: string; value: string; options: readonly string[]; onChange: (v: string) => void }) {
  return (
    <label class="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {options.map((option) => <option key={option} value={option}>{option.toUpperCase()}</option>)}
      </select>
    </label>
  );
}
