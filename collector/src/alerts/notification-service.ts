import type { NotificationSettings, notificationSettingsInput, ChannelTestAnswer } from '@steward/shared';
import { Cron } from 'croner';
import type { z } from 'zod';
import { recordAudit } from '../services/audit.js';
import type { AlertDeps } from './alert-deps.js';
import { sendEmail } from './channels/email-sender.js';
import { ApiProblem } from '../services/errors.js';
import { sealSecret, type MasterKeys } from '../services/secrets.js';
import type { Database, Queryable } from '../store/database.js';
import type { UserRow } from '../store/users.js';
import { rescheduleJob } from '../store/alerts/job-leases.js';
import { readNotificationSettings, writeNotificationSettings, type StoredDigest } from '../store/alerts/notification-settings.js';

export const DIGEST_JOB = 'alerts.digest';

export interface DigestSchedule {
  cron: string;
  timezone: string;
  recipients: string[];
}

export function digestScheduleOf(stored: StoredDigest): DigestSchedule {
  return { cron: stored.cron ?? '0 7 * * *', timezone: stored.timezone ?? 'UTC', recipients: stored.recipients ?? [] };
}

/** The next time a cron schedule fires after `after`, or a 400 naming the field when it is not valid. */
export function nextCronRun(cron: string, timezone: string, after: Date, field = 'cron'): Date | null {
  try {
    return new Cron(cron, { timezone, paused: true }).nextRun(after);
  } catch (error) {
    throw new ApiProblem(400, 'invalid_body', `invalid body: ${field}: ${(error as Error).message}`, [`${field}: ${(error as Error).message}`]);
  }
}

export async function readNotificationView(db: Queryable): Promise<NotificationSettings> {
  const s = await readNotificationSettings(db);
  return { smtp: s.smtp ? { ...s.smtp, passwordSet: Boolean(s.smtp_sealed_password) } : null, digest: digestScheduleOf(s.digest) };
}

/** Stores the SMTP relay and digest settings; a password left out keeps the stored one. */
export async function writeNotificationView(
  db: Database, keys: MasterKeys, user: UserRow, input: z.infer<typeof notificationSettingsInput>, now = new Date(),
): Promise<NotificationSettings> {
  await db.transaction(async (tx) => {
    const current = await readNotificationSettings(tx);
    const smtp = input.smtp === undefined ? current.smtp : input.smtp;
    let sealed = current.smtp_sealed_password;
    if (input.smtp === null) sealed = null;
    else if (input.smtp?.password) sealed = sealSecret(keys, input.smtp.password);
    const { password: _dropped, ...storedSmtp } = (smtp ?? {}) as { password?: string };
    const digest = input.digest ?? current.digest;
    const schedule = digestScheduleOf(digest);
    const next = nextCronRun(schedule.cron, schedule.timezone, now, 'digest.cron');
    await writeNotificationSettings(tx, { smtp: smtp ? (storedSmtp as never) : null, smtp_sealed_password: sealed, digest });
    if (input.digest && next) await rescheduleJob(tx, DIGEST_JOB, next);
    await recordAudit(tx, {
      actor: user.username, actorRole: user.role, action: 'alert-settings.update', objectType: 'settings', objectId: 'notifications',
      after: { smtp: smtp ? { ...storedSmtp, password: input.smtp?.password ? '(changed)' : undefined } : null, digest },
    });
  });
  return readNotificationView(db);
}

/**
 * Sends a test message through the stored relay at once, outside the delivery queue, and says
 * what the relay answered or why it failed: what an administrator needs after setting it up.
 */
export async function sendTestEmail(deps: AlertDeps, user: UserRow, to: string): Promise<ChannelTestAnswer> {
  const answer = await sendEmail(deps, {
    to: [to],
    subject: 'Steward test message',
    text: `This message was sent by ${user.username} from the Alerts screen to check the SMTP relay. Alerts will reach their recipients this way.`,
  }).then((detail) => ({ sent: true, detail }), (error: Error) => ({ sent: false, detail: error.message }));
  await deps.db.transaction((tx) => recordAudit(tx, { actor: user.username, actorRole: user.role, action: 'alert-settings.test-email', objectType: 'settings', objectId: 'notifications', after: { to, ...answer } }));
  return answer;
}
