import type { z } from 'zod';
import type { sanitisation } from '@steward/shared';
import type { Queryable } from '../database.js';

export type Sanitisation = z.infer<typeof sanitisation>;

export async function getSanitisation(db: Queryable, assetId: string): Promise<Sanitisation | undefined> {
  const { rows } = await db.query<Sanitisation>(
    `select asset_id as "assetId", method, certificate_ref as "certificateRef", recycler,
            to_char(performed_on, 'YYYY-MM-DD') as "performedOn", performed_by as "performedBy", notes,
            recorded_by as "recordedBy", to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "recordedAt"
       from register_sanitisations where asset_id = $1`,
    [assetId],
  );
  return rows[0];
}

/** Records how an asset's data was destroyed; a later record replaces an earlier one. */
export async function putSanitisation(db: Queryable, record: Omit<Sanitisation, 'recordedAt'>): Promise<void> {
  await db.query(
    `insert into register_sanitisations (asset_id, method, certificate_ref, recycler, performed_on, performed_by, notes, recorded_by)
     values ($1, $2, $3, $4, $5::date, $6, $7, $8)
     on conflict (asset_id) do update set method = excluded.method, certificate_ref = excluded.certificate_ref,
       recycler = excluded.recycler, performed_on = excluded.performed_on, performed_by = excluded.performed_by,
       notes = excluded.notes, recorded_by = excluded.recorded_by, recorded_at = now()`,
    [record.assetId, record.method, record.certificateRef ?? null, record.recycler ?? null, record.performedOn, record.performedBy, record.notes ?? null, record.recordedBy],
  );
}
