import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertScheduler, defaultSchedulerOptions } from '../../../collector/src/alerts/alert-scheduler.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { addDays, expectStatus, isoDay, startAlertWorld, type AlertWorld } from './support/alert-world.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';

describe.each(CONTRACT_BACKENDS)('the schedule shared through the database on %s', (backend) => {
  let w: AlertWorld;
  let smtp: SmtpSink;
  let a: AlertScheduler;
  let b: AlertScheduler;

  beforeAll(async () => {
    w = await startAlertWorld(backend);
    smtp = await startSmtpSink();
    expectStatus(await w.admin.put('/api/v1/alerts/settings', {
      smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', from: 'steward@example.org' },
      digest: { cron: '0 7 * * *', timezone: 'UTC', recipients: ['head-of-it@example.org'] },
    }), 200);
    // Two collectors' schedulers on one database, never started: the test ticks them.
    a = new AlertScheduler(w.deps, defaultSchedulerOptions({ holder: 'collector-a', intervalSeconds: 300 }));
    b = new AlertScheduler(w.deps, defaultSchedulerOptions({ holder: 'collector-b', intervalSeconds: 300 }));
  });
  afterAll(async () => {
    await w?.stop();
    await smtp?.close();
  });

  it('lets one collector evaluate per interval', async () => {
    const t = new Date('2031-03-04T05:00:00Z');
    const first = await Promise.all([a.tick(t), b.tick(t)]);
    expect(first.filter((r) => r.evaluated)).toHaveLength(1);
    const soon = await Promise.all([a.tick(new Date(t.getTime() + 60_000)), b.tick(new Date(t.getTime() + 120_000))]);
    expect(soon.filter((r) => r.evaluated)).toHaveLength(0);
    const next = await Promise.all([b.tick(new Date(t.getTime() + 301_000)), a.tick(new Date(t.getTime() + 302_000))]);
    expect(next.filter((r) => r.evaluated)).toHaveLength(1);
    const { rows } = await w.c.ctx.db.query<{ holder: string }>(`select holder from job_leases where name = 'alerts.evaluate'`);
    expect(['collector-a', 'collector-b']).toContain(rows[0]!.holder);
  });

  it('sends the daily digest once, at its hour, to each recipient with their rules', async () => {
    const categoryId = await w.categoryId('hardware.computers');
    const day = new Date('2031-03-04T06:00:00Z');
    expectStatus(await w.admin.post('/api/v1/register/assets', { name: 'Digest laptop', categoryId, warrantyExpires: isoDay(addDays(day, 3)) }), 201);
    expectStatus(await w.admin.post('/api/v1/alerts/rules', {
      name: 'warranty digest', kind: 'warranty_expiring', routing: { email: { recipients: ['desk@example.org'], mode: 'digest' } },
    }), 201);
    expect((await w.evaluate(day)).opened).toBe(1);
    await w.drain();
    expect(smtp.mails).toHaveLength(0);

    const before = await Promise.all([a.tick(new Date('2031-03-04T06:59:00Z')), b.tick(new Date('2031-03-04T06:59:30Z'))]);
    expect(before.map((r) => r.digests)).toEqual([0, 0]);
    const at = await Promise.all([a.tick(new Date('2031-03-04T07:00:30Z')), b.tick(new Date('2031-03-04T07:00:40Z'))]);
    expect(at.map((r) => r.digests).sort()).toEqual([0, 2]);
    await w.drain();
    const mails = await smtp.waitFor(2);
    expect(mails.map((m) => m.to[0]).sort()).toEqual(['desk@example.org', 'head-of-it@example.org']);
    for (const m of mails) {
      expect(m.subject).toBe('[Steward] daily digest: 1 open, 0 resolved');
      expect(m.raw).toContain('Digest laptop');
    }
    const later = await Promise.all([a.tick(new Date('2031-03-04T12:00:00Z')), b.tick(new Date('2031-03-04T18:00:00Z'))]);
    expect(later.map((r) => r.digests)).toEqual([0, 0]);
  });

  it('stops between ticks and waits for the one running', async () => {
    const c = new AlertScheduler(w.deps, defaultSchedulerOptions({ holder: 'collector-c', firstTickSeconds: 0, tickSeconds: 3600 }));
    c.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await c.stop();
    const { rows } = await w.c.ctx.db.query<{ n: number }>(`select count(*)::int as n from alert_deliveries where state = 'sending'`);
    expect(rows[0]!.n).toBe(0);
  });
});
