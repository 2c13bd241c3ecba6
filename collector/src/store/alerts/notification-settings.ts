import type { Queryable } from '../database.js';

export interface StoredSmtp {
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  username?: string;
  from: string;
}

export interface StoredDigest {
  cron?: string;
  timezone?: string;
  recipients?: string[];
}

export interface NotificationSettingsRow {
  smtp: StoredSmtp | null;
  smtp_sealed_password: string | null;
  digest: StoredDigest;
}

export async function readNotificationSettings(db: Queryable): Promise<NotificationSettingsRow> {
  const { rows } = await db.query<NotificationSettingsRow>('select smtp, smtp_sealed_password, digest from notification_settings where id');
  return rows[0] ?? { smtp: null, smtp_sealed_password: null, digest: {} };
}

export async function writeNotificationSettings(db: Queryable, s: NotificationSettingsRow): Promise<void> {
  await db.query(
    `insert into notification_settings (id, smtp, smtp_sealed_password, digest) values (true, $1, $2, $3)
     on conflict (id) do update set smtp = excluded.smtp, smtp_sealed_password = excluded.smtp_sealed_password,
       digest = excluded.digest, updated_at = now()`,
    [s.smtp ? JSON.stringify(s.smtp) : null, s.smtp_sealed_password, JSON.stringify(s.digest)],
  );
}
