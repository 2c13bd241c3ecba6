import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metrics } from '../../../collector/src/alerts/metrics.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { enrolTestAgent } from '../../support/collector.js';
import { makeReport } from '../../support/reports.js';
import { addDays, ApiClient, clientWithRole, expectStatus, isoDay, startAlertWorld, type AlertWorld } from './support/alert-world.js';
import { startZammadStub, type ItsmStub } from './support/itsm-stubs.js';

describe.each(CONTRACT_BACKENDS)('helpdesk lookup and metrics on %s', (backend) => {
  let w: AlertWorld;
  let zammad: ItsmStub;
  let lookupToken: string;
  let assetId: string;
  let deviceId: string;
  const warranty = isoDay(addDays(new Date(), 20));

  beforeAll(async () => {
    w = await startAlertWorld(backend);
    zammad = await startZammadStub();
    const agent = await enrolTestAgent(w.c.url, 'ws-lookup');
    const report = await fetch(`${w.c.url}/api/v1/agents/report`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${agent.token}` },
      body: JSON.stringify(makeReport(agent.agentId, { identity: { hostname: 'ws-lookup', serialNumber: 'SER-LOOKUP-1', macAddresses: ['3c:52:82:aa:bb:01'] } } as never)),
    });
    expect(report.status).toBeLessThan(300);
    deviceId = (await w.c.ctx.db.query<{ id: string }>(`select id from devices where hostname = 'ws-lookup'`)).rows[0]!.id;
    const categoryId = await w.categoryId('hardware.computers');
    const person = expectStatus(await w.admin.post('/api/v1/register/people', { name: 'Ola Nordmann', email: 'ola@example.org', username: 'onordmann' }), 201);
    assetId = expectStatus(await w.admin.post('/api/v1/register/assets', {
      tag: 'LAP-9001', name: 'Lookup laptop', categoryId, serial: 'SER-LOOKUP-1', status: 'in_stock', warrantyExpires: warranty, deviceId,
    }), 201).id;
    expectStatus(await w.admin.post(`/api/v1/register/assets/${assetId}/checkout`, { target: { type: 'person', id: person.id } }), 200);
    const desk = expectStatus(await w.admin.post('/api/v1/integrations', { name: 'Zammad', ...zammad.integration }), 201);
    expectStatus(await w.admin.post('/api/v1/alerts/rules', { name: 'warranty', kind: 'warranty_expiring', params: { days: 30 }, routing: { integrationIds: [desk.id] } }), 201);
    await w.evaluate(new Date());
    await w.drain();
    lookupToken = expectStatus(await w.admin.post('/api/v1/service-tokens', { name: 'Zammad lookup', scopes: ['lookup'] }), 201).token;
  });
  afterAll(async () => {
    await w?.stop();
    await zammad?.close();
  });

  it.each([['tag', 'lap-9001'], ['serial', 'SER-LOOKUP-1'], ['hostname', 'WS-LOOKUP'], ['user', 'onordmann'], ['user', 'ola@example.org']])(
    'finds the asset by %s=%s with its holder, warranty and open ticket', async (key, value) => {
      const helpdesk = new ApiClient(w.c.url, { authorization: `Bearer ${lookupToken}` });
      const { items } = expectStatus(await helpdesk.get(`/api/v1/lookup/assets?${key}=${encodeURIComponent(value)}`), 200);
      expect(items).toHaveLength(1);
      const found = items[0];
      expect(found).toMatchObject({ id: assetId, tag: 'LAP-9001', status: 'deployed', hostname: 'ws-lookup', category: expect.any(String) });
      expect(found.assignedTo).toMatchObject({ type: 'person', name: 'Ola Nordmann' });
      expect(found.assignments).toHaveLength(1);
      expect(found.warranty).toEqual({ expires: warranty, active: true, daysLeft: 20 });
      expect(found.openTickets).toEqual([expect.objectContaining({ system: 'zammad', externalKey: [...zammad.tickets.values()][0]!.key })]);
      expect(found.openAlerts).toEqual([expect.objectContaining({ kind: 'warranty_expiring' })]);
    });

  it('answers an empty list for nothing found, and 400 for no or two keys', async () => {
    const helpdesk = new ApiClient(w.c.url, { authorization: `Bearer ${lookupToken}` });
    expect(expectStatus(await helpdesk.get('/api/v1/lookup/assets?tag=NOPE-1'), 200).items).toEqual([]);
    expectStatus(await helpdesk.get('/api/v1/lookup/assets'), 400);
    expectStatus(await helpdesk.get('/api/v1/lookup/assets?tag=a&serial=b'), 400);
  });

  it('takes a lookup token only for the lookup, and refuses revoked and made-up tokens', async () => {
    const helpdesk = new ApiClient(w.c.url, { authorization: `Bearer ${lookupToken}` });
    expectStatus(await helpdesk.get('/metrics'), 403);
    expectStatus(await helpdesk.get('/api/v1/alerts'), 401);
    const other = expectStatus(await w.admin.post('/api/v1/service-tokens', { name: 'short-lived', scopes: ['lookup'] }), 201);
    const otherClient = new ApiClient(w.c.url, { authorization: `Bearer ${other.token}` });
    expectStatus(await otherClient.get('/api/v1/lookup/assets?tag=LAP-9001'), 200);
    expectStatus(await w.admin.delete(`/api/v1/service-tokens/${other.id}`), 204);
    expectStatus(await otherClient.get('/api/v1/lookup/assets?tag=LAP-9001'), 401);
    expectStatus(await new ApiClient(w.c.url, { authorization: 'Bearer sst_made-up' }).get('/api/v1/lookup/assets?tag=LAP-9001'), 401);
    const listed = expectStatus(await w.admin.get('/api/v1/service-tokens'), 200);
    expect(JSON.stringify(listed)).not.toContain(lookupToken);
    const helpdeskUser = await clientWithRole(w, 'helpdesk');
    expectStatus(await helpdeskUser.get('/api/v1/lookup/assets?tag=LAP-9001'), 200);
    expectStatus(await helpdeskUser.get('/api/v1/service-tokens'), 403);
    expectStatus(await helpdeskUser.post('/api/v1/alerts/rules', { name: 'not mine', kind: 'device_missing' }), 403);
  });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = expectStatus(await w.admin.get('/docs/json'), 200);
    for (const route of ['/api/v1/lookup/assets', '/api/v1/alerts/rules', '/api/v1/integrations', '/api/v1/reports/{kind}', '/api/v1/report-schedules']) {
      expect(Object.keys(doc.paths)).toContain(route);
    }
    expect(doc.paths['/api/v1/lookup/assets'].get.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['hostname', 'serial', 'tag', 'user']);
  });

  it('exposes Prometheus metrics to a metrics token, with figures others feed and figures read on scrape', async () => {
    const scraper = expectStatus(await w.admin.post('/api/v1/service-tokens', { name: 'prometheus', scopes: ['metrics'] }), 201);
    const before = (await metrics.reportsIngested.get()).values.find((v) => v.labels.outcome === 'applied')?.value ?? 0;
    metrics.reportsIngested.inc({ outcome: 'applied' });
    metrics.pollDuration.observe({ kind: 'snmp-interfaces' }, 0.12);
    const answer = await new ApiClient(w.c.url, { authorization: `Bearer ${scraper.token}` }).get('/metrics');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/plain');
    const text = String(answer.body);
    const value = (name: string) => Number(new RegExp(`^${name.replace(/[{}"]/g, (c) => `\\${c}`)} (\\S+)$`, 'm').exec(text)?.[1]);
    expect(value('steward_reports_ingested_total{outcome="applied"}')).toBe(before + 1);
    expect(value('steward_agents_connected')).toBe(w.c.ctx.agents.count);
    expect(value('steward_alerts_open{severity="info"}')).toBe(1);
    expect(value('steward_queue_depth{queue="deliveries"}')).toBe(0);
    expect(text).toMatch(/^steward_poll_duration_seconds_count\{kind="snmp-interfaces"\} [1-9]/m);
    expect(text).toMatch(/^steward_process_cpu_user_seconds_total /m);
    expectStatus(await new ApiClient(w.c.url, {}).get('/metrics'), 401);
  });
});
