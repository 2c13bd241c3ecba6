import type { SnmpCredential } from '@steward/shared';
import { openSecret, sealSecret, type MasterKeys } from '../secrets.js';
import type { CredentialRow, NewCredentialRow } from '../../store/network/credentials.js';

/** The parts of a credential set that are secret: sealed together, opened only to talk to devices. */
export interface CredentialSecrets {
  community?: string;
  authKey?: string;
  privKey?: string;
}

export function sealCredentialSecrets(keys: MasterKeys, secrets: CredentialSecrets): string {
  return sealSecret(keys, JSON.stringify(secrets));
}

export function openCredentialSecrets(keys: MasterKeys, row: Pick<CredentialRow, 'sealed_secrets'>): CredentialSecrets {
  return JSON.parse(openSecret(keys, row.sealed_secrets)) as CredentialSecrets;
}

/** A stored set as the SNMP engine takes it, named by its id. */
export function engineCredential(keys: MasterKeys, row: CredentialRow): SnmpCredential {
  const secrets = openCredentialSecrets(keys, row);
  if (row.version !== '3') return { id: row.id, version: row.version, community: secrets.community ?? '' };
  return {
    id: row.id, version: '3', user: row.username ?? '', level: row.level ?? 'noAuthNoPriv',
    authProtocol: (row.auth_protocol ?? undefined) as Extract<SnmpCredential, { version: '3' }>['authProtocol'],
    authKey: secrets.authKey,
    privProtocol: (row.priv_protocol ?? undefined) as Extract<SnmpCredential, { version: '3' }>['privProtocol'],
    privKey: secrets.privKey,
    context: row.context ?? undefined,
  };
}

/** The columns of a complete credential (as the engine takes it) with its secrets sealed. */
export function credentialRow(keys: MasterKeys, id: string, name: string, c: SnmpCredential): NewCredentialRow {
  if (c.version !== '3') {
    return {
      id, name, version: c.version, username: null, level: null, auth_protocol: null, priv_protocol: null, context: null,
      sealed_secrets: sealCredentialSecrets(keys, { community: c.community }),
    };
  }
  return {
    id, name, version: '3', username: c.user, level: c.level, auth_protocol: c.authProtocol ?? null, priv_protocol: c.privProtocol ?? null,
    context: c.context ?? null, sealed_secrets: sealCredentialSecrets(keys, { authKey: c.authKey, privKey: c.privKey }),
  };
}

/** Two credentials that would speak to a device the same way. */
export function sameCredential(a: SnmpCredential, b: SnmpCredential): boolean {
  if (a.version !== b.version) return false;
  if (a.version !== '3' || b.version !== '3') return a.version !== '3' && b.version !== '3' && a.community === b.community;
  return a.user === b.user && a.level === b.level && a.authProtocol === b.authProtocol && a.authKey === b.authKey
    && a.privProtocol === b.privProtocol && a.privKey === b.privKey && (a.context ?? '') === (b.context ?? '');
}
