import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { enrolTestAgent } from '../../support/collector.js';
import { sendHeartbeat } from '../../support/heartbeat.js';
import { makeReport } from '../../support/reports.js';
import { addDays, expectStatus, isoDay, startAlertWorld, type AlertWorld } from './support/alert-world.js';

/*
 * Each rule kind, with the clock moved through its threshold: nothing just before, exactly one
 * alert from the threshold on (however often evaluated), and the alert resolved once the cause is
 * gone. Register data goes through the register API; tables of areas whose APIs are not in this
 * repository yet (findings, licence positions, SNMP targets, contracts, maintenance) are written
 * in the shape their migrations define.
 */
describe.each(CONTRACT_BACKENDS)('alert rules on %s', (backend) => {
  let w: AlertWorld;
  let ruleId: string | undefined;
  const t0 = new Date(`${isoDay(new Date())}T12:00:00Z`);
  const sql = (text: string, params: unknown[] = []) => w.c.ctx.db.query(text, params);

  beforeAll(async () => {
    w = await startAlertWorld(backend);
  });
  afterAll(async () => w?.stop());
  afterEach(async () => {
    if (ruleId) expectStatus(await w.admin.delete(`/api/v1/alerts/rules/${ruleId}`), 204);
    ruleId = undefined;
  });

  async function rule(kind: string, params: Record<string, unknown> = {}): Promise<string> {
    ruleId = expectStatus(await w.admin.post('/api/v1/alerts/rules', { name: `${kind} rule`, kind, params }), 201).id;
    return ruleId!;
  }

  async function liveAlerts(): Promise<Array<{ id: string; subjectKey: string; summary: string; state: string; subjectId: string }>> {
    return expectStatus(await w.admin.get(`/api/v1/alerts?ruleId=${ruleId}&state=open,acknowledged`), 200).items;
  }

  /** Before `at`: nothing; at `at` and again a little later: exactly one alert. */
  async function crossThreshold(before: Date, at: Date): Promise<{ id: string; summary: string; subjectId: string }> {
    expect((await w.evaluate(before)).opened).toBe(0);
    expect(await liveAlerts()).toHaveLength(0);
    expect((await w.evaluate(at)).opened).toBe(1);
    expect((await w.evaluate(new Date(at.getTime() + 3_600_000))).opened).toBe(0);
    const alerts = await liveAlerts();
    expect(alerts).toHaveLength(1);
    return alerts[0]!;
  }

  async function expectResolvedAt(at: Date, alertId: string): Promise<void> {
    expect((await w.evaluate(at)).resolved).toBe(1);
    expect(await liveAlerts()).toHaveLength(0);
    expect(expectStatus(await w.admin.get(`/api/v1/alerts/${alertId}`), 200).state).toBe('resolved');
  }

  async function asset(fields: Record<string, unknown>): Promise<string> {
    const categoryId = await w.categoryId(String(fields.category ?? 'hardware.computers'));
    const { category: _c, ...rest } = fields;
    return expectStatus(await w.admin.post('/api/v1/register/assets', { name: 'probe', status: 'deployed', categoryId, ...rest }), 201).id;
  }

  it('renewal_due: a contract, from its notice deadline less the lead time', async () => {
    await rule('renewal_due', { days: 14, sources: ['contract'] });
    const id = randomUUID();
    // Ends in 60 days with 30 days' notice: decide by day 30, so warn from day 16.
    await sql(`insert into register_contracts (id, kind, name, reference, starts_on, ends_on, billing_period, notice_days, auto_renew)
               values ($1, 'support', 'Core switch support', 'SUP-77', $2, $3, 'yearly', 30, true)`, [id, isoDay(addDays(t0, -300)), isoDay(addDays(t0, 60))]);
    const alert = await crossThreshold(addDays(t0, 15), addDays(t0, 16));
    expect(alert.summary).toContain('SUP-77');
    expect(alert.summary).toContain(`notice due ${isoDay(addDays(t0, 30))}`);
    await sql('update register_contracts set ends_on = $2 where id = $1', [id, isoDay(addDays(t0, 425))]);
    await expectResolvedAt(addDays(t0, 17), alert.id);
  });

  it('renewal_due: a domain registration that lapses', async () => {
    await rule('renewal_due', { days: 30, sources: ['asset'] });
    const id = await asset({ category: 'networking.domains', name: 'example.org', expiresOn: isoDay(addDays(t0, 50)) });
    const alert = await crossThreshold(addDays(t0, 19), addDays(t0, 20));
    expect(alert.summary).toContain('example.org');
    expect(alert.subjectId).toBe(id);
    expectStatus(await w.admin.patch(`/api/v1/register/assets/${id}`, { expiresOn: isoDay(addDays(t0, 415)) }), 200);
    await expectResolvedAt(addDays(t0, 21), alert.id);
  });

  it('renewal_due: a licence subscription term', async () => {
    await rule('renewal_due', { days: 7, sources: ['entitlement'] });
    await sql(`insert into catalogue_products (id, publisher, name, licence) values ('acme-cad', 'Acme', 'Acme CAD', 'commercial') on conflict do nothing`);
    const id = randomUUID();
    await sql(`insert into entitlements (id, product_id, metric, quantity, term_end, contract) values ($1, 'acme-cad', 'user', 25, $2, 'EA-2024')`, [id, isoDay(addDays(t0, 10))]);
    const alert = await crossThreshold(addDays(t0, 2), addDays(t0, 3));
    expect(alert.summary).toContain('Acme CAD');
    await sql('delete from entitlements where id = $1', [id]);
    await expectResolvedAt(addDays(t0, 4), alert.id);
  });

  it('maintenance_due and maintenance_overdue: before, on and after the due date, until it is done', async () => {
    const assetId = await asset({ name: 'UPS room 2' });
    const scheduleId = randomUUID();
    await sql(`insert into register_maintenance_schedules (id, asset_id, title, interval_days, starts_on) values ($1, $2, 'Battery test', 90, $3)`,
      [scheduleId, assetId, isoDay(addDays(t0, 20))]);
    await rule('maintenance_due', { days: 14 });
    const due = await crossThreshold(addDays(t0, 5), addDays(t0, 6));
    expect(due.summary).toContain('Battery test due in 14 days');
    expectStatus(await w.admin.delete(`/api/v1/alerts/rules/${ruleId}`), 204);

    await rule('maintenance_overdue', { graceDays: 0 });
    const overdue = await crossThreshold(addDays(t0, 20), addDays(t0, 21));
    expect(overdue.summary).toContain('overdue since');
    await sql(`insert into register_work_orders (id, asset_id, schedule_id, title, kind, status, opened_on, completed_on)
               values ($1, $2, $3, 'Battery test', 'preventive', 'done', $4, $4)`, [randomUUID(), assetId, scheduleId, isoDay(addDays(t0, 21))]);
    await expectResolvedAt(addDays(t0, 22), overdue.id);
  });

  it('checkout_overdue: the day after the expected return, until checked in', async () => {
    const person = expectStatus(await w.admin.post('/api/v1/register/people', { name: 'Dana Whitfield', email: 'dana@example.org' }), 201);
    const id = await asset({ name: 'Projector P-3', status: 'in_stock' });
    expectStatus(await w.admin.post(`/api/v1/register/assets/${id}/checkout`, { target: { type: 'person', id: person.id }, expectedReturn: isoDay(addDays(t0, 7)) }), 200);
    await rule('checkout_overdue');
    const alert = await crossThreshold(addDays(t0, 7), addDays(t0, 8));
    expect(alert.summary).toContain('Dana Whitfield');
    expectStatus(await w.admin.post(`/api/v1/register/assets/${id}/checkin`, {}), 200);
    await expectResolvedAt(addDays(t0, 9), alert.id);
  });

  it('checkout_unaccepted: a check-out unanswered for the days set, until the person accepts', async () => {
    const person = expectStatus(await w.admin.post('/api/v1/register/people', { name: 'Ruth Okafor', email: 'ruth@example.org' }), 201);
    const id = await asset({ name: 'Tablet T-9', status: 'in_stock' });
    const out = expectStatus(await w.admin.post(`/api/v1/register/assets/${id}/checkout`, { target: { type: 'person', id: person.id }, requestAcceptance: true }), 200);
    await rule('checkout_unaccepted', { days: 3 });
    const now = new Date();
    const alert = await crossThreshold(addDays(now, 2), addDays(now, 4));
    expect(alert.summary).toBe(`${out.tag} Tablet T-9: Ruth Okafor has not accepted the check-out`);
    const token = String(out.acceptanceLink.url).split('#')[1];
    const answered = await fetch(`${w.c.url}/api/v1/acceptance/answer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, decision: 'accepted' }) });
    expect(answered.status).toBe(200);
    await expectResolvedAt(addDays(now, 5), alert.id);
  });

  it.each(['missing', 'unregistered'] as const)('device_%s: an open finding, until it is resolved', async (type) => {
    await rule(`device_${type}`);
    expect((await w.evaluate(t0)).opened).toBe(0);
    const id = randomUUID();
    await sql(`insert into findings (id, key, type, state, summary) values ($1, $2, $3, 'open', $4)`, [id, `${type}:${id}`, type, `probe ${type} device`]);
    expect((await w.evaluate(t0)).opened).toBe(1);
    expect((await w.evaluate(t0)).opened).toBe(0);
    const [alert] = await liveAlerts();
    expect(alert!.summary).toBe(`probe ${type} device`);
    await sql(`update findings set state = 'resolved' where id = $1`, [id]);
    await expectResolvedAt(t0, alert!.id);
  });

  it('unlicensed_install and licence_shortfall: from the licence position, until it is covered', async () => {
    await sql(`insert into catalogue_products (id, publisher, name, licence) values ('acme-draw', 'Acme', 'Acme Draw', 'commercial') on conflict do nothing`);
    const deviceId = randomUUID();
    await sql(`insert into devices (id, kind, hostname) values ($1, 'agent', 'ws-unlicensed')`, [deviceId]);
    await rule('unlicensed_install');
    await sql(`insert into licence_unlicensed (product_id, device_id, units) values ('acme-draw', $1, 1)`, [deviceId]);
    expect((await w.evaluate(t0)).opened).toBe(1);
    const [unlicensed] = await liveAlerts();
    expect(unlicensed!.summary).toBe('Acme Draw on ws-unlicensed has no licence (1 unit)');
    await sql('delete from licence_unlicensed where device_id = $1', [deviceId]);
    await expectResolvedAt(t0, unlicensed!.id);
    expectStatus(await w.admin.delete(`/api/v1/alerts/rules/${ruleId}`), 204);

    await rule('licence_shortfall', { minShortfall: 2 });
    await sql(`insert into licence_positions (product_id, metric, entitled, consumed, covered, shortfall, shortfall_cost, currency, installs, unlicensed, shelfware, computed_at)
               values ('acme-draw', 'device', 10, 11, 10, 1, 120, 'EUR', 11, 1, 0, now())`);
    expect((await w.evaluate(t0)).opened).toBe(0);
    await sql(`update licence_positions set consumed = 13, shortfall = 3, shortfall_cost = 360 where product_id = 'acme-draw'`);
    expect((await w.evaluate(t0)).opened).toBe(1);
    const [short] = await liveAlerts();
    expect(short!.summary).toBe('Acme Acme Draw: 3 device licences short (13 used, 10 owned), 360.00 EUR to close');
    await sql(`update licence_positions set consumed = 10, shortfall = 0 where product_id = 'acme-draw'`);
    await expectResolvedAt(t0, short!.id);
  });

  it('agent_silent: after N days without a word, until it reports again', async () => {
    const agent = await enrolTestAgent(w.c.url, 'ws-quiet');
    await rule('agent_silent', { days: 7 });
    const now = new Date();
    const alert = await crossThreshold(addDays(now, 6.9), addDays(now, 7.1));
    expect(alert.summary).toContain('ws-quiet');
    const report = await fetch(`${w.c.url}/api/v1/agents/report`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${agent.token}` }, body: JSON.stringify(makeReport(agent.agentId)),
    });
    expect(report.status).toBeLessThan(300);
    // Evaluated on the real clock again: the agent has just spoken.
    await expectResolvedAt(new Date(), alert.id);
  });

  it('agent_clock_skew: from the heartbeat whose clock is the set seconds off, until a heartbeat on time', async () => {
    const agent = await enrolTestAgent(w.c.url, 'ws-drifting');
    /** A heartbeat stamped `offsetSeconds` from the real time, and the skew the collector then lists for the agent. */
    const heartbeat = async (offsetSeconds: number): Promise<number> => {
      await sendHeartbeat(w.c.url, agent.token, offsetSeconds);
      const listed = expectStatus(await w.admin.get('/api/v1/agents?limit=500'), 200).items as Array<{ id: string; clockSkewSeconds: number | null }>;
      return listed.find((a) => a.id === agent.agentId)!.clockSkewSeconds!;
    };
    await rule('agent_clock_skew', { seconds: 300 });
    expect(Math.abs(await heartbeat(-290) + 290)).toBeLessThan(5);
    expect((await w.evaluate(new Date())).opened).toBe(0);
    expect(Math.abs(await heartbeat(-620) + 620)).toBeLessThan(5);
    expect((await w.evaluate(new Date())).opened).toBe(1);
    expect((await w.evaluate(new Date())).opened).toBe(0);
    const [alert] = await liveAlerts();
    expect(alert!.summary).toMatch(/^clock of ws-drifting is 10 min 2\d s behind the collector's$/);
    // A report from the spool says nothing of the clock now: the measure stays until the next heartbeat.
    const report = await fetch(`${w.c.url}/api/v1/agents/report`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${agent.token}` }, body: JSON.stringify(makeReport(agent.agentId)),
    });
    expect(report.status).toBeLessThan(300);
    expect((await w.evaluate(new Date())).resolved).toBe(0);
    expect(Math.abs(await heartbeat(0))).toBeLessThan(5);
    await expectResolvedAt(new Date(), alert!.id);
  });

  it('snmp_device_down: once down for the set minutes, until it answers again', async () => {
    const deviceId = randomUUID();
    const now = new Date();
    await sql(`insert into devices (id, kind, hostname) values ($1, 'snmp', 'core-sw-1')`, [deviceId]);
    await sql(`insert into snmp_targets (device_id, host, port, system, identity, probed_at, poll_interval_seconds, up, last_polled_at)
               values ($1, '192.0.2.10', 161, '{}', '{}', $2, 60, false, $2)`, [deviceId, now]);
    await sql(`insert into snmp_reachability (time, device_id, up) values ($2, $1, true), ($3, $1, false), ($4, $1, false)`,
      [deviceId, new Date(now.getTime() - 30 * 60_000), new Date(now.getTime() - 20 * 60_000), new Date(now.getTime() - 60_000)]);
    await rule('snmp_device_down', { minutes: 25 });
    // Down since 20 minutes ago: reported once it has been 25.
    const alert = await crossThreshold(new Date(now.getTime() + 4 * 60_000), new Date(now.getTime() + 6 * 60_000));
    expect(alert.summary).toContain('core-sw-1 (192.0.2.10) does not answer SNMP');
    await sql('update snmp_targets set up = true where device_id = $1', [deviceId]);
    await expectResolvedAt(new Date(now.getTime() + 7 * 60_000), alert.id);
  });

  it('backup_failed: a failed backup until one succeeds, and a scheduled backup left past due for the set hours', async () => {
    await rule('backup_failed', { hours: 6 });
    const failed = expectStatus(await w.admin.get('/api/v1/backups'), 200);
    const saved = w.c.ctx.config.backupDir;
    // A folder that can never be made (where a plain recursive mkdir would spin): the backup fails for a reason the alert carries.
    w.c.ctx.config.backupDir = '/proc/steward-backups';
    try {
      expect(expectStatus(await w.admin.post('/api/v1/backups', {}), 500).ok).toBe(false);
    } finally {
      w.c.ctx.config.backupDir = saved;
    }
    expect((await w.evaluate(new Date())).opened).toBe(1);
    const [alert] = await liveAlerts();
    expect(alert!.summary).toContain('manual backup');
    expect(alert!.summary).toContain('/proc/steward-backups');
    expect(expectStatus(await w.admin.post('/api/v1/backups', {}), 201).ok).toBe(true);
    await expectResolvedAt(new Date(), alert!.id);

    const due = new Date(failed.nextDueAt);
    const overdue = await crossThreshold(new Date(due.getTime() + 5.9 * 3_600_000), new Date(due.getTime() + 6.1 * 3_600_000));
    expect(overdue.summary).toContain(`since it was due at ${due.toISOString()}`);
    await sql("update settings set value = to_jsonb($1::text) where key = 'backup.nextDue'", [new Date(due.getTime() + 86_400_000).toISOString()]);
    await expectResolvedAt(new Date(due.getTime() + 6.2 * 3_600_000), overdue.id);
  });

  it('skips a rule whose source tables are missing rather than resolving its alerts', async () => {
    await rule('device_missing');
    const id = randomUUID();
    await sql(`insert into findings (id, key, type, state, summary) values ($1, $2, 'missing', 'open', 'probe skipped')`, [id, `missing:${id}`]);
    expect((await w.evaluate(t0)).opened).toBe(1);
    await sql('alter table findings rename to findings_away');
    try {
      const summary = await w.evaluate(t0);
      expect(summary.skipped).toEqual([{ ruleId, reason: 'waiting for findings' }]);
      expect(await liveAlerts()).toHaveLength(1);
    } finally {
      await sql('alter table findings_away rename to findings');
    }
    await sql(`update findings set state = 'dismissed' where id = $1`, [id]);
  });
});
