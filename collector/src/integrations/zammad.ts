import type { AlertSeverity } from '@steward/shared';
import { answerOf, trimBase, type HelpdeskConnector, type HttpClient } from './connector.js';

export interface ZammadSettings {
  baseUrl: string;
  token: string;
  group: string;
  customer: string;
}

/** Zammad's default priorities. */
const PRIORITY: Record<AlertSeverity, string> = { critical: '3 high', warning: '2 normal', info: '1 low' };

/** Zammad tickets through /api/v1 with an access token. */
export function zammadConnector(s: ZammadSettings, http: HttpClient): HelpdeskConnector {
  const base = trimBase(s.baseUrl);
  const headers = { authorization: `Token token=${s.token}` };
  const note = (body: string, internal: boolean) => ({ body, type: 'note', internal, content_type: 'text/plain' });
  return {
    async open(content) {
      const body = {
        title: content.title.slice(0, 250),
        group: s.group,
        customer: s.customer,
        priority: PRIORITY[content.severity],
        article: { subject: content.title.slice(0, 250), ...note(`${content.description}\n\nSteward reference: ${content.reference}`, false) },
      };
      const answer = answerOf<{ id: number; number?: string }>(await http.send('POST', `${base}/api/v1/tickets`, headers, body), [201], 'Zammad: create ticket');
      return { externalId: String(answer.id), externalKey: answer.number ?? null, url: `${base}/#ticket/zoom/${answer.id}` };
    },
    async comment(id, text) {
      answerOf(await http.send('POST', `${base}/api/v1/ticket_articles`, headers, { ticket_id: Number(id), ...note(text, true) }), [201], 'Zammad: add note');
    },
    async close(id, text) {
      const body = { state: 'closed', article: note(text, true) };
      answerOf(await http.send('PUT', `${base}/api/v1/tickets/${encodeURIComponent(id)}`, headers, body), [200], 'Zammad: close ticket');
    },
  };
}
