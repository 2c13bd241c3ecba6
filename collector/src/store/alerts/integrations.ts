import type { IntegrationKind } from '@steward/shared';
import type { Queryable } from '../database.js';

export interface IntegrationRow {
  id: string;
  kind: IntegrationKind;
  name: string;
  base_url: string;
  enabled: boolean;
  auto_close: boolean;
  settings: Record<string, unknown>;
  sealed_secrets: Record<string, string>;
  created_at: Date;
  updated_at: Date;
}

export interface IntegrationValues {
  kind: IntegrationKind;
  name: string;
  baseUrl: string;
  enabled: boolean;
  autoClose: boolean;
  settings: Record<string, unknown>;
  sealedSecrets: Record<string, string>;
}

export async function insertIntegration(db: Queryable, id: string, v: IntegrationValues): Promise<void> {
  await db.query(
    `insert into alert_integrations (id, kind, name, base_url, enabled, auto_close, settings, sealed_secrets)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, v.kind, v.name, v.baseUrl, v.enabled, v.autoClose, JSON.stringify(v.settings), JSON.stringify(v.sealedSecrets)],
  );
}

export async function updateIntegration(db: Queryable, id: string, v: IntegrationValues): Promise<boolean> {
  const { rowCount } = await db.query(
    `update alert_integrations set kind = $2, name = $3, base_url = $4, enabled = $5, auto_close = $6, settings = $7,
            sealed_secrets = $8, updated_at = now() where id = $1`,
    [id, v.kind, v.name, v.baseUrl, v.enabled, v.autoClose, JSON.stringify(v.settings), JSON.stringify(v.sealedSecrets)],
  );
  return rowCount > 0;
}

export async function deleteIntegration(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query('delete from alert_integrations where id = $1', [id]);
  return rowCount > 0;
}

export async function findIntegration(db: Queryable, id: string): Promise<IntegrationRow | undefined> {
  const { rows } = await db.query<IntegrationRow>('select * from alert_integrations where id = $1', [id]);
  return rows[0];
}

export async function listIntegrations(db: Queryable): Promise<IntegrationRow[]> {
  const { rows } = await db.query<IntegrationRow>('select * from alert_integrations order by lower(name), id');
  return rows;
}

export async function existingIntegrationIds(db: Queryable, ids: string[]): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>('select id from alert_integrations where id = any($1::uuid[])', [ids]);
  return rows.map((r) => r.id);
}
