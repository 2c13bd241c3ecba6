import type { Acquisition } from '@steward/shared';
import type { Queryable } from '../database.js';

export type AcquisitionValues = Partial<Omit<Acquisition, 'assetId'>>;

const ISO = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export async function getAcquisition(db: Queryable, assetId: string): Promise<Acquisition | undefined> {
  const { rows } = await db.query<Acquisition>(
    `select asset_id as "assetId", justification, po_number as "poNumber", invoice_number as "invoiceNumber",
            cost::float8 as cost, currency, vendor_id as "vendorId", inspection,
            requested_by as "requestedBy", ${ISO('requested_at')} as "requestedAt",
            approved_by as "approvedBy", ${ISO('approved_at')} as "approvedAt",
            ${ISO('ordered_at')} as "orderedAt", ${ISO('received_at')} as "receivedAt"
       from register_acquisitions where asset_id = $1`,
    [assetId],
  );
  return rows[0];
}

/** Adds to an asset's acquisition record: values given replace stored ones, values left out stay. */
export async function mergeAcquisition(db: Queryable, assetId: string, values: AcquisitionValues): Promise<void> {
  await mergeAcquisitions(db, [assetId], values);
}

/** The same values added to the acquisition records of many assets, in one statement. */
export async function mergeAcquisitions(db: Queryable, assetIds: string[], values: AcquisitionValues): Promise<void> {
  if (assetIds.length === 0) return;
  const v = (x: unknown) => (x === undefined ? null : x);
  await db.query(
    `insert into register_acquisitions as a (asset_id, justification, po_number, invoice_number, cost, currency, vendor_id, inspection,
        requested_by, requested_at, approved_by, approved_at, ordered_at, received_at)
     select unnest($1::uuid[]), $2, $3, $4, $5::numeric, $6, $7::uuid, $8::jsonb, $9, $10::timestamptz, $11, $12::timestamptz, $13::timestamptz, $14::timestamptz
     on conflict (asset_id) do update set
       justification = coalesce(excluded.justification, a.justification),
       po_number = coalesce(excluded.po_number, a.po_number),
       invoice_number = coalesce(excluded.invoice_number, a.invoice_number),
       cost = coalesce(excluded.cost, a.cost),
       currency = coalesce(excluded.currency, a.currency),
       vendor_id = coalesce(excluded.vendor_id, a.vendor_id),
       inspection = coalesce(excluded.inspection, a.inspection),
       requested_by = coalesce(excluded.requested_by, a.requested_by),
       requested_at = coalesce(excluded.requested_at, a.requested_at),
       approved_by = coalesce(excluded.approved_by, a.approved_by),
       approved_at = coalesce(excluded.approved_at, a.approved_at),
       ordered_at = coalesce(excluded.ordered_at, a.ordered_at),
       received_at = coalesce(excluded.received_at, a.received_at)`,
    [
      assetIds, v(values.justification), v(values.poNumber), v(values.invoiceNumber), v(values.cost), v(values.currency),
      v(values.vendorId), values.inspection ? JSON.stringify(values.inspection) : null,
      v(values.requestedBy), v(values.requestedAt), v(values.approvedBy), v(values.approvedAt), v(values.orderedAt), v(values.receivedAt),
    ],
  );
}
