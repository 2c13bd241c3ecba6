import type { Queryable } from '../database.js';

export interface DomainRow {
  name: string; registrar: string | null; registered_on: Date | null; expires_on: Date | null; name_servers: string[]; statuses: string[];
  rdap_url: string | null; checked_at: Date | null; last_good_at: Date | null; last_error: string | null;
  asset_id: string | null; asset_tag: string | null;
}

const DOMAIN_SELECT = `
  select d.name, d.registrar, d.registered_on, d.expires_on, d.name_servers, d.statuses, d.rdap_url, d.checked_at, d.last_good_at,
         d.last_error, d.asset_id, a.tag as asset_tag
    from domains d left join register_assets a on a.id = d.asset_id`;

/** Adds a domain to watch; false when it was already there. */
export async function insertDomain(db: Queryable, name: string, rdapUrl: string | null, addedBy: string): Promise<boolean> {
  const { rowCount } = await db.query(
    'insert into domains (name, rdap_url, added_by) values ($1, $2, $3) on conflict (name) do nothing', [name, rdapUrl, addedBy],
  );
  return rowCount === 1;
}

export async function deleteDomain(db: Queryable, name: string): Promise<boolean> {
  const { rowCount } = await db.query('delete from domains where name = $1', [name]);
  return rowCount === 1;
}

export async function listDomains(db: Queryable): Promise<DomainRow[]> {
  const { rows } = await db.query<DomainRow>(`${DOMAIN_SELECT} order by d.expires_on nulls last, d.name`);
  return rows;
}

export async function getDomain(db: Queryable, name: string): Promise<DomainRow | undefined> {
  const { rows } = await db.query<DomainRow>(`${DOMAIN_SELECT} where d.name = $1`, [name]);
  return rows[0];
}

export interface DomainLookup {
  registrar: string | null; registeredOn: string | null; expiresOn: string | null; nameServers: string[]; statuses: string[];
}

/** A good answer replaces what was known. */
export async function recordDomainLookup(db: Queryable, name: string, found: DomainLookup): Promise<void> {
  await db.query(
    `update domains set registrar = $2, registered_on = $3, expires_on = $4, name_servers = $5, statuses = $6,
            checked_at = now(), last_good_at = now(), last_error = null
      where name = $1`,
    [name, found.registrar, found.registeredOn, found.expiresOn, found.nameServers, found.statuses],
  );
}

/** A failed look-up leaves the last good data as it was and says why. */
export async function recordDomainLookupError(db: Queryable, name: string, error: string): Promise<void> {
  await db.query('update domains set checked_at = now(), last_error = $2 where name = $1', [name, error.slice(0, 1000)]);
}

export async function linkDomainAsset(db: Queryable, name: string, assetId: string): Promise<void> {
  await db.query('update domains set asset_id = $2 where name = $1', [name, assetId]);
}
