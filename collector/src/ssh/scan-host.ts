import type { SshBounds, SshErrorCode } from '@steward/shared';
import type { CollectorContext } from '../context.js';
import { getHostKey, pinHostKey, recordOfferedKey } from '../store/ssh/host-keys.js';
import { recordSshError } from '../store/ssh/hosts.js';
import { readHostInventory } from './host-inventory.js';
import type { OpenedSshCredential } from './ssh-credentials.js';
import { SshScanError, SshSession, type KeyCheck } from './ssh-session.js';
import { storeScannedHost, type StoredHost } from './store-scanned-host.js';

export type HostOutcome =
  | ({ ok: true; credentialId: string } & StoredHost)
  | { ok: false; code: SshErrorCode; message: string };

/**
 * Trusts the key a host presents on first contact and pins it; afterwards only that key. A
 * different key is kept for a person to accept, and the session stops before authenticating.
 */
function keyCheck(ctx: CollectorContext, host: string, port: number, by: string): KeyCheck {
  return async ({ keyType, fingerprint }) => {
    const pinned = await getHostKey(ctx.db, host, port);
    if (!pinned) return (await pinHostKey(ctx.db, host, port, keyType, fingerprint, by)) === fingerprint;
    if (pinned.fingerprint === fingerprint) return true;
    await recordOfferedKey(ctx.db, host, port, keyType, fingerprint);
    return false;
  };
}

/** Logs in with the first set the host accepts; a host that refuses every set is one error naming how many were tried. */
async function logIn(ctx: CollectorContext, host: string, port: number, credentials: OpenedSshCredential[], bounds: SshBounds, by: string) {
  const check = keyCheck(ctx, host, port, by);
  for (const credential of credentials) {
    try {
      return { session: await SshSession.open(host, port, credential.login, bounds, check), credentialId: credential.id };
    } catch (error) {
      if (!(error instanceof SshScanError && error.code === 'auth-failed')) throw error;
    }
  }
  throw new SshScanError('auth-failed', `${host}:${port}: none of the ${credentials.length} SSH credential sets tried was accepted`);
}

/**
 * Scans one host: logs in, reads its inventory and stores it. Every failure ends as this host's
 * error (kept with the host) and stores nothing of the inventory: what is read is stored in one
 * transaction once all of it has been read.
 */
export async function scanHost(ctx: CollectorContext, host: string, port: number, credentials: OpenedSshCredential[], bounds: SshBounds, by: string): Promise<HostOutcome> {
  let session: SshSession | undefined;
  try {
    const login = await logIn(ctx, host, port, credentials, bounds, by);
    session = login.session;
    const inventory = await readHostInventory(session, bounds.commandTimeoutMs);
    session.close();
    session = undefined;
    let stored: StoredHost;
    try {
      stored = await storeScannedHost(ctx.db, host, port, login.credentialId, inventory);
    } catch (error) {
      throw new SshScanError('store-failed', `${host}:${port}: read but not stored: ${(error as Error).message}`);
    }
    ctx.log.info({ host, port, device: stored.deviceId, change: stored.change, software: inventory.software.length }, 'ssh host scanned');
    if (stored.change !== 'unchanged') {
      await ctx.live.publish({ type: 'device.changed', deviceId: stored.deviceId, change: stored.change, at: new Date().toISOString() })
        .catch((error: Error) => ctx.log.warn({ err: error.message }, 'live event not published'));
    }
    return { ok: true, credentialId: login.credentialId, ...stored };
  } catch (error) {
    const failure = error instanceof SshScanError ? error : new SshScanError('connect-failed', `${host}:${port}: ${(error as Error).message}`);
    ctx.log.warn({ host, port, code: failure.code, err: failure.message }, 'ssh host not scanned');
    await recordSshError(ctx.db, host, port, failure.code, failure.message)
      .catch((e: Error) => ctx.log.warn({ err: e.message, host, port }, 'ssh host outcome not recorded'));
    return { ok: false, code: failure.code, message: failure.message };
  } finally {
    session?.close();
  }
}
