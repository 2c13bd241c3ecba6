import { createHmac } from 'node:crypto';
import { openSecret } from '../../services/secrets.js';
import { findWebhook } from '../../store/alerts/webhooks.js';
import type { AlertDeps } from '../alert-deps.js';
import { currentPolicy } from '../outbound/current-policy.js';
import { OutboundRefused, outboundRequest } from '../outbound/outbound-request.js';
import { AttemptFailed, PermanentFailure } from './delivery-outcome.js';

export const SIGNATURE_HEADER = 'x-steward-signature';
export const TIMESTAMP_HEADER = 'x-steward-timestamp';

/**
 * The signature a receiver recomputes: HMAC-SHA256 under the webhook's secret of
 * `<timestamp>.<body>`, hex, as `sha256=<hex>`. The timestamp (Unix seconds, its own header) is
 * signed too, so a receiver can refuse old replays.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Posts one signed webhook delivery; 2xx is delivered, anything else is retried. */
export async function sendWebhook(deps: AlertDeps, webhookId: string, deliveryId: number, event: string, body: string): Promise<number> {
  const hook = await findWebhook(deps.db, webhookId);
  if (!hook) throw new PermanentFailure(`webhook ${webhookId} no longer exists`);
  if (!hook.enabled) throw new PermanentFailure(`webhook ${hook.name} is disabled`);
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = signWebhook(openSecret(deps.keys, hook.sealed_secret), timestamp, body);
  const policy = await currentPolicy(deps.db, deps.policy);
  let response;
  try {
    response = await outboundRequest(policy, {
      method: 'POST', url: hook.url, body, timeoutMs: 10_000,
      headers: {
        'content-type': 'application/json', 'user-agent': 'Steward-Webhooks/1',
        'x-steward-event': event, 'x-steward-delivery': String(deliveryId),
        [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: signature,
      },
    });
  } catch (error) {
    if (error instanceof OutboundRefused) throw new PermanentFailure(error.message);
    throw new AttemptFailed(`${hook.name}: ${(error as Error).message}`);
  }
  if (response.status < 200 || response.status >= 300) throw new AttemptFailed(`${hook.name}: HTTP ${response.status}`, response.status);
  return response.status;
}
