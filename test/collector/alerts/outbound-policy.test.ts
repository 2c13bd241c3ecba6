import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressRefusal, hostRefusal, outboundPolicy } from '../../../collector/src/alerts/outbound/address-policy.js';
import { OutboundRefused, outboundRequest } from '../../../collector/src/alerts/outbound/outbound-request.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { addDays, expectStatus, isoDay, startAlertWorld, type AlertWorld } from './support/alert-world.js';
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
