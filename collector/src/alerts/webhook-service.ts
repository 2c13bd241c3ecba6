import { randomUUID } from 'node:crypto';
import type { ChannelTestAnswer, WebhookRecord, webhookInput, webhookUpdate } from '@steward/shared';
import type { z } from 'zod';
import { recordAudit } from '../services/audit.js';
import type { AlertDeps } from './alert-deps.js';
import { sendWebhook } from './channels/webhook-sender.js';
import { ApiProblem } from '../services/errors.js';
import { sealSecret, type MasterKeys } from '../services/secrets.js';
import type { Database } from '../store/database.js';
import type { UserRow } from '../store/users.js';
import { deleteWebhook, findWebhook, insertWebhook, listWebhooks, updateWebhook, type WebhookRow } from '../store/alerts/webhooks.js';

/** What the API answers about a webhook: never its secret. */
export function webhookView(w: WebhookRow): WebhookRecord {
  return { id: w.id, name: w.name, url: w.url, enabled: w.enabled, createdAt: new Date(w.created_at).toISOString(), updatedAt: new Date(w.updated_at).toISOString() };
}

export async function createWebhook(db: Database, keys: MasterKeys, user: UserRow, input: z.infer<typeof webhookInput>): Promise<WebhookRecord> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await insertWebhook(tx, { id, name: input.name, url: input.url, enabled: input.enabled, sealedSecret: sealSecret(keys, input.secret) });
    await recordAudit(tx, { actor: user.username, actorRole: user.role, action: 'webhook.create', objectType: 'webhook', objectId: id, after: { name: input.name, url: input.url } });
  });
  return webhookView((await findWebhook(db, id))!);
}

export async function changeWebhook(db: Database, keys: MasterKeys, user: UserRow, id: string, input: z.infer<typeof webhookUpdate>): Promise<WebhookRecord> {
  await db.transaction(async (tx) => {
    const changed = await updateWebhook(tx, id, { ...input, sealedSecret: input.secret ? sealSecret(keys, input.secret) : undefined });
    if (!changed) throw new ApiProblem(404, 'not_found', `no webhook with id ${id}`);
    await recordAudit(tx, { actor: user.username, actorRole: user.role, action: 'webhook.update', objectType: 'webhook', objectId: id, after: { ...input, secret: input.secret ? '(changed)' : undefined } });
  });
  return webhookView((await findWebhook(db, id))!);
}

export async function removeWebhook(db: Database, user: UserRow, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await deleteWebhook(tx, id))) throw new ApiProblem(404, 'not_found', `no webhook with id ${id}`);
    await recordAudit(tx, { actor: user.username, actorRole: user.role, action: 'webhook.delete', objectType: 'webhook', objectId: id });
  });
}

export async function listWebhookRecords(db: Database): Promise<{ items: WebhookRecord[] }> {
  return { items: (await listWebhooks(db)).map(webhookView) };
}

/**
 * Posts a signed test event to a webhook now, outside the delivery queue, and says what the
 * receiver answered: the check an administrator makes before a rule depends on it.
 */
export async function testWebhook(deps: AlertDeps, user: UserRow, id: string): Promise<ChannelTestAnswer> {
  const hook = await findWebhook(deps.db, id);
  if (!hook) throw new ApiProblem(404, 'not_found', `no webhook with id ${id}`);
  const body = JSON.stringify({ event: 'webhook.test', sentAt: new Date().toISOString(), by: user.username, message: 'A test from Steward: alerts routed to this webhook will arrive like this, signed the same way.' });
  const answer = await sendWebhook(deps, id, 0, 'webhook.test', body)
    .then((status) => ({ sent: true, detail: `HTTP ${status}` }), (error: Error) => ({ sent: false, detail: error.message }));
  await deps.db.transaction((tx) => recordAudit(tx, { actor: user.username, actorRole: user.role, action: 'webhook.test', objectType: 'webhook', objectId: id, after: answer }));
  return answer;
}
