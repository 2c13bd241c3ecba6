import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainView } from '@steward/shared';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { expectStatus, startAlertWorld, type AlertWorld } from '../alerts/support/alert-world.js';

/*
 * Domains read over RDAP from a server the test runs in the registry's place: each answer is a
 * registry's JSON (RFC 9083) with the registration's dates, its registrar as a jCard and its name
 * servers. A registry that answers garbage or not at all leaves the last good data and says why.
 */

const DAY = 86_400_000;

type Behaviour = 'answer' | 'garbage' | 'silent' | 'redirect';

function rdapDomain(name: string, expires: Date) {
  return {
    objectClassName: 'domain', ldhName: name.toUpperCase(), rdapConformance: ['rdap_level_0'],
    status: ['client transfer prohibited'],
    events: [
      { eventAction: 'registration', eventDate: '2015-03-01T09:00:00Z' },
      { eventAction: 'expiration', eventDate: expires.toISOString() },
      { eventAction: 'last update of RDAP database', eventDate: new Date().toISOString() },
    ],
    entities: [
      { objectClassName: 'entity', handle: '1234', roles: ['registrar'], vcardArray: ['vcard', [['version', {}, 'text', '4.0'], ['fn', {}, 'text', 'Example Registrar, Inc.']]] },
      { objectClassName: 'entity', roles: ['abuse'], vcardArray: ['vcard', [['fn', {}, 'text', 'Abuse desk']]] },
    ],
    nameservers: [{ objectClassName: 'nameserver', ldhName: 'NS2.EXAMPLE.NET' }, { objectClassName: 'nameserver', ldhName: 'ns1.example.net.' }],
  };
}

