import type { AlertSeverity } from '@steward/shared';
import { answerOf, trimBase, type HelpdeskConnector, type HttpClient } from './connector.js';

export interface GlpiSettings {
  /** The API endpoint, ending in apirest.php. */
  baseUrl: string;
  appToken: string;
  userToken: string;
  closeStatus: 5 | 6;
  entityId?: number;
}

/** GLPI urgency: 2 low, 3 medium, 4 high. */
const URGENCY: Record<AlertSeverity, number> = { critical: 4, warning: 3, info: 2 };
/** GLPI ticket type 1 is an incident. */
const INCIDENT = 1;

/**
 * GLPI's REST API: each operation runs in a session opened with the application token and the
 * user's API token, and closed afterwards.
 */
export function glpiConnector(s: GlpiSettings, http: HttpClient): HelpdeskConnector {
  const base = trimBase(s.baseUrl);
  const web = base.replace(/\/apirest\.php$/, '');

  async function inSession<T>(work: (headers: Record<string, string>) => Promise<T>): Promise<T> {
    const init = answerOf<{ session_token: string }>(
      await http.send('GET', `${base}/initSession`, { 'app-token': s.appToken, authorization: `user_token ${s.userToken}` }), [200], 'GLPI: initSession');
    const headers = { 'app-token': s.appToken, 'session-token': init.session_token };
    try {
      return await work(headers);
    } finally {
      await http.send('GET', `${base}/killSession`, headers).catch(() => undefined);
    }
  }

  return {
    open: (content) => inSession(async (headers) => {
      const input = {
        name: content.title.slice(0, 255),
        content: `${content.description}\n\nSteward reference: ${content.reference}`,
        urgency: URGENCY[content.severity],
        type: INCIDENT,
        ...(s.entityId !== undefined ? { entities_id: s.entityId } : {}),
      };
      const answer = answerOf<{ id: number }>(await http.send('POST', `${base}/Ticket`, headers, { input }), [201], 'GLPI: create ticket');
      return { externalId: String(answer.id), externalKey: String(answer.id), url: `${web}/front/ticket.form.php?id=${answer.id}` };
    }),
    comment: (id, text) => inSession(async (headers) => {
      const input = { itemtype: 'Ticket', items_id: Number(id), content: text };
      answerOf(await http.send('POST', `${base}/Ticket/${encodeURIComponent(id)}/ITILFollowup`, headers, { input }), [201], 'GLPI: add follow-up');
    }),
    close: (id, note) => inSession(async (headers) => {
      const followup = { itemtype: 'Ticket', items_id: Number(id), content: note };
      answerOf(await http.send('POST', `${base}/Ticket/${encodeURIComponent(id)}/ITILFollowup`, headers, { input: followup }), [201], 'GLPI: add follow-up');
      answerOf(await http.send('PUT', `${base}/Ticket/${encodeURIComponent(id)}`, headers, { input: { id: Number(id), status: s.closeStatus } }), [200], 'GLPI: set status');
    }),
  };
}
