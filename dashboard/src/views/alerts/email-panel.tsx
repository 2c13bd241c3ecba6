import { useCallback, useEffect, useState } from 'preact/hooks';
import type { NotificationSettings, ChannelTestAnswer } from '@steward/shared';
import { fetchNotificationSettings, saveNotificationSettings, sendTestEmail } from '../../api/alert-setup.js';
import { useApp } from '../../app/app-context.js';
import { ErrorNotice, LoadingRow } from '../../components/notices.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useSubmit } from '../../hooks/use-submit.js';
import { can } from '../../permissions.js';

interface Draft {
  host: string;
  port: string;
  security: 'tls' | 'starttls' | 'none';
  username: string;
  password: string;
  from: string;
  cron: string;
  timezone: string;
  recipients: string;
}

function draftOf(settings: NotificationSettings): Draft {
  const smtp = settings.smtp;
  return {
    host: smtp?.host ?? '', port: String(smtp?.port ?? 587), security: smtp?.security ?? 'starttls', username: smtp?.username ?? '',
    password: '', from: smtp?.from ?? '', cron: settings.digest.cron, timezone: settings.digest.timezone, recipients: settings.digest.recipients.join(', '),
  };
}

const list = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

/** The SMTP relay alerts are mailed through, the daily digest, and a test message to check both. */
export function EmailPanel() {
  const { api, me } = useApp();
  const editable = can(me.role, 'settings:write');
  const settings = useLoader('alert-settings', useCallback((signal: AbortSignal) => fetchNotificationSettings(api, signal), [api]));
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  const [testTo, setTestTo] = useState('');
  const [tested, setTested] = useState<ChannelTestAnswer | null>(null);
  const { busy, error, run } = useSubmit();
  useEffect(() => setDraft(settings.data ? draftOf(settings.data) : null), [settings.data]);
  if (settings.error) return <ErrorNotice error={settings.error} onRetry={settings.reload} />;
  if (!settings.data || !draft) return <LoadingRow text="Loading e-mail settings…" />;
  const field = (key: keyof Draft) => ({ value: draft[key], disabled: !editable, onInput: (e: { currentTarget: HTMLInputElement }) => setDraft({ ...draft, [key]: e.currentTarget.value }) });
  const save = () => saveNotificationSettings(api, {
    smtp: draft.host.trim() ? {
      host: draft.host.trim(), port: Number(draft.port), security: draft.security, from: draft.from.trim(),
      ...(draft.username.trim() ? { username: draft.username.trim() } : {}), ...(draft.password ? { password: draft.password } : {}),
    } : null,
    digest: { cron: draft.cron.trim(), timezone: draft.timezone.trim(), recipients: list(draft.recipients) },
  });

  return (
    <section class="card settings-section" aria-labelledby="email-title" data-testid="email-panel">
      <div class="card-head"><h2 class="card-title" id="email-title">E-mail</h2></div>
      <p class="muted">Alerts are mailed through this relay; leave the host empty to send no e-mail. The password is kept sealed and never shown.</p>
      <form class="inline-form" aria-label="E-mail relay and digest" onSubmit={(event) => { event.preventDefault(); setSaved(false); void run(save, () => { setSaved(true); settings.reload(); }); }}>
        <label class="field"><span>SMTP host</span><input {...field('host')} maxLength={255} placeholder="smtp.example.org" /></label>
        <label class="field field-narrow"><span>Port</span><input {...field('port')} type="number" inputMode="numeric" min={1} max={65535} /></label>
        <label class="field field-narrow">
          <span>Security</span>
          <select value={draft.security} disabled={!editable} onChange={(e) => setDraft({ ...draft, security: e.currentTarget.value as Draft['security'] })}>
            <option value="starttls">STARTTLS</option>
            <option value="tls">TLS (port 465)</option>
            <option value="none">None (local relay)</option>
          </select>
        </label>
        <label class="field"><span>User name</span><input {...field('username')} maxLength={320} autoComplete="off" /></label>
        <label class="field"><span>Password</span><input {...field('password')} type="password" maxLength={1024} autoComplete="new-password" placeholder={settings.data.smtp?.passwordSet ? 'stored: leave empty to keep' : ''} /></label>
        <label class="field"><span>From</span><input {...field('from')} type="email" maxLength={320} placeholder="steward@example.org" /></label>
        <label class="field field-narrow"><span>Digest at <small class="muted">(cron)</small></span><input {...field('cron')} maxLength={128} /></label>
        <label class="field field-narrow"><span>Time zone</span><input {...field('timezone')} maxLength={64} /></label>
        <label class="field field-wide"><span>Digest to <small class="muted">(every rule's alerts)</small></span><input {...field('recipients')} /></label>
        {editable ? <div class="form-buttons"><button type="submit" class="button button-primary" disabled={busy}>Save e-mail settings</button></div> : null}
        {saved ? <p role="status" class="form-status">E-mail settings saved.</p> : null}
      </form>
      {editable && settings.data.smtp ? (
        <form class="inline-form" aria-label="Send a test message" onSubmit={(event) => { event.preventDefault(); setTested(null); void run(async () => setTested(await sendTestEmail(api, testTo.trim()))); }}>
          <label class="field"><span>Send a test to</span><input type="email" value={testTo} required maxLength={320} onInput={(e) => setTestTo(e.currentTarget.value)} /></label>
          <div class="form-buttons"><button type="submit" class="button" disabled={busy}>Send test</button></div>
          {tested ? <p role="status" class={`form-status ${tested.sent ? '' : 'form-status-bad'}`} data-testid="test-email-result">{tested.sent ? `Sent: the relay answered ${tested.detail}` : `Not sent: ${tested.detail}`}</p> : null}
        </form>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
