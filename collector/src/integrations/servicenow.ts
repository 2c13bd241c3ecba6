import type { AlertSeverity } from '@steward/shared';
import { answerOf, basicAuth, trimBase, type HelpdeskConnector, type HttpClient } from './connector.js';

export interface ServiceNowSettings {
  baseUrl: string;
  username: string;
  password: string;
  closeCode: string;
  callerId?: string;
  assignmentGroup?: string;
  category?: string;
}

/** ServiceNow urgency and impact: 1 high, 2 medium, 3 low. */
const LEVEL: Record<AlertSeverity, string> = { critical: '1', warning: '2', info: '3' };
/** The incident state that means Resolved in the base system. */
const RESOLVED = '6';

interface TableAnswer {
  result: { sys_id: string; number?: string };
}

/** Incidents through the Table API (/api/now/table/incident) with basic authentication. */
export function serviceNowConnector(s: ServiceNowSettings, http: HttpClient): HelpdeskConnector {
  const base = trimBase(s.baseUrl);
  const headers = { authorization: basicAuth(s.username, s.password) };
  const record = (sysId: string) => `${base}/api/now/table/incident/${encodeURIComponent(sysId)}`;
  return {
    async open(content) {
      const body = {
        short_description: content.title.slice(0, 160),
        description: content.description,
        urgency: LEVEL[content.severity],
        impact: LEVEL[content.severity],
        correlation_id: content.reference,
        correlation_display: 'Steward',
        ...(s.callerId ? { caller_id: s.callerId } : {}),
        ...(s.assignmentGroup ? { assignment_group: s.assignmentGroup } : {}),
        ...(s.category ? { category: s.category } : {}),
      };
      const response = await http.send('POST', `${base}/api/now/table/incident?sysparm_exclude_reference_link=true`, headers, body);
      const { result } = answerOf<TableAnswer>(response, [200, 201], 'ServiceNow: create incident');
      return { externalId: result.sys_id, externalKey: result.number ?? null, url: `${base}/nav_to.do?uri=incident.do%3Fsys_id%3D${result.sys_id}` };
    },
    async comment(sysId, text) {
      answerOf(await http.send('PATCH', record(sysId), headers, { work_notes: text }), [200], 'ServiceNow: add work note');
    },
    async close(sysId, note) {
      const body = { state: RESOLVED, close_code: s.closeCode, close_notes: note };
      answerOf(await http.send('PATCH', record(sysId), headers, body), [200], 'ServiceNow: resolve incident');
    },
  };
}
