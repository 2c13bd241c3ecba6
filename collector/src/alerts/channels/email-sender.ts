import { lookup } from 'node:dns/promises';
import nodemailer from 'nodemailer';
import { openSecret } from '../../services/secrets.js';
import { readNotificationSettings } from '../../store/alerts/notification-settings.js';
import type { AlertDeps } from '../alert-deps.js';
import { addressRefusal, hostRefusal, isHostAllowedByName } from '../outbound/address-policy.js';
import { currentPolicy } from '../outbound/current-policy.js';
import { AttemptFailed, PermanentFailure } from './delivery-outcome.js';

export interface EmailMessage {
  to: string[];
  subject: string;
  text: string;
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
}

/**
 * The SMTP relay may not sit where outgoing requests are refused either, the administrator's
 * "public addresses only" setting included: a relay is as much a way out as a webhook.
 */
async function checkRelay(deps: AlertDeps, host: string): Promise<void> {
  const policy = await currentPolicy(deps.db, deps.policy);
  const byName = hostRefusal(policy, host);
  if (byName) throw new PermanentFailure(`SMTP relay ${byName}`);
  if (isHostAllowedByName(policy, host)) return;
  const addresses = await lookup(host, { all: true }).catch((error: Error) => {
    throw new AttemptFailed(`SMTP relay ${host}: ${error.message}`);
  });
  const refusal = addresses.map((a) => addressRefusal(policy, a.address)).find(Boolean);
  if (refusal) throw new PermanentFailure(`SMTP relay ${host}: ${refusal}`);
}

/** Sends one message through the configured SMTP relay; returns the relay's answer. */
export async function sendEmail(deps: AlertDeps, message: EmailMessage): Promise<string> {
  const settings = await readNotificationSettings(deps.db);
  const smtp = settings.smtp;
  if (!smtp) throw new AttemptFailed('no SMTP relay is configured (PUT /api/v1/alerts/settings)');
  await checkRelay(deps, smtp.host);
  const password = settings.smtp_sealed_password ? openSecret(deps.keys, settings.smtp_sealed_password) : undefined;
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === 'tls',
    requireTLS: smtp.security === 'starttls',
    ignoreTLS: smtp.security === 'none',
    auth: smtp.username ? { user: smtp.username, pass: password ?? '' } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  try {
    const info = await transport.sendMail({ from: smtp.from, to: message.to, subject: message.subject, text: message.text, attachments: message.attachments });
    return String(info.response ?? 'accepted');
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode ?? null;
    // 5xx is the relay's final word (unknown recipient, refused sender); anything else may pass later.
    if (code !== null && code >= 500 && code < 600 && code !== 535) throw new PermanentFailure(`SMTP: ${(error as Error).message}`, code);
    throw new AttemptFailed(`SMTP: ${(error as Error).message}`, code);
  } finally {
    transport.close();
  }
}
