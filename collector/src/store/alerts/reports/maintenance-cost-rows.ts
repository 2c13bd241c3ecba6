import type { Queryable } from '../../database.js';

export interface MaintenanceCostRow {
  group_key: string;
  label: string;
  category: string | null;
  currency: string | null;
  orders: number;
  cost: number;
}

const GROUPS = {
  asset: { key: 'a.id::text', label: "a.tag || ' ' || a.name", category: 'c.name' },
  category: { key: 'c.id::text', label: 'c.name', category: 'c.name' },
  period: { key: 'period', label: 'period', category: 'null' },
} as const;

const PERIODS = {
  month: "to_char(completed_on, 'YYYY-MM')",
  quarter: "to_char(completed_on, 'YYYY') || '-Q' || to_char(completed_on, 'Q')",
  year: "to_char(completed_on, 'YYYY')",
} as const;

/** Cost of completed work orders between two dates, by asset, category or period and by currency. */
export async function maintenanceCostRows(
  db: Queryable, from: string, to: string, groupBy: keyof typeof GROUPS, period: keyof typeof PERIODS,
): Promise<MaintenanceCostRow[]> {
  const g = GROUPS[groupBy];
  const { rows } = await db.query<MaintenanceCostRow>(
    `select ${g.key} as group_key, ${g.label} as label, ${g.category} as category, w.currency,
            count(*)::int as orders, sum(w.cost)::float8 as cost
       from (select *, ${PERIODS[period]} as period from register_work_orders) w
       join register_assets a on a.id = w.asset_id
       join register_categories c on c.id = a.category_id
      where w.status = 'done' and w.cost is not null and w.completed_on between $1::date and $2::date
      group by 1, 2, 3, 4 order by 2, 4`,
    [from, to],
  );
  return rows;
}
