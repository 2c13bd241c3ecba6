import type { UnlicensedInstall } from '@steward/shared';
import type { Queryable } from '../database.js';
import type { UnlicensedPick } from './consumers.js';

const picksJson = (picks: UnlicensedPick[]) => JSON.stringify(picks.map((p) => ({ product_id: p.productId, device_id: p.deviceId, units: p.units })));

/** The evidence of each unlicensed install: the device and discovery that saw it, the raw title, when. */
export async function unlicensedEvidence(db: Queryable, picks: UnlicensedPick[]): Promise<UnlicensedInstall[]> {
  if (picks.length === 0) return [];
  const { rows } = await db.query<{
    product_id: string; device_id: string; hostname: string; kind: 'agent' | 'snmp' | 'ssh'; user_key: string | null; release: string | null;
    edition: string | null; units: string; source: string; raw_name: string; raw_version: string | null; first_seen: Date; last_seen: Date;
  }>(
    `with picks as (select * from json_to_recordset($1::json) as p(product_id text, device_id uuid, units numeric)),
     evidence as (
       select p.product_id, p.device_id, d.hostname, d.kind, li.release, li.edition, p.units::text as units, li.source, li.raw_name,
              li.raw_version, li.first_seen, d.last_seen, c.user_key
         from picks p
         join licence_installs li on li.product_id = p.product_id and li.device_id = p.device_id
         join devices d on d.id = p.device_id
         join licence_device_context c on c.device_id = p.device_id
     )
     select * from evidence order by product_id, first_seen desc, lower(hostname)`,
    [picksJson(picks)],
  );
  return rows.map((r) => ({
    productId: r.product_id, deviceId: r.device_id, hostname: r.hostname, deviceKind: r.kind, user: r.user_key, release: r.release,
    edition: r.edition, units: Number(r.units), source: r.source, rawName: r.raw_name, rawVersion: r.raw_version,
    firstSeen: new Date(r.first_seen).toISOString(), lastSeen: new Date(r.last_seen).toISOString(),
  }));
}

export interface DepartmentLine {
  department: string | null;
  productId: string;
  installs: number;
  unlicensed: number;
}

/** Installs and unlicensed installs per department and product, as of a date. */
export async function departmentBreakdown(db: Queryable, productIds: string[], asOf: Date, picks: UnlicensedPick[]): Promise<DepartmentLine[]> {
  const { rows } = await db.query<{ department: string | null; product_id: string; installs: number; unlicensed: number }>(
    `with picks as (select * from json_to_recordset($3::json) as p(product_id text, device_id uuid, units numeric)),
     base as (
       select li.product_id, li.device_id, c.department
         from licence_installs li join licence_device_context c on c.device_id = li.device_id
        where li.product_id = any($1::text[]) and li.first_seen <= $2
     )
     select b.department, b.product_id, count(*)::int as installs, count(p.device_id)::int as unlicensed
       from base b left join picks p on p.product_id = b.product_id and p.device_id = b.device_id
      group by b.department, b.product_id
      order by b.department nulls last, b.product_id`,
    [productIds, asOf, picksJson(picks)],
  );
  return rows.map((r) => ({ department: r.department, productId: r.product_id, installs: r.installs, unlicensed: r.unlicensed }));
}

/** An entitlement a report counted, with what an auditor checks it against: its contract and terms. */
export interface CountedEntitlement {
  id: string;
  productId: string;
  description: string | null;
  contract: string | null;
  vendor: string | null;
  metric: string;
  quantity: number | null;
  release: string | null;
  downgradeRights: boolean;
  editions: string[] | null;
  termStart: string | null;
  termEnd: string | null;
  unitCost: number | null;
  currency: string;
}

export async function countedEntitlements(db: Queryable, ids: string[]): Promise<CountedEntitlement[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<{
    id: string; product_id: string; description: string | null; contract: string | null; vendor: string | null; metric: string;
    quantity: number | null; release: string | null; downgrade_rights: boolean; editions: string[] | null; term_start: string | null;
    term_end: string | null; unit_cost: string | null; currency: string;
  }>(
    `select id, product_id, description, contract, vendor, metric, quantity, release, downgrade_rights, editions,
            term_start::text, term_end::text, unit_cost::text, currency
       from entitlements where id = any($1::uuid[])
      order by product_id, contract nulls last, created_at, id`,
    [ids],
  );
  return rows.map((r) => ({
    id: r.id, productId: r.product_id, description: r.description, contract: r.contract, vendor: r.vendor, metric: r.metric,
    quantity: r.quantity, release: r.release, downgradeRights: r.downgrade_rights, editions: r.editions, termStart: r.term_start,
    termEnd: r.term_end, unitCost: r.unit_cost === null ? null : Number(r.unit_cost), currency: r.currency,
  }));
}
