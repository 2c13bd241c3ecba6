import type { GlobalSearchAnswer } from '@steward/shared';
import type { Queryable } from '../database.js';
import { escapeLike } from '../escape-like.js';
import { LINKED_DEVICE } from '../reconcile/asset-links.js';

type Hits<K extends keyof GlobalSearchAnswer> = NonNullable<GlobalSearchAnswer[K]>;

/** The LIKE pattern for "contains", wildcards in the text taken literally. */
const contains = (text: string) => `%${escapeLike(text.toLowerCase())}%`;

/** Text that could be part of a MAC address (hex pairs with colons or dashes), written as stored. */
function macFragment(text: string): string | null {
  const t = text.toLowerCase().replace(/-/g, ':');
  return /^[0-9a-f:]{4,17}$/.test(t) && /[:]/.test(t) ? t : null;
}

/** Text that could be part of an IP address: digits and dots (IPv4) or hex and colons (IPv6). */
function ipFragment(text: string): string | null {
  return /^[0-9.]{3,15}$/.test(text) || (/^[0-9a-f:]{3,39}$/i.test(text) && text.includes(':')) ? text.toLowerCase() : null;
}

/**
 * Devices by host name or FQDN, serial, MAC address, IP address (the agent's last address, the
 * SNMP target and interface addresses, the addresses an agent reports, addresses seen held) or the tag, serial or name
 * of the asset they are linked to; each found once, by its best reason.
 */
export async function searchDevices(db: Queryable, text: string, limit: number): Promise<Hits<'devices'>> {
  const mac = macFragment(text);
  const ip = ipFragment(text);
  const { rows } = await db.query<Hits<'devices'>[number]>(
    `with hits as (
       select x.id, 'hostname' as via, 1 as rank from devices x where lower(x.hostname) like $1 or lower(coalesce(x.fqdn, '')) like $1
       union all select x.id, 'serial', 2 from devices x where lower(x.serial_number) like $1
       union all select l.device_id, 'asset', 3 from device_asset_links l join register_assets a on a.id = l.asset_id
                  where lower(a.tag) like $1 or lower(a.name) like $1 or lower(coalesce(a.serial, '')) like $1
       union all select x.id, 'mac', 4 from devices x, unnest(x.mac_addresses) m where $2::text is not null and m like $2
       union all select g.device_id, 'ip', 5 from agents g where $3::text is not null and g.device_id is not null and g.last_address like $3
       union all select t.device_id, 'ip', 5 from snmp_targets t where $3::text is not null and t.host like $3
       union all select s.device_id, 'ip', 5 from snmp_addresses s where $3::text is not null and lower(s.address) like $3
       union all select s.device_id, 'ip', 5 from ip_sightings s where $3::text is not null and host(s.address) like $3
       union all select x.id, 'ip', 5 from devices x, jsonb_array_elements(coalesce(x.hardware -> 'networkInterfaces', '[]')) i,
                  jsonb_array_elements_text(coalesce(i -> 'ipv4', '[]') || coalesce(i -> 'ipv6', '[]')) a
                  where $3::text is not null and jsonb_typeof(x.hardware -> 'networkInterfaces') = 'array' and lower(a) like $3
     ), best as (select distinct on (id) id, via, rank from hits order by id, rank)
     select d.id, d.hostname, d.kind, d.serial_number as "serialNumber", b.via,
            (select a.tag from device_asset_links l join register_assets a on a.id = l.asset_id where l.device_id = d.id) as "assetTag"
       from best b join devices d on d.id = b.id
      order by b.rank, lower(d.hostname), d.id limit $4`,
    [contains(text), mac && contains(mac), ip && contains(ip), limit],
  );
  return rows;
}

/** Assets by tag, name or serial (their search text), with the host name of the device linked to each. */
export async function searchAssets(db: Queryable, text: string, limit: number): Promise<Hits<'assets'>> {
  const { rows } = await db.query<Hits<'assets'>[number]>(
    `select a.id, a.tag, a.name, a.serial, a.status, (select d.hostname from devices d where d.id = ${LINKED_DEVICE('a.id')}) as hostname
       from register_assets a
      where a.search_text like $1 and (lower(a.tag) like $1 or lower(a.name) like $1 or lower(coalesce(a.serial, '')) like $1)
      order by lower(a.tag) = $2 desc, lower(a.tag), a.id limit $3`,
    [contains(text), text.toLowerCase(), limit],
  );
  return rows;
}

/** People by name, e-mail, user name or employee number. */
export async function searchPeople(db: Queryable, text: string, limit: number): Promise<Hits<'people'>> {
  const { rows } = await db.query<Hits<'people'>[number]>(
    'select p.id, p.name, p.email, p.username from register_people p where p.search_text like $1 order by lower(p.name), p.id limit $2',
    [contains(text), limit],
  );
  return rows;
}

/** Software titles by name, each name and publisher once. */
export async function searchSoftwareTitles(db: Queryable, text: string, limit: number): Promise<Hits<'software'>> {
  const { rows } = await db.query<Hits<'software'>[number]>(
    `select distinct t.name, nullif(t.publisher, '') as publisher from software_titles t
      where lower(t.name) like $1 order by t.name, publisher limit $2`,
    [contains(text), limit],
  );
  return rows;
}
