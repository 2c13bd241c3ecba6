import type { Queryable } from '../database.js';

const RDAP_SERVERS = 'domains.rdapServers';

export async function readRdapServers(db: Queryable): Promise<Record<string, string>> {
  const { rows } = await db.query<{ value: Record<string, string> }>('select value from settings where key = $1', [RDAP_SERVERS]);
  return rows[0]?.value ?? {};
}

export async function writeRdapServers(db: Queryable, servers: Record<string, string>): Promise<void> {
  await db.query(
    `insert into settings (key, value, updated_at) values ($1, $2::jsonb, now())
     on conflict (key) do update set value = excluded.value, updated_at = now()`,
    [RDAP_SERVERS, JSON.stringify(servers)],
  );
}
