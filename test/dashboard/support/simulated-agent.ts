import {
  enrollAnswer, inventoryReport, reportAnswer, PROTOCOL_VERSION,
  type InventoryReportInput, type ReportAnswer,
} from '@steward/shared';
import { ENROLL_SECRET } from './dashboard-collector.js';

export interface EnrolledAgent {
  agentId: string;
  token: string;
}

/** Enrols as an agent does, through the real agent API. */
export async function enrolAgent(url: string, hostname: string): Promise<EnrolledAgent> {
  const response = await fetch(`${url}/api/v1/agents/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ protocol: PROTOCOL_VERSION, secret: ENROLL_SECRET, hostname, agentVersion: '0.1.0', platform: 'linux' }),
  });
  if (!response.ok) throw new Error(`enrolment failed: ${response.status} ${await response.text()}`);
  return enrollAnswer.parse(await response.json());
}

/** Sends a report as an agent does; the body is checked against the shared schema first. */
export async function sendReport(url: string, agent: EnrolledAgent, report: InventoryReportInput): Promise<ReportAnswer> {
  const body = inventoryReport.parse(report);
  const response = await fetch(`${url}/api/v1/agents/report`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${agent.token}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`report refused: ${response.status} ${await response.text()}`);
  return reportAnswer.parse(await response.json());
}

/** Runs `task` for 0..count-1 with at most `parallel` at a time. */
export async function inParallel(count: number, parallel: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
}
