import type { Queryable } from '../database.js';

/** A stored credential set; its secrets stay sealed until a service opens them to talk to a device. */
export interface CredentialRow {
  id: string;
  name: string;
  position: number;
  version: '1' | '2c' | '3';
  username: string | null;
  level: 'noAuthNoPriv' | 'authNoPriv' | 'authPriv' | null;
  auth_protocol: string | null;
  priv_protocol: string | null;
  context: string | null;
  sealed_secrets: string;
  created_at: Date;
  updated_at: Date;
  device_count: number;
}

export type NewCredentialRow = Omit<CredentialRow, 'position' | 'created_at' | 'updated_at' | 'device_count'>;

const COLUMNS = `c.id, c.name, c.position, c.version, c.username, c.level, c.auth_protocol, c.priv_protocol, c.context, c.sealed_secrets,
  c.created_at, c.updated_at, (select count(*)::int from snmp_targets t where t.credential_id = c.id) as device_count`;

export async function listCredentials(db: Queryable): Promise<CredentialRow[]> {
  const { rows } = await db.query<CredentialRow>(`select ${COLUMNS} from snmp_credentials c order by c.position, c.created_at`);
  return rows;
}

export async function getCredential(db: Queryable, id: string): Promise<CredentialRow | undefined> {
  const { rows } = await db.query<CredentialRow>(`select ${COLUMNS} from snmp_credentials c where c.id = $1`, [id]);
  return rows[0];
}

/** Appends a set after the others: a new set is tried last until someone reorders. */
export async function insertCredential(db: Queryable, row: NewCredentialRow): Promise<void> {
  await db.query(
    `insert into snmp_credentials (id, name, position, version, username, level, auth_protocol, priv_protocol, context, sealed_secrets)
     values ($1, $2, (select coalesce(max(position), 0) + 1 from snmp_credentials), $3, $4, $5, $6, $7, $8, $9)`,
    [row.id, row.name, row.version, row.username, row.level, row.auth_protocol, row.priv_protocol, row.context, row.sealed_secrets],
  );
}

export async function updateCredential(db: Queryable, row: NewCredentialRow): Promise<boolean> {
  const { rowCount } = await db.query(
    `update snmp_credentials set name = $2, version = $3, username = $4, level = $5, auth_protocol = $6, priv_protocol = $7,
            context = $8, sealed_secrets = $9, updated_at = now()
      where id = $1`,
    [row.id, row.name, row.version, row.username, row.level, row.auth_protocol, row.priv_protocol, row.context, row.sealed_secrets],
  );
  return rowCount === 1;
}

export async function deleteCredential(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query('delete from snmp_credentials where id = $1', [id]);
  return rowCount === 1;
}

/** Positions follow the order of ids given (1, 2, 3...). */
export async function reorderCredentials(db: Queryable, ids: string[]): Promise<void> {
  await db.query(
    `update snmp_credentials c set position = o.position, updated_at = now()
       from unnest($1::uuid[]) with ordinality as o(id, position) where c.id = o.id`,
    [ids],
  );
}

/** Serialises changes to the set list, so two reorders or inserts cannot interleave their positions. */
export async function lockCredentials(db: Queryable): Promise<void> {
  await db.query('lock table snmp_credentials in share row exclusive mode');
}
