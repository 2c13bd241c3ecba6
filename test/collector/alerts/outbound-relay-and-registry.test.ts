import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainView } from '@steward/shared';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { expectStatus, startAlertWorld, type AlertWorld } from './support/alert-world.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';

/*
 * The administrator's "public addresses only" setting covers every way out of the collector, not
 * only webhooks and helpdesks: the SMTP relay and the domain registries asked over RDAP too. A real
 * SMTP server and an RDAP server on 127.0.0.1 stand in for the third parties.
 */

const DAY = 86_400_000;

describe.each(CONTRACT_BACKENDS)('the outbound setting covers the SMTP relay and RDAP on %s', (backend) => {
  let w: AlertWorld;
  let smtp: SmtpSink;
  let registry: http.Server;
  const registryAsked: string[] = [];
  const expires = new Date(Date.now() + 30 * DAY + 3_600_000);

  const restrict = async (publicOnly: boolean) => expectStatus(await w.admin.put('/api/v1/settings/outbound', { publicOnly }), 200);

  beforeAll(async () => {
    smtp = await startSmtpSink();
    registry = http.createServer((request, response) => {
      registryAsked.push(request.url!);
      const name = decodeURIComponent(request.url!.replace(/^.*\/domain\//, ''));
      response.writeHead(200, { 'content-type': 'application/rdap+json' }).end(JSON.stringify({
        objectClassName: 'domain', ldhName: name, events: [{ eventAction: 'expiration', eventDate: expires.toISOString() }],
      }));
    });
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
    w = await startAlertWorld(backend, { rdapTimeoutSeconds: 2 });
    expectStatus(await w.admin.put('/api/v1/alerts/settings', {
      smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', from: 'steward@example.org' },
    }), 200);
    const base = `http://127.0.0.1:${(registry.address() as AddressInfo).port}/`;
    expectStatus(await w.admin.put('/api/v1/domains/rdap-servers', { servers: { test: base } }), 200);
  });
  afterAll(async () => {
    await w?.stop();
    await smtp?.close();
    registry?.closeAllConnections();
    await new Promise((resolve) => registry?.close(resolve));
  });

  it('refuses an SMTP relay on a loopback address while restricted, with the reason, and sends through it once lifted', async () => {
    await restrict(true);
    const refused = expectStatus(await w.admin.post('/api/v1/alerts/settings/test-email', { to: 'check@example.org' }), 200);
    expect(refused.sent).toBe(false);
    expect(refused.detail).toMatch(/^SMTP relay 127\.0\.0\.1 is not a public address \(loopback\)/);
    expect(refused.detail).toContain('outbound setting');
    // The refusal comes before any connection: the relay saw nothing.
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.mails).toHaveLength(0);

    await restrict(false);
    const sent = expectStatus(await w.admin.post('/api/v1/alerts/settings/test-email', { to: 'check@example.org' }), 200);
    expect(sent.sent).toBe(true);
    const mails = await smtp.waitFor(1);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: ['check@example.org'], subject: 'Steward test message' });
  });

  it('refuses an RDAP registry on a loopback address while restricted, keeps the reason on the domain, and reads it once lifted', async () => {
    await restrict(true);
    const refused = expectStatus(await w.admin.post('/api/v1/domains', { name: 'outbound.test' }), 201) as DomainView;
    expect(refused.expiresOn).toBeNull();
    expect(refused.lastError).toMatch(/127\.0\.0\.1 is not a public address \(loopback\).*outbound setting/);
    expect(registryAsked).toHaveLength(0);

    await restrict(false);
    const read = expectStatus(await w.admin.post('/api/v1/domains/outbound.test/refresh', {}), 200) as DomainView;
    expect(read.lastError).toBeNull();
    expect(read.expiresOn).toBe(expires.toISOString());
    expect(registryAsked).toEqual(['/domain/outbound.test']);

    // Restricted again, a refresh fails with the reason and keeps the last good data.
    await restrict(true);
    const kept = expectStatus(await w.admin.post('/api/v1/domains/outbound.test/refresh', {}), 200) as DomainView;
    expect(kept.expiresOn).toBe(expires.toISOString());
    expect(kept.lastError).toMatch(/not a public address/);
    expect(registryAsked).toHaveLength(1);
  });
});
