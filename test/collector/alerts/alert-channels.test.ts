import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retryDelay } from '../../../collector/src/alerts/delivery-worker.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { addDays, expectStatus, isoDay, startAlertWorld, type AlertWorld } from './support/alert-world.js';
import { startHttpStub, type HttpStub } from './support/http-stub.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';

const WEBHOOK_SECRET = 'whsec-0123456789abcdef';
const SMTP_LOGIN = { user: 'relay-user', password: 'relay-password-77' };

/** What a receiver does: recompute the signature over "<timestamp>.<body>" and compare. */
function signatureHolds(secret: string, timestamp: string, body: string, signature: string): boolean {
  return signature === `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

describe.each(CONTRACT_BACKENDS)('alert channels on %s', (backend) => {
  let w: AlertWorld;
  let smtp: SmtpSink;
  let hook: HttpStub;
  let failuresLeft = 0;
  let ruleId: string;
  let assetId: string;
  // Early in today's UTC day, so that half a day later is still the same calendar day whatever time the suite runs.
  const t0 = new Date(`${isoDay(new Date())}T01:00:00Z`);
  const warrantyEnds = addDays(t0, 40);

  beforeAll(async () => {
    w = await startAlertWorld(backend);
    smtp = await startSmtpSink(SMTP_LOGIN);
    hook = await startHttpStub(() => (failuresLeft-- > 0 ? { status: 503, body: { error: 'busy' } } : { status: 204 }));
    expectStatus(await w.admin.put('/api/v1/alerts/settings', {
      smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', username: SMTP_LOGIN.user, password: SMTP_LOGIN.password, from: 'steward@example.org' },
    }), 200);
    const webhook = expectStatus(await w.admin.post('/api/v1/alerts/webhooks', { name: 'ops hook', url: `${hook.url}/steward`, secret: WEBHOOK_SECRET }), 201);
    const categoryId = await w.categoryId('hardware.computers');
    assetId = expectStatus(await w.admin.post('/api/v1/register/assets', {
      name: 'Finance laptop', categoryId, serial: 'SN-ALERT-1', status: 'deployed', warrantyExpires: isoDay(warrantyEnds),
    }), 201).id;
    ruleId = expectStatus(await w.admin.post('/api/v1/alerts/rules', {
      name: 'Warranty in 30 days', kind: 'warranty_expiring', params: { days: 30 },
      routing: { email: { recipients: ['it@example.org'] }, webhookIds: [webhook.id] },
    }), 201).id;
  });
  afterAll(async () => {
    await w?.stop();
    await smtp?.close();
    await hook?.close();
  });

  it('answers settings and webhooks without their secrets', async () => {
    const settings = expectStatus(await w.admin.get('/api/v1/alerts/settings'), 200);
    expect(settings.smtp).toMatchObject({ host: '127.0.0.1', username: SMTP_LOGIN.user, passwordSet: true });
    const hooks = expectStatus(await w.admin.get('/api/v1/alerts/webhooks'), 200);
    expect(JSON.stringify([settings, hooks])).not.toContain(SMTP_LOGIN.password);
    expect(JSON.stringify(hooks)).not.toContain(WEBHOOK_SECRET);
    const { rows } = await w.c.ctx.db.query<{ sealed_secret: string }>('select sealed_secret from alert_webhooks');
    expect(rows[0]!.sealed_secret).toMatch(/^sealed:v1:/);
  });

  it('raises nothing before the threshold', async () => {
    const summary = await w.evaluate(addDays(warrantyEnds, -31));
    expect(summary).toMatchObject({ rules: 1, opened: 0 });
    expect(expectStatus(await w.admin.get('/api/v1/alerts'), 200).total).toBe(0);
  });

  it('raises exactly one alert at the threshold and delivers it on every channel', async () => {
    const at = addDays(warrantyEnds, -30);
    expect((await w.evaluate(at)).opened).toBe(1);
    expect((await w.evaluate(addDays(at, 0.5))).opened).toBe(0);
    const list = expectStatus(await w.admin.get('/api/v1/alerts?state=open'), 200);
    expect(list.total).toBe(1);
    const alert = list.items[0];
    expect(alert).toMatchObject({ ruleId, kind: 'warranty_expiring', subjectType: 'asset', subjectId: assetId, severity: 'info', state: 'open' });
    expect(alert.summary).toContain('warranty ends in 30 days');

    await w.drain();
    const mails = await smtp.waitFor(1);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: ['it@example.org'], from: 'steward@example.org', user: SMTP_LOGIN.user });
    expect(mails[0]!.subject).toContain('new info');
    expect(mails[0]!.subject).toContain('Finance laptop');

    expect(hook.requests).toHaveLength(1);
    const req = hook.requests[0]!;
    expect(req.path).toBe('/steward');
    expect(signatureHolds(WEBHOOK_SECRET, String(req.headers['x-steward-timestamp']), req.raw, String(req.headers['x-steward-signature']))).toBe(true);
    expect(signatureHolds('another-secret-000000', String(req.headers['x-steward-timestamp']), req.raw, String(req.headers['x-steward-signature']))).toBe(false);
    expect(Math.abs(Number(req.headers['x-steward-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(req.body).toMatchObject({ event: 'alert.opened', alert: { id: alert.id, subjectId: assetId } });

    await w.waitForLive((e) => e.type === 'alert.changed' && e.alertId === alert.id && e.change === 'opened');
  });

  it('acknowledges, and reminds when a snooze is over while the cause remains', async () => {
    const [alert] = expectStatus(await w.admin.get('/api/v1/alerts?state=open'), 200).items;
    const acked = expectStatus(await w.admin.post(`/api/v1/alerts/${alert.id}/acknowledge`, {}), 200);
    expect(acked).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'admin' });
    expectStatus(await w.admin.post(`/api/v1/alerts/${alert.id}/acknowledge`, {}), 409);
    const snoozed = expectStatus(await w.admin.post(`/api/v1/alerts/${alert.id}/snooze`, { minutes: 60 }), 200);
    expect(new Date(snoozed.snoozedUntil).getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);
    expect(expectStatus(await w.admin.get('/api/v1/alerts?hideSnoozed=true'), 200).total).toBe(0);
    await w.drain();
    const mailsBefore = smtp.mails.length;

    // The clock moves past the snooze (still inside the warning window): the alert is told again, once.
    const later = addDays(warrantyEnds, -29);
    expect((await w.evaluate(later)).reminded).toBe(1);
    expect((await w.evaluate(addDays(later, 0.01))).reminded).toBe(0);
    await w.drain();
    const mails = await smtp.waitFor(mailsBefore + 1);
    expect(mails).toHaveLength(mailsBefore + 1);
    expect(mails.at(-1)!.subject).toContain('reminder');
    expect(hook.requests.map((r) => (r.body as { event: string }).event)).toEqual(['alert.opened', 'alert.acknowledged', 'alert.reminded']);
  });

  it('resolves itself when the cause goes away, and says so on every channel', async () => {
    const [alert] = expectStatus(await w.admin.get('/api/v1/alerts?state=acknowledged'), 200).items;
    expectStatus(await w.admin.patch(`/api/v1/register/assets/${assetId}`, { warrantyExpires: isoDay(addDays(warrantyEnds, 365)) }), 200);
    const mailsBefore = smtp.mails.length;
    const summary = await w.evaluate(addDays(warrantyEnds, -20));
    expect(summary).toMatchObject({ resolved: 1, opened: 0 });
    const resolved = expectStatus(await w.admin.get(`/api/v1/alerts/${alert.id}`), 200);
    expect(resolved.state).toBe('resolved');
    await w.drain();
    expect((await smtp.waitFor(mailsBefore + 1)).at(-1)!.subject).toContain('resolved');
    expect((hook.requests.at(-1)!.body as { event: string }).event).toBe('alert.resolved');
    await w.waitForLive((e) => e.type === 'alert.changed' && e.alertId === alert.id && e.change === 'resolved');
    expect((await w.evaluate(addDays(warrantyEnds, -19))).opened).toBe(0);
  });

  it('retries a failing webhook until it is delivered and logs the attempts', async () => {
    failuresLeft = 2;
    const before = hook.requests.length;
    const alert = expectStatus(await w.admin.get('/api/v1/alerts?state=resolved'), 200).items[0];
    // A second asset under the same rule: its alert goes through the failing receiver.
    const categoryId = await w.categoryId('hardware.computers');
    expectStatus(await w.admin.post('/api/v1/register/assets', { name: 'Spare laptop', categoryId, status: 'in_stock', warrantyExpires: isoDay(addDays(new Date(), 5)) }), 201);
    expect((await w.evaluate(new Date())).opened).toBe(1);
    await w.drain();
    const attempts = hook.requests.slice(before);
    expect(attempts).toHaveLength(3);
    // Every attempt carries the same body, each signed anew.
    expect(new Set(attempts.map((r) => r.raw)).size).toBe(1);
    for (const r of attempts) expect(signatureHolds(WEBHOOK_SECRET, String(r.headers['x-steward-timestamp']), r.raw, String(r.headers['x-steward-signature']))).toBe(true);
    const log = expectStatus(await w.admin.get('/api/v1/alerts/deliveries?channel=webhook'), 200);
    const latest = log.items[0];
    expect(latest).toMatchObject({ state: 'delivered', attempts: 3, responseStatus: 204, lastError: null });
    expect(alert.id).not.toBe(latest.alertId);
  });

  it('waits twice as long before each retry, up to the cap', () => {
    const { baseMs, maxMs } = w.deps.retry;
    for (let attempt = 1; attempt <= 6; attempt++) {
      const plain = Math.min(baseMs * 2 ** (attempt - 1), maxMs);
      const delay = retryDelay(w.deps, attempt);
      expect(delay).toBeGreaterThanOrEqual(Math.floor(plain * 0.9));
      expect(delay).toBeLessThanOrEqual(Math.ceil(plain * 1.1));
    }
    expect(retryDelay(w.deps, 3)).toBeGreaterThan(retryDelay(w.deps, 1) * 3);
  });

  it('gives up after the last attempt and keeps the error in the log', async () => {
    failuresLeft = 100;
    const categoryId = await w.categoryId('hardware.computers');
    expectStatus(await w.admin.post('/api/v1/register/assets', { name: 'Loaner laptop', categoryId, status: 'in_stock', warrantyExpires: isoDay(addDays(new Date(), 6)) }), 201);
    expect((await w.evaluate(new Date())).opened).toBe(1);
    await w.drain();
    const log = expectStatus(await w.admin.get('/api/v1/alerts/deliveries?channel=webhook&state=failed'), 200);
    expect(log.items[0]).toMatchObject({ state: 'failed', attempts: 4, responseStatus: 503 });
    expect(log.items[0].lastError).toContain('HTTP 503');
    failuresLeft = 0;
  });
  it('sends a test message through the relay at once, and says why when the relay cannot be reached', async () => {
    const before = smtp.mails.length;
    const sent = expectStatus(await w.admin.post('/api/v1/alerts/settings/test-email', { to: 'check@example.org' }), 200);
    expect(sent.sent).toBe(true);
    const mail = (await smtp.waitFor(before + 1)).at(-1)!;
    expect(mail).toMatchObject({ to: ['check@example.org'], subject: 'Steward test message', user: SMTP_LOGIN.user });

    const refused = expectStatus(await w.admin.post('/api/v1/alerts/settings/test-email', { to: 'not an address' }), 400);
    expect(JSON.stringify(refused)).toContain('to');

    const closed = await startSmtpSink();
    const port = closed.port;
    await closed.close();
    const settings = { smtp: { host: '127.0.0.1', port, security: 'none', username: SMTP_LOGIN.user, from: 'steward@example.org' } };
    expectStatus(await w.admin.put('/api/v1/alerts/settings', settings), 200);
    try {
      const failed = expectStatus(await w.admin.post('/api/v1/alerts/settings/test-email', { to: 'check@example.org' }), 200);
      expect(failed.sent).toBe(false);
      expect(failed.detail).toMatch(/^SMTP: .*ECONNREFUSED/);
    } finally {
      expectStatus(await w.admin.put('/api/v1/alerts/settings', { smtp: { ...settings.smtp, port: smtp.port } }), 200);
    }
    const { rows } = await w.c.ctx.db.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'alert-settings.test-email'");
    expect(rows[0]!.n).toBe(2);
  });
  it('posts a signed test event to a webhook at once, and says what the receiver answered', async () => {
    const [hookRecord] = expectStatus(await w.admin.get('/api/v1/alerts/webhooks'), 200).items;
    const before = hook.requests.length;
    const ok = expectStatus(await w.admin.post(`/api/v1/alerts/webhooks/${hookRecord.id}/test`, {}), 200);
    expect(ok).toEqual({ sent: true, detail: 'HTTP 204' });
    const posted = hook.requests.at(-1)!;
    expect(hook.requests.length).toBe(before + 1);
    expect(posted.headers['x-steward-event']).toBe('webhook.test');
    expect(signatureHolds(WEBHOOK_SECRET, String(posted.headers['x-steward-timestamp']), posted.raw, String(posted.headers['x-steward-signature']))).toBe(true);

    failuresLeft = 1;
    const refused = expectStatus(await w.admin.post(`/api/v1/alerts/webhooks/${hookRecord.id}/test`, {}), 200);
    expect(refused).toEqual({ sent: false, detail: 'ops hook: HTTP 503' });
    failuresLeft = 0;
    expectStatus(await w.admin.post('/api/v1/alerts/webhooks/00000000-0000-4000-8000-000000000000/test', {}), 404);
  });
});
