import type { Queryable } from '../../database.js';
import { LINKED_DEVICE } from '../../reconcile/asset-links.js';

export interface UtilisationRow {
  category: string;
  department: string | null;
  total: number;
  deployed: number;
  idle: number;
  in_stock: number;
  in_repair: number;
}

/**
 * Assets in use or ready for use, by category and department: deployed (and seen lately), deployed
 * but idle (its linked device silent since `idleSince`), in stock and in repair.
 */
export async function utilisationRows(db: Queryable, idleSince: Date): Promise<UtilisationRow[]> {
  const device = LINKED_DEVICE('a.id');
  const { rows } = await db.query<UtilisationRow>(
    `with assets as (
       select c.name as category, d.name as department, a.status,
              (a.status = 'deployed' and (select v.last_seen from devices v where v.id = ${device}) < $1) as idle
         from register_assets a join register_categories c on c.id = a.category_id
         left join register_departments d on d.id = a.department_id
        where a.status in ('received', 'in_stock', 'deployed', 'in_repair'))
     select category, department, count(*)::int as total,
            count(*) filter (where status = 'deployed' and not coalesce(idle, false))::int as deployed,
            count(*) filter (where coalesce(idle, false))::int as idle,
            count(*) filter (where status in ('received', 'in_stock'))::int as in_stock,
            count(*) filter (where status = 'in_repair')::int as in_repair
       from assets group by category, department order by category, department nulls last`,
    [idleSince],
  );
  return rows;
}
