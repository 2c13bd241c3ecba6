import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressRefusal, hostRefusal, outboundPolicy } from '../../../collector/src/alerts/outbound/address-policy.js';
import { OutboundRefused, outboundRequest } from '../../../collector/src/alerts/outbound/outbound-request.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { addDays, clientWithRole, expectStatus, isoDay, startAlertWorld, type AlertWorld } from './support/alert-world.js';
import { startZammadStub, type ItsmStub } from './support/itsm-stubs.js';
import { startHttpStub, type HttpStub } from './support/http-stub.js';

describe('outbound address policy', () => {
  const strict = outboundPolicy();

  it.each([
    '169.254.169.254', '169.254.0.1', '169.254.255.255', 'fe80::1', 'fe80::1%eth0', 'febf::ffff', '::ffff:169.254.169.254',
    'fd00:ec2::254', '100.100.100.200', '168.63.129.16', '192.0.0.192',
  ])('refuses %s', (address) => {
    expect(addressRefusal(strict, address)).toMatch(/link-local|cloud metadata/);
  });

  it.each(['127.0.0.1', '::1', '10.1.2.3', '192.168.1.20', '169.253.255.255', '169.255.0.1', 'fec0::1', '203.0.113.9'])('lets %s through', (address) => {
    expect(addressRefusal(strict, address)).toBeNull();
  });

  it('refuses metadata host names before resolving them', () => {
    expect(hostRefusal(strict, 'metadata.google.internal')).toMatch(/cloud metadata/);
    expect(hostRefusal(strict, 'METADATA.google.internal.')).toMatch(/cloud metadata/);
    expect(hostRefusal(strict, '[fe80::1]')).toMatch(/link-local/);
    expect(hostRefusal(strict, 'helpdesk.example.org')).toBeNull();
  });

  it('lifts a refusal only for what the configuration allows', () => {
    const allowing = outboundPolicy(['169.254.10.0/24', 'metadata.google.internal', 'fd00:ec2::254']);
    expect(addressRefusal(allowing, '169.254.10.7')).toBeNull();
    expect(addressRefusal(allowing, '169.254.11.7')).toMatch(/link-local/);
    expect(hostRefusal(allowing, 'metadata.google.internal')).toBeNull();
    expect(addressRefusal(allowing, 'fd00:ec2::254')).toBeNull();
    expect(addressRefusal(allowing, 'fe80::2')).toMatch(/link-local/);
  });

  it('never opens a connection to a refused address', async () => {
    for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://[fe80::1]:8080/', 'https://metadata.google.internal/computeMetadata/v1/']) {
      await expect(outboundRequest(strict, { method: 'GET', url, timeoutMs: 200 })).rejects.toBeInstanceOf(OutboundRefused);
    }
  });

  it('reaches a permitted name through the guarded resolver', async () => {
    const stub = await startHttpStub(() => ({ status: 200, body: { ok: true } }));
    try {
      const port = new URL(stub.url).port;
      const answer = await outboundRequest(strict, { method: 'GET', url: `http://localhost:${port}/ping` });
      expect(answer.status).toBe(200);
      expect(stub.requests.map((r) => r.path)).toEqual(['/ping']);
    } finally {
      await stub.close();
    }
  });
});

describe.each(CONTRACT_BACKENDS)('a webhook to a link-local address on %s', (backend) => {
  let w: AlertWorld;
  let hook: HttpStub;

  beforeAll(async () => {
    w = await startAlertWorld(backend);
    hook = await startHttpStub(() => ({ status: 204 }));
  });
  afterAll(async () => {
    await w?.stop();
    await hook?.close();
  });

  it('fails at once without retrying, while the other webhook of the rule is delivered', async () => {
    const bad = expectStatus(await w.admin.post('/api/v1/alerts/webhooks', { name: 'metadata', url: 'http://169.254.169.254/latest/meta-data/', secret: 'secret-secret-secret' }), 201);
    const good = expectStatus(await w.admin.post('/api/v1/alerts/webhooks', { name: 'good', url: hook.url, secret: 'secret-secret-secret' }), 201);
    const categoryId = await w.categoryId('hardware.computers');
    expectStatus(await w.admin.post('/api/v1/register/assets', { name: 'probe', categoryId, warrantyExpires: isoDay(addDays(new Date(), 2)) }), 201);
    expectStatus(await w.admin.post('/api/v1/alerts/rules', { name: 'to both', kind: 'warranty_expiring', routing: { webhookIds: [bad.id, good.id] } }), 201);
    expect((await w.evaluate(new Date())).opened).toBe(1);
    await w.drain();
    const log = expectStatus(await w.admin.get('/api/v1/alerts/deliveries?channel=webhook'), 200).items;
    const toBad = log.find((d: { targetId: string }) => d.targetId === bad.id);
    const toGood = log.find((d: { targetId: string }) => d.targetId === good.id);
    expect(toBad).toMatchObject({ state: 'failed', attempts: 1 });
    expect(toBad.lastError).toContain('link-local');
    expect(toGood).toMatchObject({ state: 'delivered', attempts: 1 });
    expect(hook.requests).toHaveLength(1);
  });
});

