import {
  agentList, createdEnrollmentSecret, enrollmentSecretList, revokedAnswer as revoked, type EnrollmentSecretInput,
} from '@steward/shared';
import type { ApiClient } from './api-client.js';

/** The collector's answers for managing agents: who is enrolled, revocation, enrolment secrets. */

export function fetchAgents(api: ApiClient, page: { limit: number; offset: number }, signal?: AbortSignal) {
  return api.request(agentList, '/api/v1/agents', { signal, query: page });
}

export function revokeAgent(api: ApiClient, id: string) {
  return api.request(revoked, `/api/v1/agents/${encodeURIComponent(id)}/revoke`, { method: 'POST' });
}

export function fetchEnrollmentSecrets(api: ApiClient, signal?: AbortSignal) {
  return api.request(enrollmentSecretList, '/api/v1/agents/enrollment-secrets', { signal });
}

export function createEnrollmentSecret(api: ApiClient, input: EnrollmentSecretInput) {
  return api.request(createdEnrollmentSecret, '/api/v1/agents/enrollment-secrets', { method: 'POST', body: input });
}

export function revokeEnrollmentSecret(api: ApiClient, id: string) {
  return api.request(revoked, `/api/v1/agents/enrollment-secrets/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** Asks a connected agent to collect and report now; 409 when the agent is not connected. */
export function askAgentToCollect(api: ApiClient, agentId: string) {
  return api.request({ parse: (data: unknown) => data }, `/api/v1/agents/${encodeURIComponent(agentId)}/collect`, { method: 'POST' });
}
