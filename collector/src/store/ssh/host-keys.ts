import type { SshHostKeyView } from '@steward/shared';
import type { Queryable } from '../database.js';

interface HostKeyRow {
  host: string; port: number; key_type: string; fingerprint_sha256: string; pinned_at: Date; pinned_by: string;
  offered_key_type: string | null; offered_fingerprint_sha256: string | null; offered_at: Date | null;
}

const view = (r: HostKeyRow): SshHostKeyView => ({
  host: r.host, port: r.port, keyType: r.key_type, fingerprint: r.fingerprint_sha256, pinnedAt: r.pinned_at.toISOString(), pinnedBy: r.pinned_by,
  offered: r.offered_fingerprint_sha256 ? { keyType: r.offered_key_type ?? '', fingerprint: r.offered_fingerprint_sha256, at: r.offered_at!.toISOString() } : null,
});

export async function listHostKeys(db: Queryable, changedOnly = false): Promise<SshHostKeyView[]> {
  const { rows } = await db.query<HostKeyRow>(
    `select * from ssh_host_keys ${changedOnly ? 'where offered_fingerprint_sha256 is not null' : ''} order by host, port`,
  );
  return rows.map(view);
}

export async function getHostKey(db: Queryable, host: string, port: number): Promise<SshHostKeyView | undefined> {
  const { rows } = await db.query<HostKeyRow>('select * from ssh_host_keys where host = $1 and port = $2', [host, port]);
  return rows[0] ? view(rows[0]) : undefined;
}

/** Pins the key a host first presents; a key pinned meanwhile by a concurrent scan wins. Returns the pinned fingerprint. */
export async function pinHostKey(db: Queryable, host: string, port: number, keyType: string, fingerprint: string, by: string): Promise<string> {
  const { rows } = await db.query<{ fingerprint_sha256: string }>(
    `insert into ssh_host_keys (host, port, key_type, fingerprint_sha256, pinned_by) values ($1, $2, $3, $4, $5)
     on conflict (host, port) do update set host = excluded.host returning fingerprint_sha256`,
    [host, port, keyType, fingerprint, by],
  );
  return rows[0]!.fingerprint_sha256;
}

/** Keeps the different key a host offered, for a person to look at and accept. */
export async function recordOfferedKey(db: Queryable, host: string, port: number, keyType: string, fingerprint: string): Promise<void> {
  await db.query(
    `update ssh_host_keys set offered_key_type = $3, offered_fingerprint_sha256 = $4, offered_at = now()
      where host = $1 and port = $2 and fingerprint_sha256 <> $4`,
    [host, port, keyType, fingerprint],
  );
}

/** Pins the offered key in place of the old one, if it is still the one offered. */
export async function acceptOfferedKey(db: Queryable, host: string, port: number, fingerprint: string, by: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `update ssh_host_keys set key_type = offered_key_type, fingerprint_sha256 = offered_fingerprint_sha256, pinned_at = now(), pinned_by = $4,
            offered_key_type = null, offered_fingerprint_sha256 = null, offered_at = null
      where host = $1 and port = $2 and offered_fingerprint_sha256 = $3`,
    [host, port, fingerprint, by],
  );
  return rowCount === 1;
}
