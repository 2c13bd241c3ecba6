import type { Queryable } from '../database.js';

/**
 * Reserves `count` consecutive numbers for a tag prefix and returns the first. The counter row
 * stays locked until the transaction ends, so two transactions never get the same numbers; a
 * rolled-back transaction gives its numbers back.
 */
export async function reserveTagNumbers(db: Queryable, prefix: string, count: number): Promise<number> {
  const { rows } = await db.query<{ first: string | number }>(
    `insert into register_tag_counters (prefix, next_value) values ($1, 1 + $2::bigint)
     on conflict (prefix) do update set next_value = register_tag_counters.next_value + $2::bigint
     returning next_value - $2::bigint as first`,
    [prefix, count],
  );
  return Number(rows[0]!.first);
}
