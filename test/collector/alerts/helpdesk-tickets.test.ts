import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSettledFindingTickets } from '../../../collector/src/integrations/ticket-service.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { addDays, expectStatus, isoDay, startAlertWorld, type AlertWorld } from './support/alert-world.js';
import { startGlpiStub, startJiraStub, startServiceNowStub, startZammadStub, type ItsmStub } from './support/itsm-stubs.js';

const STUBS = { servicenow: startServiceNowStub, jira: () => startJiraStub('issue'), 'jira-request': () => startJiraStub('request'), glpi: startGlpiStub, zammad: startZammadStub };
const SECRET_FIELDS: Record<string, string[]> = { servicenow: ['password'], jira: ['apiToken'], 'jira-request': ['apiToken'], glpi: ['appToken', 'userToken'], zammad: ['token'] };

describe.each(CONTRACT_BACKENDS)('helpdesk tickets on %s', (backend) => {
  let w: AlertWorld;
  const stubs: Record<string, ItsmStub> = {};
  let categoryId: string;

  beforeAll(async () => {
    w = await startAlertWorld(backend);
    for (const [kind, start] of Object.entries(STUBS)) stubs[kind] = await start();
    categoryId = await w.categoryId('hardware.servers');
  });
  afterAll(async () => {
    await w?.stop();
    await Promise.all(Object.values(stubs).map((s) => s.close()));
  });

  describe.each(Object.keys(STUBS))('%s', (kind) => {
    let integrationId: string;
    let ruleId: string;
    let assetId: string;
    let alertId: string;
    const stub = () => stubs[kind]!;

    it('stores the connector with its secrets sealed and never answers them', async () => {
      const created = expectStatus(await w.admin.post('/api/v1/integrations', { name: `${kind} desk`, ...stub().integration }), 201);
      integrationId = created.id;
      expect(created.secretsSet).toEqual([...SECRET_FIELDS[kind]!].sort());
      const answers = JSON.stringify([created, expectStatus(await w.admin.get(`/api/v1/integrations/${integrationId}`), 200), expectStatus(await w.admin.get('/api/v1/integrations'), 200)]);
      for (const field of SECRET_FIELDS[kind]!) expect(answers).not.toContain(String(stub().integration[field]));
      const { rows } = await w.c.ctx.db.query<{ sealed_secrets: Record<string, string> }>('select sealed_secrets from alert_integrations where id = $1', [integrationId]);
      for (const field of SECRET_FIELDS[kind]!) expect(rows[0]!.sealed_secrets[field]).toMatch(/^sealed:v1:/);
    });

    it('opens one ticket when the alert opens', async () => {
      assetId = expectStatus(await w.admin.post('/api/v1/register/assets', {
        name: `${kind} host`, categoryId, status: 'deployed', warrantyExpires: isoDay(addDays(new Date(), 10)),
      }), 201).id;
      ruleId = expectStatus(await w.admin.post('/api/v1/alerts/rules', {
        name: `warranty to ${kind}`, kind: 'warranty_expiring', params: { days: 30 }, severity: 'warning', routing: { integrationIds: [integrationId] },
      }), 201).id;
      expect((await w.evaluate(new Date())).opened).toBe(1);
      expect((await w.evaluate(addDays(new Date(), 0.1))).opened).toBe(0);
      await w.drain();
      expect(stub().problems).toEqual([]);
      const tickets = [...stub().tickets.values()];
      expect(tickets).toHaveLength(1);
      expect(tickets[0]!.title).toContain(`${kind} host`);
      expect(tickets[0]!.state).toBe('open');
      const alert = expectStatus(await w.admin.get(`/api/v1/alerts?ruleId=${ruleId}`), 200).items[0];
      alertId = alert.id;
      expect(tickets[0]!.description).toContain(alert.id);
      expect(alert.tickets).toEqual([expect.objectContaining({ integrationId, kind: stub().integration.kind, state: 'open', externalKey: tickets[0]!.key })]);
    });

    it('adds a note when the alert changes', async () => {
      const rule = expectStatus(await w.admin.get(`/api/v1/alerts/rules/${ruleId}`), 200);
      expectStatus(await w.admin.put(`/api/v1/alerts/rules/${ruleId}`, { name: rule.name, kind: rule.kind, params: rule.params, routing: rule.routing, severity: 'critical' }), 200);
      expect((await w.evaluate(new Date())).updated).toBe(1);
      await w.drain();
      expect(stub().problems).toEqual([]);
      const [ticket] = [...stub().tickets.values()];
      expect(ticket!.comments.some((c) => c.includes('Changed:'))).toBe(true);
    });

    it('closes the ticket when the alert resolves itself', async () => {
      expectStatus(await w.admin.patch(`/api/v1/register/assets/${assetId}`, { warrantyExpires: isoDay(addDays(new Date(), 400)) }), 200);
      expect((await w.evaluate(new Date())).resolved).toBe(1);
      await w.drain();
      expect(stub().problems).toEqual([]);
      const [ticket] = [...stub().tickets.values()];
      expect(ticket!.state).toBe('closed');
      if (kind === 'servicenow') expect(ticket!.closeFields).toMatchObject({ state: '6', close_code: 'Solution provided' });
      if (kind === 'glpi') expect(ticket!.closeFields).toMatchObject({ status: 5 });
      if (kind === 'jira') expect(ticket!.closeFields).toMatchObject({ transition: 'Done' });
      if (kind === 'jira-request') expect(ticket!.closeFields).toMatchObject({ transition: 'Resolve this issue' });
      const alert = expectStatus(await w.admin.get(`/api/v1/alerts/${alertId}`), 200);
      expect(alert.tickets[0].state).toBe('closed');
    });

    it('opens a ticket for a reconciliation finding and closes it once the finding is settled', async () => {
      const findingId = randomUUID();
      await w.c.ctx.db.query(
        `insert into findings (id, key, type, state, asset_id, summary, details) values ($1, $2, 'missing', 'open', $3, $4, '{}')`,
        [findingId, `missing:${findingId}`, assetId, `${kind} host has not been seen for 30 days`],
      );
      const ticket = expectStatus(await w.admin.post(`/api/v1/integrations/${integrationId}/tickets`, { findingId }), 202);
      expect(ticket.state).toBe('opening');
      expectStatus(await w.admin.post(`/api/v1/integrations/${integrationId}/tickets`, { findingId }), 409);
      await w.drain();
      const opened = [...stub().tickets.values()].at(-1)!;
      expect(opened.title).toContain('has not been seen for 30 days');
      expect(opened.state).toBe('open');
      await w.c.ctx.db.query(`update findings set state = 'resolved', resolved_at = now() where id = $1`, [findingId]);
      expect(await closeSettledFindingTickets(w.deps)).toBe(1);
      expect(await closeSettledFindingTickets(w.deps)).toBe(0);
      await w.drain();
      expect(opened.state).toBe('closed');
      expect(stub().problems).toEqual([]);
      expectStatus(await w.admin.delete(`/api/v1/alerts/rules/${ruleId}`), 204);
    });
  });

  it('refuses a helpdesk without its secrets, and a wrong secret fails the delivery with the answer logged', async () => {
    const { password: _p, ...withoutPassword } = stubs.servicenow!.integration;
    expectStatus(await w.admin.post('/api/v1/integrations', { name: 'no password', ...withoutPassword }), 400);
    const wrong = expectStatus(await w.admin.post('/api/v1/integrations', { name: 'wrong password', ...stubs.servicenow!.integration, password: 'not-it' }), 201);
    const asset = expectStatus(await w.admin.post('/api/v1/register/assets', { name: 'wrong-password host', categoryId, status: 'deployed', warrantyExpires: isoDay(addDays(new Date(), 3)) }), 201);
    const rule = expectStatus(await w.admin.post('/api/v1/alerts/rules', { name: 'to wrong desk', kind: 'warranty_expiring', routing: { integrationIds: [wrong.id] } }), 201);
    expect((await w.evaluate(new Date())).opened).toBe(1);
    await w.drain();
    const log = expectStatus(await w.admin.get('/api/v1/alerts/deliveries?channel=ticket&state=failed'), 200);
    expect(log.items[0]).toMatchObject({ responseStatus: 401, attempts: w.deps.retry.maxAttempts });
    const alert = expectStatus(await w.admin.get(`/api/v1/alerts?ruleId=${rule.id}`), 200).items[0];
    expect(alert.tickets[0].state).toBe('failed');
    expect(alert.subjectId).toBe(asset.id);
  });
});
