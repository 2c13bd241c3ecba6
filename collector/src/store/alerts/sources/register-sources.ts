import type { Queryable } from '../../database.js';
import { LINKED_DEVICE } from '../../reconcile/asset-links.js';

/** Statuses in which an asset no longer needs warranty, renewal or maintenance attention. */
export const INACTIVE_STATUSES = ['retired', 'disposed', 'lost', 'stolen'];

export interface WarrantyRow {
  id: string;
  tag: string;
  name: string;
  serial: string | null;
  device_id: string | null;
  warranty_expires: string;
}

/** Assets whose warranty ends between the two dates (inclusive). */
export async function assetsWithWarrantyEnding(db: Queryable, from: string, to: string): Promise<WarrantyRow[]> {
  const { rows } = await db.query<WarrantyRow>(
    `select a.id, a.tag, a.name, a.serial, ${LINKED_DEVICE('a.id')} as device_id, a.warranty_expires::text as warranty_expires
       from register_assets a
      where warranty_expires between $1::date and $2::date and status <> all($3::text[])`,
    [from, to, INACTIVE_STATUSES],
  );
  return rows;
}

export interface ContractRenewalRow {
  id: string;
  name: string;
  kind: string;
  reference: string | null;
  vendor_name: string | null;
  ends_on: string;
  decide_by: string;
  notice_days: number | null;
  auto_renew: boolean;
  cost: number | null;
  currency: string | null;
}

/**
 * Contracts whose decision date (the end less the notice period) falls before `until` and which
 * have not been over for longer than `endedAfter`.
 */
export async function contractsToRenew(db: Queryable, endedAfter: string, until: string): Promise<ContractRenewalRow[]> {
  const { rows } = await db.query<ContractRenewalRow>(
    `select c.id, c.name, c.kind, c.reference, v.name as vendor_name, c.ends_on::text as ends_on,
            (c.ends_on - coalesce(c.notice_days, 0))::text as decide_by, c.notice_days, c.auto_renew,
            c.cost::float8 as cost, c.currency
       from register_contracts c left join register_vendors v on v.id = c.vendor_id
      where c.ends_on is not null and c.ends_on - coalesce(c.notice_days, 0) <= $2::date and c.ends_on >= $1::date`,
    [endedAfter, until],
  );
  return rows;
}

export interface ExpiringItemRow {
  id: string;
  tag: string;
  name: string;
  category_name: string;
  category_kind: string;
  expires_on: string;
  purchase_cost: number | null;
  currency: string | null;
}

/** Register items that lapse themselves (domains, certificates, subscriptions) between the dates. */
export async function assetsExpiring(db: Queryable, from: string, to: string): Promise<ExpiringItemRow[]> {
  const { rows } = await db.query<ExpiringItemRow>(
    `select a.id, a.tag, a.name, c.name as category_name, c.kind as category_kind, a.expires_on::text as expires_on,
            a.purchase_cost::float8 as purchase_cost, a.currency
       from register_assets a join register_categories c on c.id = a.category_id
      where a.expires_on between $1::date and $2::date and a.status <> all($3::text[])`,
    [from, to, INACTIVE_STATUSES],
  );
  return rows;
}

export interface OverdueCheckoutRow {
  assignment_id: string;
  asset_id: string;
  tag: string;
  name: string;
  target_type: string;
  target_id: string;
  target_name: string | null;
  checked_out_at: Date;
  expected_return: string;
}

export interface UnacceptedCheckoutRow {
  assignment_id: string;
  asset_id: string;
  tag: string;
  name: string;
  person_id: string;
  person_name: string | null;
  checked_out_at: Date;
  expired: boolean;
}

/** Open check-outs to people asked to accept them, unanswered since before `before`, or whose link has expired. */
export async function unacceptedCheckouts(db: Queryable, before: Date, now: Date): Promise<UnacceptedCheckoutRow[]> {
  const { rows } = await db.query<UnacceptedCheckoutRow>(
    `select g.id as assignment_id, a.id as asset_id, a.tag, a.name, g.target_id as person_id, p.name as person_name,
            g.checked_out_at, g.acceptance_expires_at <= $2 as expired
       from register_assignments g
       join register_assets a on a.id = g.asset_id
       left join register_people p on p.id = g.target_id
      where g.acceptance_state = 'pending' and g.checked_in_at is null
        and (g.checked_out_at < $1 or g.acceptance_expires_at <= $2)`,
    [before, now],
  );
  return rows;
}

/** Open check-outs whose expected return is before the given date. */
export async function checkoutsDueBefore(db: Queryable, before: string): Promise<OverdueCheckoutRow[]> {
  const { rows } = await db.query<OverdueCheckoutRow>(
    `select g.id as assignment_id, a.id as asset_id, a.tag, a.name, g.target_type, g.target_id,
            case g.target_type
              when 'person' then (select p.name from register_people p where p.id = g.target_id)
              when 'department' then (select d.name from register_departments d where d.id = g.target_id)
              when 'location' then (select l.name from register_locations l where l.id = g.target_id)
              when 'asset' then (select t.tag || ' ' || t.name from register_assets t where t.id = g.target_id)
            end as target_name,
            g.checked_out_at, g.expected_return::text as expected_return
       from register_assignments g join register_assets a on a.id = g.asset_id
      where g.checked_in_at is null and g.expected_return < $1::date`,
    [before],
  );
  return rows;
}
