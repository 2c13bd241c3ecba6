import type { IntegrationKind } from '@steward/shared';
import type { Queryable } from '../database.js';

export type TicketState = 'opening' | 'open' | 'closed' | 'failed';

export interface TicketRow {
  id: string;
  integration_id: string;
  integration_name: string;
  kind: IntegrationKind;
  auto_close: boolean;
  alert_id: string | null;
  finding_id: string | null;
  asset_id: string | null;
  device_id: string | null;
  about: string;
  external_id: string | null;
  external_key: string | null;
  url: string | null;
  state: TicketState;
  opened_at: Date;
  closed_at: Date | null;
}

const COLUMNS = `t.id, t.integration_id, i.name as integration_name, i.kind, i.auto_close, t.alert_id, t.finding_id, t.asset_id, t.device_id,
  t.about, t.external_id, t.external_key, t.url, t.state, t.opened_at, t.closed_at`;
const FROM = 'from alert_tickets t join alert_integrations i on i.id = t.integration_id';

export interface NewTicket {
  id: string;
  integrationId: string;
  alertId: string | null;
  findingId: string | null;
  assetId: string | null;
  deviceId: string | null;
  about: string;
}

/** Records a ticket about to be opened; false when this alert or finding already has one there. */
export async function insertTicket(tx: Queryable, t: NewTicket): Promise<boolean> {
  const { rowCount } = await tx.query(
    `insert into alert_tickets (id, integration_id, alert_id, finding_id, asset_id, device_id, about)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing`,
    [t.id, t.integrationId, t.alertId, t.findingId, t.assetId, t.deviceId, t.about],
  );
  return rowCount > 0;
}

export async function findTicket(db: Queryable, id: string): Promise<TicketRow | undefined> {
  const { rows } = await db.query<TicketRow>(`select ${COLUMNS} ${FROM} where t.id = $1`, [id]);
  return rows[0];
}

export async function ticketsOfAlerts(db: Queryable, alertIds: string[]): Promise<TicketRow[]> {
  if (alertIds.length === 0) return [];
  const { rows } = await db.query<TicketRow>(`select ${COLUMNS} ${FROM} where t.alert_id = any($1::uuid[]) order by t.opened_at`, [alertIds]);
  return rows;
}

export async function markTicketOpened(db: Queryable, id: string, opened: { externalId: string; externalKey: string | null; url: string | null }): Promise<void> {
  await db.query(`update alert_tickets set state = 'open', external_id = $2, external_key = $3, url = $4 where id = $1`, [
    id, opened.externalId, opened.externalKey, opened.url,
  ]);
}

export async function setTicketState(db: Queryable, id: string, state: TicketState): Promise<void> {
  await db.query(`update alert_tickets set state = $2, closed_at = case when $2 = 'closed' then now() else closed_at end where id = $1`, [id, state]);
}

/** Open tickets about findings, with the finding's state, to close those whose finding is settled. */
export async function findingTicketsToClose(db: Queryable): Promise<TicketRow[]> {
  const { rows } = await db.query<TicketRow>(
    `select ${COLUMNS} ${FROM} join findings f on f.id = t.finding_id
      where t.state in ('opening', 'open') and i.auto_close and f.state in ('resolved', 'dismissed')
        and not exists (select 1 from alert_deliveries d where d.event = 'ticket.close' and d.payload->>'ticketId' = t.id::text)`,
  );
  return rows;
}

/** Open tickets about an asset or device, for the helpdesk lookup. */
export async function openTicketsAbout(db: Queryable, assetIds: string[], deviceIds: string[]): Promise<TicketRow[]> {
  const { rows } = await db.query<TicketRow>(
    `select ${COLUMNS} ${FROM} where t.state in ('opening', 'open') and (t.asset_id = any($1::uuid[]) or t.device_id = any($2::uuid[]))
      order by t.opened_at`,
    [assetIds, deviceIds],
  );
  return rows;
}
