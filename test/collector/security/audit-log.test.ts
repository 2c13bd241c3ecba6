import { auditList } from '@steward/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, LOCKOUT_THRESHOLD } from '../../../collector/src/services/auth.js';
import { recordAudit, verifyAuditChain } from '../../../collector/src/services/audit.js';
import { startTestCollector, type TestCollector } from '../../support/collector.js';

let c: TestCollector;

async function loginAs(username: string, password: string) {
  return fetch(`${c.url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
}
async function bearer(username: string, password: string) {
  const response = await loginAs(username, password);
  return { authorization: `Bearer ${((await response.json()) as { token: string }).token}` };
}

beforeAll(async () => {
  c = await startTestCollector();
  await createUser(c.database.db, 'alice.auditor', 'auditor-password-1', 'auditor');
  await createUser(c.database.db, 'harry.helpdesk', 'helpdesk-password-1', 'helpdesk');
  await createUser(c.database.db, 'mallory', 'mallory-password-1', 'itadmin');
});
afterAll(async () => c?.stop());

describe('audit log', () => {
  it('records successful and failed logins, with the source address', async () => {
    await loginAs('harry.helpdesk', 'wrong-password');
    await bearer('harry.helpdesk', 'helpdesk-password-1');
    const { rows } = await c.database.db.query<{ action: string; actor: string; source_ip: string }>(
      "select action, actor, source_ip from audit_log where actor = 'harry.helpdesk' order by id");
    expect(rows.map((r) => r.action)).toEqual(['auth.login.failed', 'auth.login']);
    expect(rows[0]!.source_ip).toBe('127.0.0.1');
  });

  it(`locks an account after ${LOCKOUT_THRESHOLD} failed logins, even against the right password`, async () => {
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) expect((await loginAs('mallory', `guess-${i}`)).status).toBe(401);
    expect((await loginAs('mallory', 'mallory-password-1')).status).toBe(401);
    const { rows } = await c.database.db.query<{ action: string }>("select action from audit_log where actor = 'mallory' order by id desc limit 1");
    expect(rows[0]!.action).toBe('auth.login.locked');
  });

  it('is readable and exportable by an auditor, not by helpdesk', async () => {
    const auditor = await bearer('alice.auditor', 'auditor-password-1');
    const helpdesk = await bearer('harry.helpdesk', 'helpdesk-password-1');
    const list = await fetch(`${c.url}/api/v1/audit?limit=5`, { headers: auditor });
    expect(list.status).toBe(200);
    expect(((await list.json()) as { total: number }).total).toBeGreaterThan(0);
    expect((await fetch(`${c.url}/api/v1/audit`, { headers: helpdesk })).status).toBe(403);
    const verdict = await (await fetch(`${c.url}/api/v1/audit/verify`, { headers: auditor })).json();
    expect(verdict).toMatchObject({ intact: true });
  });

  it('lists newest first, filtered by action prefix, actor and period, with the total of what the filter finds', async () => {
    const auditor = await bearer('alice.auditor', 'auditor-password-1');
    const list = async (query: string) => auditList.parse(await (await fetch(`${c.url}/api/v1/audit?${query}`, { headers: auditor })).json());
    const t = Date.now();
    await c.database.db.transaction(async (tx) => {
      await recordAudit(tx, { actor: 'filter-probe', action: 'probe.first', objectType: 'probe' }, new Date(t - 3_600_000));
      await recordAudit(tx, { actor: 'filter-probe', action: 'probe.second', objectType: 'probe' }, new Date(t - 60_000));
      await recordAudit(tx, { actor: 'filter-probe', action: 'probe_x.literal', objectType: 'probe' }, new Date(t - 30_000));
    });
    const mine = await list('actor=filter-probe');
    expect(mine.items.map((e) => e.action)).toEqual(['probe_x.literal', 'probe.second', 'probe.first']);
    expect(mine.total).toBe(3);
    // The prefix is literal: "probe." does not match "probe_x." through LIKE's wildcard.
    const dotted = await list('action=probe.&order=oldest');
    expect(dotted.items.map((e) => e.action)).toEqual(['probe.first', 'probe.second']);
    expect(dotted.total).toBe(2);
    const lastHalfHour = await list(`actor=filter-probe&from=${new Date(t - 1_800_000).toISOString()}&to=${new Date(t).toISOString()}`);
    expect(lastHalfHour.items.map((e) => e.action)).toEqual(['probe_x.literal', 'probe.second']);
    expect(lastHalfHour.items[0]).toMatchObject({ actor: 'filter-probe', actorRole: null, objectType: 'probe' });
    const bad = await fetch(`${c.url}/api/v1/audit?from=yesterday`, { headers: auditor });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('from');
  });

  it('neutralises spreadsheet formulas in its CSV export', async () => {
    await c.database.db.transaction((tx) => recordAudit(tx, { actor: '=HYPERLINK("http://evil")', action: 'test.formula' }));
    const auditor = await bearer('alice.auditor', 'auditor-password-1');
    const csv = await (await fetch(`${c.url}/api/v1/audit?format=csv&limit=10000`, { headers: auditor })).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('refuses updates and deletes', async () => {
    await expect(c.database.db.query("update audit_log set actor = 'someone-else'")).rejects.toThrow(/append-only/);
    await expect(c.database.db.query('delete from audit_log')).rejects.toThrow(/append-only/);
  });

  it('shows where the chain was tampered with behind the collector’s back', async () => {
    expect((await verifyAuditChain(c.database.db)).intact).toBe(true);
    const { rows } = await c.database.db.query<{ id: number }>('select id from audit_log order by id limit 1 offset 2');
    const target = rows[0]!.id;
    await c.database.db.exec('alter table audit_log disable trigger audit_log_append_only');
    await c.database.db.query("update audit_log set actor = 'forged' where id = $1", [target]);
    await c.database.db.exec('alter table audit_log enable trigger audit_log_append_only');
    const verdict = await verifyAuditChain(c.database.db);
    expect(verdict.intact).toBe(false);
    expect(verdict.brokenAt?.id).toBe(target);
  });
});
