import type { Queryable } from '../database.js';

/** A stored SSH credential set; its secrets stay sealed until a scan opens them to log in. */
export interface SshCredentialRow {
  id: string;
  name: string;
  position: number;
  kind: 'key' | 'password';
  username: string;
  sealed_secrets: string;
  created_at: Date;
  updated_at: Date;
}

export type NewSshCredentialRow = Pick<SshCredentialRow, 'id' | 'name' | 'kind' | 'username' | 'sealed_secrets'>;

const COLUMNS = 'id, name, position, kind, username, sealed_secrets, created_at, updated_at';

export async function listSshCredentials(db: Queryable): Promise<SshCredentialRow[]> {
  const { rows } = await db.query<SshCredentialRow>(`select ${COLUMNS} from ssh_credentials order by position, created_at`);
  return rows;
}

export async function getSshCredential(db: Queryable, id: string): Promise<SshCredentialRow | undefined> {
  const { rows } = await db.query<SshCredentialRow>(`select ${COLUMNS} from ssh_credentials where id = $1`, [id]);
  return rows[0];
}

/** Serialises changes to the order: positions are read and written as one. */
export async function lockSshCredentials(db: Queryable): Promise<void> {
  await db.query('lock table ssh_credentials in share row exclusive mode');
}

/** Appends a set after the others: a new set is tried last until someone reorders. */
export async function insertSshCredential(db: Queryable, row: NewSshCredentialRow): Promise<void> {
  await db.query(
    `insert into ssh_credentials (id, name, position, kind, username, sealed_secrets)
     values ($1, $2, (select coalesce(max(position), 0) + 1 from ssh_credentials), $3, $4, $5)`,
    [row.id, row.name, row.kind, row.username, row.sealed_secrets],
  );
}

export async function updateSshCredential(db: Queryable, row: NewSshCredentialRow): Promise<boolean> {
  const { rowCount } = await db.query(
    'update ssh_credentials set name = $2, kind = $3, username = $4, sealed_secrets = $5, updated_at = now() where id = $1',
    [row.id, row.name, row.kind, row.username, row.sealed_secrets],
  );
  return rowCount === 1;
}

export async function deleteSshCredential(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query('delete from ssh_credentials where id = $1', [id]);
  return rowCount === 1;
}

/** Positions follow the order of ids given (1, 2, 3...). */
export async function reorderSshCredentials(db: Queryable, ids: string[]): Promise<void> {
  await db.query(
    `update ssh_credentials c set position = o.position, updated_at = now()
       from unnest($1::uuid[]) with ordinality as o(id, position) where c.id = o.id`,
    [ids],
  );
}
