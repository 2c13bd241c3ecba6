import type { Queryable } from '../../database.js';

export interface RenewalRow {
  due_on: string;
  type: string;
  name: string;
  reference: string | null;
  vendor: string | null;
  notice_by: string | null;
  auto_renew: boolean | null;
  cost: number | null;
  currency: string | null;
}

/**
 * What ends between two dates: contracts, items that lapse (domains, certificates, subscriptions),
 * warranties, and licence terms when the licence tables are there.
 */
export async function renewalRows(db: Queryable, from: string, to: string, withEntitlements: boolean): Promise<RenewalRow[]> {
  const entitlements = withEntitlements
    ? `union all
       select e.term_end::text, 'licence term', p.name, e.contract, e.vendor, null, null,
              (e.unit_cost * coalesce(e.quantity, 1))::float8, e.currency
         from entitlements e join catalogue_products p on p.id = e.product_id
        where e.term_end between $1::date and $2::date`
    : '';
  const { rows } = await db.query<RenewalRow>(
    `select * from (
       select c.ends_on::text as due_on, c.kind || ' contract' as type, c.name, c.reference, v.name as vendor,
              (c.ends_on - coalesce(c.notice_days, 0))::text as notice_by, c.auto_renew, c.cost::float8 as cost, c.currency
         from register_contracts c left join register_vendors v on v.id = c.vendor_id
        where c.ends_on between $1::date and $2::date
       union all
       select a.expires_on::text, k.name, a.tag || ' ' || a.name, a.order_number, v.name, null, null, a.purchase_cost::float8, a.currency
         from register_assets a join register_categories k on k.id = a.category_id left join register_vendors v on v.id = a.vendor_id
        where a.expires_on between $1::date and $2::date and a.status not in ('retired', 'disposed', 'lost', 'stolen')
       union all
       select a.warranty_expires::text, 'warranty', a.tag || ' ' || a.name, a.serial, v.name, null, null, null, null
         from register_assets a left join register_vendors v on v.id = a.vendor_id
        where a.warranty_expires between $1::date and $2::date and a.status not in ('retired', 'disposed', 'lost', 'stolen')
       ${entitlements}
     ) r order by due_on, type, name`,
    [from, to],
  );
  return rows;
}
