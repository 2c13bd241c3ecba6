import { randomUUID } from 'node:crypto';
import type { IntegrationFields, IntegrationRecord } from '@steward/shared';
import { recordAudit } from '../services/audit.js';
import { ApiProblem } from '../services/errors.js';
import { sealSecret, type MasterKeys } from '../services/secrets.js';
import type { Database } from '../store/database.js';
import type { UserRow } from '../store/users.js';
import {
  deleteIntegration, findIntegration, insertIntegration, listIntegrations, updateIntegration, type IntegrationRow, type IntegrationValues,
} from '../store/alerts/integrations.js';
import { SECRET_FIELDS } from './connector-for.js';

/** What the API answers about a helpdesk connector: its settings and which secrets are set, never their values. */
export function integrationView(r: IntegrationRow): IntegrationRecord {
  return {
    id: r.id, kind: r.kind, name: r.name, baseUrl: r.base_url, enabled: r.enabled, autoClose: r.auto_close, settings: r.settings,
    secretsSet: Object.keys(r.sealed_secrets).sort(), createdAt: new Date(r.created_at).toISOString(), updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** Splits the input into plain settings and sealed secrets; secrets left out keep their stored value. */
function valuesOf(input: IntegrationFields, keys: MasterKeys, stored: Record<string, string>): IntegrationValues {
  const { kind, name, baseUrl, enabled, autoClose, ...rest } = input;
  const secretFields: readonly string[] = SECRET_FIELDS[kind];
  const settings: Record<string, unknown> = {};
  const sealedSecrets: Record<string, string> = {};
  for (const [field, value] of Object.entries(rest)) {
    if (secretFields.includes(field)) sealedSecrets[field] = sealSecret(keys, String(value));
    else if (value !== undefined) settings[field] = value;
  }
  for (const field of secretFields) if (!sealedSecrets[field] && stored[field]) sealedSecrets[field] = stored[field];
  return { kind, name, baseUrl, enabled, autoClose, settings, sealedSecrets };
}

function missingSecrets(values: IntegrationValues): string[] {
  return SECRET_FIELDS[values.kind].filter((f) => !values.sealedSecrets[f]).map((f) => `${f}: required`);
}

export async function createIntegration(db: Database, keys: MasterKeys, user: UserRow, input: IntegrationFields): Promise<IntegrationRecord> {
  const values = valuesOf(input, keys, {});
  const missing = missingSecrets(values);
  if (missing.length) throw new ApiProblem(400, 'invalid_body', `invalid body: ${missing.join('; ')}`, missing);
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await insertIntegration(tx, id, values);
    await recordAudit(tx, { actor: user.username, actorRole: user.role, action: 'integration.create', objectType: 'integration', objectId: id, after: { kind: values.kind, name: values.name, baseUrl: values.baseUrl, settings: values.settings } });
  });
  return integrationView((await findIntegration(db, id))!);
}

export async function changeIntegration(db: Database, keys: MasterKeys, user: UserRow, id: string, input: IntegrationFields): Promise<IntegrationRecord> {
  await db.transaction(async (tx) => {
    const before = await findIntegration(tx, id);
    if (!before) throw new ApiProblem(404, 'not_found', `no integration with id ${id}`);
    const values = valuesOf(input, keys, before.kind === input.kind ? before.sealed_secrets : {});
    const missing = missingSecrets(values);
    if (missing.length) throw new ApiProblem(400, 'invalid_body', `invalid body: ${missing.join('; ')}`, missing);
    await updateIntegration(tx, id, values);
    await recordAudit(tx, { actor: user.username, actorRole: user.role, action: 'integration.update', objectType: 'integration', objectId: id, before: integrationView(before), after: { kind: values.kind, name: values.name, baseUrl: values.baseUrl, settings: values.settings } });
  });
  return integrationView((await findIntegration(db, id))!);
}

export async function removeIntegration(db: Database, user: UserRow, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await deleteIntegration(tx, id))) throw new ApiProblem(404, 'not_found', `no integration with id ${id}`);
    await recordAudit(tx, { actor: user.username, actorRole: user.role, action: 'integration.delete', objectType: 'integration', objectId: id });
  });
}

export async function readIntegration(db: Database, id: string): Promise<IntegrationRecord> {
  const row = await findIntegration(db, id);
  if (!row) throw new ApiProblem(404, 'not_found', `no integration with id ${id}`);
  return integrationView(row);
}

export async function listIntegrationRecords(db: Database): Promise<{ items: IntegrationRecord[] }> {
  return { items: (await listIntegrations(db)).map(integrationView) };
}