describe('outbound restricted to public addresses', () => {
  const publicOnly = outboundPolicy([], true);

  it.each([
    '127.0.0.1', '127.8.9.10', '0.0.0.0', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.20', '100.64.0.1',
    '::1', '::', 'fc00::1', 'fd12:3456::1', 'fec0::1', '::ffff:10.0.0.1', '::ffff:127.0.0.1', '2002:7f00:1::1', '64:ff9b::a00:1',
  ])('refuses %s', (address) => {
    expect(addressRefusal(publicOnly, address)).toMatch(/not a public address/);
  });

  it.each(['8.8.8.8', '93.184.216.34', '172.32.0.1', '2606:4700:4700::1111'])('lets the public address %s through', (address) => {
    expect(addressRefusal(publicOnly, address)).toBeNull();
  });

  it('still refuses link-local and metadata addresses, and lifts a refusal only for what the configuration allows', () => {
    expect(addressRefusal(publicOnly, '169.254.169.254')).toMatch(/link-local/);
    const allowing = outboundPolicy(['10.20.0.0/16', 'helpdesk.internal'], true);
    expect(addressRefusal(allowing, '10.20.3.4')).toBeNull();
    expect(addressRefusal(allowing, '10.21.3.4')).toMatch(/not a public address/);
    expect(hostRefusal(allowing, 'helpdesk.internal')).toBeNull();
  });

  it('checks every address a name resolves to and never connects to a refused one', async () => {
    const stub = await startHttpStub(() => ({ status: 200 }));
    try {
      const port = new URL(stub.url).port;
      await expect(outboundRequest(publicOnly, { method: 'GET', url: `http://localhost:${port}/ping`, timeoutMs: 500 })).rejects.toBeInstanceOf(OutboundRefused);
      await expect(outboundRequest(publicOnly, { method: 'GET', url: `http://127.0.0.1:${port}/ping`, timeoutMs: 500 })).rejects.toBeInstanceOf(OutboundRefused);
      expect(stub.requests).toHaveLength(0);
    } finally {
      await stub.close();
    }
  });

  it('does not follow a redirect from an allowed receiver to a refused one', async () => {
    const inner = await startHttpStub(() => ({ status: 200 }));
    const outer = await startHttpStub(() => ({ status: 302, headers: { location: `${inner.url}/secret` } }));
    try {
      const answer = await outboundRequest(outboundPolicy([new URL(outer.url).hostname]), { method: 'GET', url: `${outer.url}/start` });
      expect(answer.status).toBe(302);
      expect(inner.requests).toHaveLength(0);
    } finally {
      await inner.close();
      await outer.close();
    }
  });
});

describe.each(CONTRACT_BACKENDS)('the outbound setting on %s', (backend) => {
  let w: AlertWorld;
  let hook: HttpStub;
  let desk: ItsmStub;

  beforeAll(async () => {
    w = await startAlertWorld(backend);
    hook = await startHttpStub(() => ({ status: 204 }));
    desk = await startZammadStub();
  });
  afterAll(async () => {
    await w?.stop();
    await hook?.close();
    await desk?.close();
  });

  it('allows private receivers by default; once an administrator restricts it, a webhook and a helpdesk on 127.0.0.1 are refused', async () => {
    expect(new URL(hook.url).hostname).toBe('127.0.0.1');
    expect(expectStatus(await w.admin.get('/api/v1/settings/outbound'), 200)).toEqual({ publicOnly: false });
    const webhook = expectStatus(await w.admin.post('/api/v1/alerts/webhooks', { name: 'local', url: hook.url, secret: 'secret-secret-secret' }), 201);
    expect(expectStatus(await w.admin.post(`/api/v1/alerts/webhooks/${webhook.id}/test`, {}), 200)).toEqual({ sent: true, detail: 'HTTP 204' });

    const auditor = await clientWithRole(w, 'auditor');
    expectStatus(await auditor.put('/api/v1/settings/outbound', { publicOnly: true }), 403);
    expect(expectStatus(await w.admin.put('/api/v1/settings/outbound', { publicOnly: 'yes' }), 400).message).toContain('publicOnly');
    expectStatus(await w.admin.put('/api/v1/settings/outbound', { publicOnly: true }), 200);
    const { rows } = await w.c.ctx.db.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'outbound.settings'");
    expect(rows[0]!.n).toBe(1);

    const refused = expectStatus(await w.admin.post(`/api/v1/alerts/webhooks/${webhook.id}/test`, {}), 200);
    expect(refused.sent).toBe(false);
    expect(refused.detail).toMatch(/127\.0\.0\.1 is not a public address \(loopback\)/);
    expect(hook.requests).toHaveLength(1);

    const integration = expectStatus(await w.admin.post('/api/v1/integrations', { name: 'local desk', ...desk.integration }), 201);
    const categoryId = await w.categoryId('hardware.computers');
    expectStatus(await w.admin.post('/api/v1/register/assets', { name: 'outbound probe', categoryId, warrantyExpires: isoDay(addDays(new Date(), 2)) }), 201);
    expectStatus(await w.admin.post('/api/v1/alerts/rules', { name: 'to the desk', kind: 'warranty_expiring', routing: { integrationIds: [integration.id] } }), 201);
    expect((await w.evaluate(new Date())).opened).toBe(1);
    await w.drain();
    const deliveries = expectStatus(await w.admin.get('/api/v1/alerts/deliveries'), 200).items;
    const toDesk = deliveries.find((d: { targetId: string }) => d.targetId === integration.id);
    expect(toDesk).toMatchObject({ state: 'failed', attempts: 1 });
    expect(toDesk.lastError).toMatch(/not a public address/);
    expect(desk.requests).toHaveLength(0);

    expectStatus(await w.admin.put('/api/v1/settings/outbound', { publicOnly: false }), 200);
    expect(expectStatus(await w.admin.post(`/api/v1/alerts/webhooks/${webhook.id}/test`, {}), 200).sent).toBe(true);
  });
});
