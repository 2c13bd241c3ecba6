import type { SshErrorCode, SshHostStatus } from '@steward/shared';
import type { Queryable } from '../database.js';

interface HostRow {
  host: string; port: number; device_id: string | null; credential_id: string | null; status: 'ok' | 'error';
  error_code: SshErrorCode | null; error_message: string | null; scanned_at: Date; last_success_at: Date | null;
}

const view = (r: HostRow): SshHostStatus => ({
  host: r.host, port: r.port, status: r.status, deviceId: r.device_id, credentialId: r.credential_id, errorCode: r.error_code,
  errorMessage: r.error_message, scannedAt: r.scanned_at.toISOString(), lastSuccessAt: r.last_success_at?.toISOString() ?? null,
});

export async function listSshHosts(db: Queryable): Promise<SshHostStatus[]> {
  const { rows } = await db.query<HostRow>('select * from ssh_hosts order by host, port');
  return rows.map(view);
}

export async function getSshHost(db: Queryable, host: string, port: number): Promise<SshHostStatus | undefined> {
  const { rows } = await db.query<HostRow>('select * from ssh_hosts where host = $1 and port = $2', [host, port]);
  return rows[0] ? view(rows[0]) : undefined;
}

/** The device a host's earlier scans stored, while it still exists. */
export async function deviceOfSshHost(db: Queryable, host: string, port: number): Promise<string | undefined> {
  const { rows } = await db.query<{ device_id: string }>(
    'select h.device_id from ssh_hosts h join devices d on d.id = h.device_id where h.host = $1 and h.port = $2', [host, port],
  );
  return rows[0]?.device_id;
}

export async function recordSshSuccess(db: Queryable, host: string, port: number, deviceId: string, credentialId: string): Promise<void> {
  await db.query(
    `insert into ssh_hosts (host, port, device_id, credential_id, status, scanned_at, last_success_at) values ($1, $2, $3, $4, 'ok', now(), now())
     on conflict (host, port) do update set device_id = $3, credential_id = $4, status = 'ok', error_code = null, error_message = null,
       scanned_at = now(), last_success_at = now()`,
    [host, port, deviceId, credentialId],
  );
}

/** A failed scan keeps the device and credential of the last good one: only the outcome changes. */
export async function recordSshError(db: Queryable, host: string, port: number, code: SshErrorCode, message: string): Promise<void> {
  await db.query(
    `insert into ssh_hosts (host, port, status, error_code, error_message, scanned_at) values ($1, $2, 'error', $3, $4, now())
     on conflict (host, port) do update set status = 'error', error_code = $3, error_message = $4, scanned_at = now()`,
    [host, port, code, message.slice(0, 1024)],
  );
}