describe.each(CONTRACT_BACKENDS)('domains over RDAP on %s', (backend) => {
  let w: AlertWorld;
  let registry: http.Server;
  const now = new Date();
  const expiries: Record<string, Date> = {
    'shop.test': new Date(now.getTime() + 10 * DAY + 3_600_000),
    'corp.test': new Date(now.getTime() + 40 * DAY + 3_600_000),
    'brand.test': new Date(now.getTime() + 400 * DAY + 3_600_000),
  };
  const behaviour: Record<string, Behaviour> = {};
  const asked: string[] = [];

  beforeAll(async () => {
    registry = http.createServer((request, response) => {
      const name = decodeURIComponent(request.url!.replace(/^.*\/domain\//, ''));
      asked.push(request.url!);
      const how = behaviour[name] ?? 'answer';
      if (how === 'silent') return; // never answers
      if (how === 'garbage') return void response.writeHead(200, { 'content-type': 'application/rdap+json' }).end('{"objectClassName": "entity", "oops":');
      if (how === 'redirect' && !request.url!.startsWith('/registry/')) {
        return void response.writeHead(302, { location: `/registry/domain/${name}` }).end();
      }
      const expires = expiries[name];
      if (!expires) return void response.writeHead(404, { 'content-type': 'application/rdap+json' }).end('{"errorCode":404}');
      response.writeHead(200, { 'content-type': 'application/rdap+json' }).end(JSON.stringify(rdapDomain(name, expires)));
    });
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
    w = await startAlertWorld(backend, { rdapTimeoutSeconds: 0.5 });
    const base = `http://127.0.0.1:${(registry.address() as AddressInfo).port}/`;
    expectStatus(await w.admin.put('/api/v1/domains/rdap-servers', { servers: { test: base } }), 200);
  });
  afterAll(async () => {
    await w?.stop();
    registry?.closeAllConnections();
    await new Promise((resolve) => registry?.close(resolve));
  });

  it('reads registrar, dates, name servers and statuses of each domain added', async () => {
    for (const name of Object.keys(expiries)) {
      const view = expectStatus(await w.admin.post('/api/v1/domains', { name: name.toUpperCase() + '.' }), 201) as DomainView;
      expect(view).toMatchObject({
        name, registrar: 'Example Registrar, Inc.', registeredOn: '2015-03-01T09:00:00.000Z', expiresOn: expiries[name]!.toISOString(),
        nameServers: ['ns1.example.net', 'ns2.example.net'], statuses: ['client transfer prohibited'], lastError: null,
      });
    }
    const list = expectStatus(await w.admin.get('/api/v1/domains'), 200).items as DomainView[];
    expect(list.map((d) => [d.name, d.daysLeft])).toEqual([['shop.test', 10], ['corp.test', 40], ['brand.test', 400]]);
    expect((await w.admin.post('/api/v1/domains', { name: 'shop.test' })).status).toBe(409);
  });

  it('raises expiry alerts at the rule\'s threshold', async () => {
    const rule = expectStatus(await w.admin.post('/api/v1/alerts/rules', { name: 'domains', kind: 'domain_expiring', params: { days: 30 } }), 201).id;
    const open = async () => (expectStatus(await w.admin.get(`/api/v1/alerts?ruleId=${rule}&state=open`), 200).items as Array<{ summary: string }>).map((a) => a.summary.split(' ')[1]).sort();
    await w.evaluate(now);
    expect(await open()).toEqual(['shop.test']);
    // Eleven days on, corp.test is 29 days from lapsing and shop.test has lapsed.
    await w.evaluate(new Date(now.getTime() + 11 * DAY));
    expect(await open()).toEqual(['corp.test', 'shop.test']);
    expectStatus(await w.admin.delete(`/api/v1/alerts/rules/${rule}`), 204);
  });

  it('keeps the last good data when the registry answers garbage or nothing, and says why', async () => {
    behaviour['shop.test'] = 'garbage';
    const garbled = expectStatus(await w.admin.post('/api/v1/domains/shop.test/refresh', {}), 200) as DomainView;
    expect(garbled.expiresOn).toBe(expiries['shop.test']!.toISOString());
    expect(garbled.lastError).toMatch(/not JSON|not an RDAP domain/);
    behaviour['corp.test'] = 'silent';
    const silent = expectStatus(await w.admin.post('/api/v1/domains/corp.test/refresh', {}), 200) as DomainView;
    expect(silent).toMatchObject({ expiresOn: expiries['corp.test']!.toISOString(), registrar: 'Example Registrar, Inc.' });
    expect(silent.lastError).toMatch(/no answer/);
    behaviour['shop.test'] = 'answer';
    behaviour['corp.test'] = 'answer';
    expect((expectStatus(await w.admin.post('/api/v1/domains/shop.test/refresh', {}), 200) as DomainView).lastError).toBeNull();
  });

  it('follows the bootstrap service\'s redirect to the registry', async () => {
    behaviour['brand.test'] = 'redirect';
    asked.length = 0;
    expiries['brand.test'] = new Date(now.getTime() + 500 * DAY);
    const view = expectStatus(await w.admin.post('/api/v1/domains/brand.test/refresh', {}), 200) as DomainView;
    expect(view.expiresOn).toBe(expiries['brand.test']!.toISOString());
    expect(asked).toEqual(['/domain/brand.test', '/registry/domain/brand.test']);
  });

  it('keeps a domain in the register, ending when its registration does', async () => {
    const asset = expectStatus(await w.admin.post('/api/v1/domains/corp.test/register', {}), 201);
    expect(asset).toMatchObject({ name: 'corp.test', expiresOn: expiries['corp.test']!.toISOString().slice(0, 10), customFields: { registrar: 'Example Registrar, Inc.' } });
    expect((expectStatus(await w.admin.get('/api/v1/domains/corp.test'), 200) as DomainView).assetTag).toBe(asset.tag);
  });

  it('lists watched domains the register does not keep as findings', async () => {
    expectStatus(await w.admin.post('/api/v1/reconcile/run?wait=true', {}), 200);
    const open = (expectStatus(await w.admin.get('/api/v1/findings?type=unregistered&state=open&limit=1000'), 200).items as Array<{ subtype: string | null; details: { domain?: string } }>)
      .filter((f) => f.subtype === 'domain').map((f) => f.details.domain).sort();
    expect(open).toEqual(['brand.test', 'shop.test']);
  });

  it('refuses what is not a domain name, naming the field', async () => {
    const bad = await w.admin.post('/api/v1/domains', { name: 'not a domain' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('name');
    expect((await w.admin.get('/api/v1/domains/unknown.test')).status).toBe(404);
  });
});
