import type { Queryable } from '../../database.js';

export interface FindingForTicket {
  id: string;
  type: string;
  subtype: string | null;
  state: string;
  device_id: string | null;
  asset_id: string | null;
  summary: string;
  details: Record<string, unknown>;
  first_detected: Date;
}

export async function findFindingForTicket(db: Queryable, id: string): Promise<FindingForTicket | undefined> {
  const { rows } = await db.query<FindingForTicket>(
    'select id, type, subtype, state, device_id, asset_id, summary, details, first_detected from findings where id = $1', [id],
  );
  return rows[0];
}
