/**
 * SQL for the nested register tables (locations, categories, departments), which link to their
 * parent through parent_id. Table names come from the store's own specs, never from requests.
 */

/** Ids of the given nodes and everything beneath them. */
export function subtreeIds(table: string, param: string): string {
  return `with recursive s(id) as (select unnest(${param}::uuid[]) union select x.id from ${table} x join s on x.parent_id = s.id) select id from s`;
}

/** "Site / Building / Room" for the node in column `idColumn`. */
export function pathOf(table: string, idColumn: string): string {
  return `(with recursive up(id, parent_id, name, depth) as (
      select n.id, n.parent_id, n.name, 0 from ${table} n where n.id = ${idColumn}
      union all
      select p.id, p.parent_id, p.name, up.depth + 1 from ${table} p join up on p.id = up.parent_id where up.depth < 32)
    select string_agg(name, ' / ' order by depth desc) from up)`;
}
