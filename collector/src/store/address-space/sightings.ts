import type { Queryable } from '../database.js';

/**
 * Records the addresses of the devices seen since `since` from the interfaces they report (agents
 * and SNMP devices alike keep them in hardware.networkInterfaces). Loopback, link-local and
 * unspecified addresses say nothing about the network and are left out.
 */
export async function refreshSightings(db: Queryable, since: Date | null): Promise<number> {
  const { rowCount } = await db.query(
    `insert into ip_sightings (address, mac, device_id, first_seen, last_seen)
     select distinct on (a.address, d.id, a.mac) a.address, a.mac, d.id, d.last_seen, d.last_seen
       from devices d
       cross join lateral jsonb_array_elements(case when jsonb_typeof(d.hardware->'networkInterfaces') = 'array' then d.hardware->'networkInterfaces' else '[]'::jsonb end) i
       cross join lateral (
         select host(steward_try_inet(split_part(t.value, '%', 1)))::inet as address, coalesce(lower(i->>'mac'), '') as mac
           from jsonb_array_elements_text(
                  (case when jsonb_typeof(i->'ipv4') = 'array' then i->'ipv4' else '[]'::jsonb end)
               || (case when jsonb_typeof(i->'ipv6') = 'array' then i->'ipv6' else '[]'::jsonb end)) t(value)
       ) a
      where ($1::timestamptz is null or d.last_seen >= $1)
        and a.address is not null
        and not (a.address << '127.0.0.0/8'::inet or a.address << '169.254.0.0/16'::inet or a.address << 'fe80::/10'::inet
                 or a.address = '::1'::inet or a.address = '0.0.0.0'::inet or a.address = '::'::inet)
      order by a.address, d.id, a.mac
     on conflict (address, device_id, mac) do update set last_seen = greatest(ip_sightings.last_seen, excluded.last_seen)`,
    [since],
  );
  return rowCount ?? 0;
}

export interface SubnetRow { cidr: string; sources: string[] }

/** Subnets from sweep ranges, the subnets agents and SSH-scanned hosts report and the prefixes of SNMP devices' addresses. */
export async function knownSubnets(db: Queryable): Promise<SubnetRow[]> {
  const { rows } = await db.query<SubnetRow>(
    `with found as (
       select steward_try_cidr(item) as cidr, 'sweep' as source
         from snmp_sweeps s cross join lateral unnest(s.include) item where item like '%/%'
       union all
       select steward_try_cidr(t.value), d.kind
         from devices d
         cross join lateral jsonb_array_elements(case when jsonb_typeof(d.hardware->'networkInterfaces') = 'array' then d.hardware->'networkInterfaces' else '[]'::jsonb end) i
         cross join lateral jsonb_array_elements_text(case when jsonb_typeof(i->'subnets') = 'array' then i->'subnets' else '[]'::jsonb end) t(value)
        where d.kind in ('agent', 'ssh')
       union all
       select network(set_masklen(steward_try_inet(a.address), a.prefix_length))::cidr, 'snmp'
         from snmp_addresses a where a.prefix_length is not null and steward_try_inet(a.address) is not null
     )
     select cidr::text as cidr, array_agg(distinct source order by source) as sources
       from found
      where cidr is not null and not (cidr << '127.0.0.0/8'::cidr or cidr <<= '169.254.0.0/16'::cidr or cidr <<= 'fe80::/10'::cidr)
        and ((family(cidr) = 4 and masklen(cidr) between 8 and 32) or (family(cidr) = 6 and masklen(cidr) between 32 and 128))
      group by cidr
      order by family(cidr), cidr`,
  );
  return rows;
}

export interface SightingRow {
  address: string; mac: string; device_id: string; hostname: string; kind: 'agent' | 'snmp' | 'ssh'; first_seen: Date; last_seen: Date;
}

/** Every address seen within the subnet, with each device and MAC that held it. */
export async function sightingsIn(db: Queryable, cidr: string): Promise<SightingRow[]> {
  const { rows } = await db.query<SightingRow>(
    `select host(s.address) as address, s.mac, s.device_id, d.hostname, d.kind, s.first_seen, s.last_seen
       from ip_sightings s join devices d on d.id = s.device_id
      where s.address <<= $1::cidr
      order by s.address, s.last_seen desc`,
    [cidr],
  );
  return rows;
}

export interface SubnetCountRow { cidr: string; used: number; conflicts: number }

/** Addresses in use and addresses in conflict, per subnet, counted in one pass. */
export async function subnetCounts(db: Queryable, cidrs: string[], conflictSince: Date): Promise<SubnetCountRow[]> {
  const { rows } = await db.query<SubnetCountRow>(
    `with per_address as (
       select s.address, count(distinct s.mac) filter (where s.mac <> '' and s.last_seen >= $2) as recent_macs
         from ip_sightings s group by s.address
     )
     select n.cidr::text as cidr, count(p.address)::int as used, count(p.address) filter (where p.recent_macs > 1)::int as conflicts
       from unnest($1::cidr[]) n(cidr) left join per_address p on p.address <<= n.cidr
      group by n.cidr`,
    [cidrs, conflictSince],
  );
  return rows;
}

/** Sightings of the addresses that two or more MACs held since `since`. */
export async function conflictingSightings(db: Queryable, since: Date): Promise<SightingRow[]> {
  const { rows } = await db.query<SightingRow>(
    `select host(s.address) as address, s.mac, s.device_id, d.hostname, d.kind, s.first_seen, s.last_seen
       from ip_sightings s join devices d on d.id = s.device_id
      where s.address in (select address from ip_sightings where mac <> '' and last_seen >= $1 group by address having count(distinct mac) > 1)
      order by s.address, s.last_seen desc`,
    [since],
  );
  return rows;
}
