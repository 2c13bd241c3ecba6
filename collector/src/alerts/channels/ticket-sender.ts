import { connectorFor } from '../../integrations/connector-for.js';
import { HelpdeskError, type TicketContent } from '../../integrations/connector.js';
import { findIntegration } from '../../store/alerts/integrations.js';
import { findTicket, markTicketOpened, setTicketState } from '../../store/alerts/tickets.js';
import type { AlertDeps } from '../alert-deps.js';
import { currentPolicy } from '../outbound/current-policy.js';
import { OutboundRefused } from '../outbound/outbound-request.js';
import { AttemptFailed, NotYet, PermanentFailure } from './delivery-outcome.js';

type TicketPayload = { ticketId: string } & Partial<TicketContent> & { text?: string; note?: string };

async function withConnector<T>(deps: AlertDeps, integrationId: string, work: (c: ReturnType<typeof connectorFor>) => Promise<T>): Promise<T> {
  const row = await findIntegration(deps.db, integrationId);
  if (!row) throw new PermanentFailure(`integration ${integrationId} no longer exists`);
  if (!row.enabled) throw new AttemptFailed(`integration ${row.name} is disabled`);
  const policy = await currentPolicy(deps.db, deps.policy);
  try {
    return await work(connectorFor(row, deps.keys, policy));
  } catch (error) {
    if (error instanceof OutboundRefused) throw new PermanentFailure(error.message);
    if (error instanceof HelpdeskError) {
      // 400/401/403/404 will not mend by themselves until someone fixes the setup; 409, 429 and 5xx may.
      if ([400, 404, 422].includes(error.status)) throw new PermanentFailure(error.message, error.status);
      throw new AttemptFailed(error.message, error.status || null);
    }
    throw new AttemptFailed((error as Error).message);
  }
}

/** Opens, comments on or closes one helpdesk ticket; returns nothing, records the outcome on the ticket. */
export async function sendTicketOperation(deps: AlertDeps, event: string, integrationId: string, payload: TicketPayload): Promise<void> {
  const ticket = await findTicket(deps.db, payload.ticketId);
  if (!ticket) throw new PermanentFailure(`ticket ${payload.ticketId} no longer exists`);
  if (event === 'ticket.open') {
    if (ticket.state !== 'opening') return;
    const content: TicketContent = { title: payload.title!, description: payload.description!, severity: payload.severity!, reference: payload.reference! };
    const opened = await withConnector(deps, integrationId, (c) => c.open(content));
    await markTicketOpened(deps.db, ticket.id, opened);
    return;
  }
  if (ticket.state === 'failed' || ticket.state === 'closed') return;
  if (ticket.state === 'opening' || !ticket.external_id) throw new NotYet('the ticket is not opened yet');
  const externalId = ticket.external_id;
  if (event === 'ticket.update') {
    await withConnector(deps, integrationId, (c) => c.comment(externalId, payload.text ?? ''));
  } else if (event === 'ticket.close') {
    await withConnector(deps, integrationId, (c) => c.close(externalId, payload.note ?? 'Resolved'));
    await setTicketState(deps.db, ticket.id, 'closed');
  } else {
    throw new PermanentFailure(`unknown ticket operation ${event}`);
  }
}

/** Called when opening a ticket has failed for good, so later operations on it stop waiting. */
export async function giveUpTicket(deps: AlertDeps, ticketId: string): Promise<void> {
  await setTicketState(deps.db, ticketId, 'failed');
}
