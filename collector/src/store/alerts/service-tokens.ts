import type { Queryable } from '../database.js';

export type ServiceScope = 'lookup' | 'metrics';

export interface ServiceTokenRow {
  id: string;
  name: string;
  scopes: ServiceScope[];
  created_by: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS = 'id, name, scopes, created_by, created_at, last_used_at, revoked_at';

export async function insertServiceToken(
  db: Queryable, t: { id: string; name: string; tokenHash: string; scopes: ServiceScope[]; createdBy: string },
): Promise<ServiceTokenRow> {
  const { rows } = await db.query<ServiceTokenRow>(
    `insert into service_tokens (id, name, token_hash, scopes, created_by) values ($1, $2, $3, $4, $5) returning ${COLUMNS}`,
    [t.id, t.name, t.tokenHash, t.scopes, t.createdBy],
  );
  return rows[0]!;
}

/** The live token with this hash, marked as used now. */
export async function useServiceToken(db: Queryable, tokenHash: string): Promise<ServiceTokenRow | undefined> {
  const { rows } = await db.query<ServiceTokenRow>(
    `update service_tokens set last_used_at = now() where token_hash = $1 and revoked_at is null returning ${COLUMNS}`,
    [tokenHash],
  );
  return rows[0];
}

export async function listServiceTokens(db: Queryable): Promise<ServiceTokenRow[]> {
  const { rows } = await db.query<ServiceTokenRow>(`select ${COLUMNS} from service_tokens order by created_at desc, id`);
  return rows;
}

export async function revokeServiceToken(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query('update service_tokens set revoked_at = now() where id = $1 and revoked_at is null', [id]);
  return rowCount > 0;
}
