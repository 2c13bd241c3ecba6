import type { Queryable } from '../database.js';

export interface WebhookRow {
  id: string;
  name: string;
  url: string;
  sealed_secret: string;
  enabled: boolean;
  created_at: Date;
  updated_at: Date;
}

export async function insertWebhook(db: Queryable, w: { id: string; name: string; url: string; sealedSecret: string; enabled: boolean }): Promise<void> {
  await db.query('insert into alert_webhooks (id, name, url, sealed_secret, enabled) values ($1, $2, $3, $4, $5)', [w.id, w.name, w.url, w.sealedSecret, w.enabled]);
}

export async function updateWebhook(
  db: Queryable, id: string, w: { name?: string; url?: string; sealedSecret?: string; enabled?: boolean },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `update alert_webhooks set name = coalesce($2, name), url = coalesce($3, url), sealed_secret = coalesce($4, sealed_secret),
            enabled = coalesce($5, enabled), updated_at = now() where id = $1`,
    [id, w.name ?? null, w.url ?? null, w.sealedSecret ?? null, w.enabled ?? null],
  );
  return rowCount > 0;
}

export async function deleteWebhook(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query('delete from alert_webhooks where id = $1', [id]);
  return rowCount > 0;
}

export async function findWebhook(db: Queryable, id: string): Promise<WebhookRow | undefined> {
  const { rows } = await db.query<WebhookRow>('select * from alert_webhooks where id = $1', [id]);
  return rows[0];
}

export async function listWebhooks(db: Queryable): Promise<WebhookRow[]> {
  const { rows } = await db.query<WebhookRow>('select * from alert_webhooks order by lower(name), id');
  return rows;
}

/** Which of the given ids name a webhook, so a rule cannot route to one that is not there. */
export async function existingWebhookIds(db: Queryable, ids: string[]): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>('select id from alert_webhooks where id = any($1::uuid[])', [ids]);
  return rows.map((r) => r.id);
}
