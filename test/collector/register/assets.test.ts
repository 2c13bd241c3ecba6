import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import type { TestCollector } from '../../support/collector.js';
import { clientWithRole, expectStatus, startRegister, type RegisterClient } from './register-api.js';

describe.each(CONTRACT_BACKENDS)('assets and reference records on %s', (backend) => {
  let c: TestCollector;
  let admin: RegisterClient;
  let computers: string;
  let certificates: string;

  beforeAll(async () => {
    ({ c, admin } = await startRegister(backend));
    computers = await admin.categoryId('hardware.computers');
    certificates = await admin.categoryId('networking.certificates');
  });
  afterAll(async () => c?.stop());

  it('ships the default categories once, nested, with their rules', async () => {
    const { items, total } = expectStatus(await admin.get('/categories?limit=1000'), 200);
    const byKey = new Map(items.map((cat: { key: string }) => [cat.key, cat]));
    for (const key of ['hardware.computers', 'hardware.servers', 'hardware.network', 'hardware.storage', 'hardware.mobile', 'hardware.peripherals',
      'hardware.printers', 'software', 'digital.documents', 'digital.media', 'digital.source_code', 'digital.websites', 'cloud.services', 'cloud.vms',
      'cloud.storage', 'networking.domains', 'networking.certificates', 'networking.ip_addresses', 'licences', 'agreements', 'telecom.voip',
      'telecom.pbx', 'telecom.mobile_contracts']) {
      expect(byKey.has(key), key).toBe(true);
    }
    expect(byKey.get('networking.domains')).toMatchObject({ path: 'Networking assets / Domain names', kind: 'networking', tracksExpiry: true, missingAfterDays: 14 });
    expect(byKey.get('hardware.computers')).toMatchObject({ depreciation: { method: 'straight_line', usefulLifeMonths: 36 } });
    // A second start of the register does not bring deleted or renamed defaults back.
    expectStatus(await admin.patch(`/categories/${byKey.get('digital.media')!.id}`, { name: 'Media files' }), 200);
    await c.app.close();
    const { seedDefaultCategories } = await import('../../../collector/src/services/register/default-categories.js');
    expect(await seedDefaultCategories(c.database.db)).toBe(0);
    ({ c, admin } = await startRegisterOn(c));
    expect(expectStatus(await admin.get('/categories?limit=1000'), 200).total).toBe(total);
  });

  it('numbers tags from the pattern, concurrently without duplicates, skipping hand-entered ones', async () => {
    expectStatus(await admin.post('/assets', { tag: 'STW-000031', name: 'Hand tagged', categoryId: computers }), 201);
    const created = await Promise.all(Array.from({ length: 40 }, (_, i) => admin.post('/assets', { name: `Parallel ${i}`, categoryId: computers })));
    const tags = created.map((a) => expectStatus(a, 201).tag as string);
    expect(new Set(tags).size).toBe(40);
    expect(tags.every((t) => /^STW-\d{6}$/.test(t))).toBe(true);
    expect(tags).not.toContain('STW-000031');

    const duplicate = await admin.post('/assets', { tag: 'stw-000031', name: 'Same tag other case', categoryId: computers });
    expect([duplicate.status, duplicate.body.error]).toEqual([409, 'duplicate']);

    expectStatus(await admin.put('/settings', { tagPattern: 'LAP-{yyyy}-{seq:4}' }), 200);
    const year = new Date().getUTCFullYear();
    const first = expectStatus(await admin.post('/assets', { name: 'Patterned', categoryId: computers }), 201);
    const second = expectStatus(await admin.post('/assets', { name: 'Patterned 2', categoryId: computers }), 201);
    expect([first.tag, second.tag]).toEqual([`LAP-${year}-0001`, `LAP-${year}-0002`]);
    expect((await admin.put('/settings', { tagPattern: 'NO-NUMBER' })).status).toBe(400);
    expectStatus(await admin.put('/settings', { tagPattern: 'STW-{seq:6}' }), 200);
  });

  it('validates custom fields of the category on every write', async () => {
    const missing = await admin.post('/assets', { name: 'www cert', categoryId: certificates, customFields: { issuer: 'Let\'s Encrypt' } });
    expect([missing.status, missing.body.error]).toEqual([400, 'invalid_custom_fields']);
    expect(missing.body.issues).toEqual(['customFields.common_name: is required (Common name)']);

    const wrong = await admin.post('/assets', {
      name: 'www cert', categoryId: certificates, customFields: { common_name: 'www.example.org', key_type: 'DSA', colour: 'red' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.issues.sort()).toEqual([
      'customFields.colour: is not a field of this category',
      'customFields.key_type: must be one of: RSA, ECDSA, Ed25519',
    ]);

    const cert = expectStatus(await admin.post('/assets', {
      name: 'www cert', categoryId: certificates, expiresOn: '2026-03-01', customFields: { common_name: 'www.example.org', key_type: 'ecdsa' },
    }), 201);
    expect(cert.customFields).toEqual({ common_name: 'www.example.org', key_type: 'ECDSA' });

    const laptop = expectStatus(await admin.post('/assets', { name: 'Typed laptop', categoryId: computers, customFields: { ram_gb: '16', encrypted: 'yes' } }), 201);
    expect(laptop.customFields).toEqual({ ram_gb: 16, encrypted: true });
    const renamed = expectStatus(await admin.patch(`/assets/${laptop.id}`, { name: 'Typed laptop (renamed)' }), 200);
    expect(renamed.customFields).toEqual({ ram_gb: 16, encrypted: true });
    const moved = await admin.patch(`/assets/${laptop.id}`, { categoryId: certificates });
    expect(moved.status).toBe(400);
    expect(moved.body.issues).toContain('customFields.common_name: is required (Common name)');

    const expiring = expectStatus(await admin.get('/assets?expiresBefore=2026-06-30'), 200);
    expect(expiring.items.map((a: { id: string }) => a.id)).toContain(cert.id);
  });

  it('keeps every change in the history with before and after', async () => {
    const asset = expectStatus(await admin.post('/assets', { name: 'History laptop', categoryId: computers, serial: 'H-1' }), 201);
    expectStatus(await admin.patch(`/assets/${asset.id}`, { serial: 'H-2', notes: 'serial misread' }), 200);
    const history = expectStatus(await admin.get(`/assets/${asset.id}/history?order=asc`), 200);
    expect(history.items.map((h: { action: string }) => h.action)).toEqual(['created', 'updated']);
    expect(history.items[1]).toMatchObject({ by: 'admin', before: { serial: 'H-1', notes: null }, after: { serial: 'H-2', notes: 'serial misread' } });
    const vendor = expectStatus(await admin.post('/vendors', { name: 'History Supplies' }), 201);
    expectStatus(await admin.patch(`/vendors/${vendor.id}`, { email: 'sales@history.example' }), 200);
    const vendorHistory = expectStatus(await admin.get(`/history?objectType=vendor&objectId=${vendor.id}&order=asc`), 200);
    expect(vendorHistory.items.map((h: { action: string }) => h.action)).toEqual(['created', 'updated']);
  });

  it('searches, filters by nested category and location, sorts and pages', async () => {
    const site = expectStatus(await admin.post('/locations', { name: 'Lyon', kind: 'site' }), 201).id;
    const floor = expectStatus(await admin.post('/locations', { name: 'Floor 3', kind: 'floor', parentId: site }), 201).id;
    const room = expectStatus(await admin.post('/locations', { name: 'Room 301', kind: 'room', parentId: floor }), 201);
    expect(room.path).toBe('Lyon / Floor 3 / Room 301');
    const names = ['Zeta scanner', 'Alpha scanner', 'Mid scanner'];
    for (const [i, name] of names.entries()) {
      expectStatus(await admin.post('/assets', { name, categoryId: computers, locationId: i === 0 ? room.id : floor, serial: `SCN-77${i}` }), 201);
    }
    const hardware = await admin.categoryId('hardware');
    const page = expectStatus(await admin.get(`/assets?locationId=${site}&categoryId=${hardware}&sort=name&order=desc&limit=2`), 200);
    expect(page.total).toBe(3);
    expect(page.items.map((a: { name: string }) => a.name)).toEqual(['Zeta scanner', 'Mid scanner']);
    const next = expectStatus(await admin.get(`/assets?locationId=${site}&categoryId=${hardware}&sort=name&order=desc&limit=2&offset=2`), 200);
    expect(next.items.map((a: { name: string }) => a.name)).toEqual(['Alpha scanner']);

    // Serials were given in the order the names are listed: SCN-771 is the second, Alpha.
    const search = expectStatus(await admin.get('/assets?search=scn-771'), 200);
    expect(search.items.map((a: { name: string }) => a.name)).toEqual(['Alpha scanner']);
    const wildcard = expectStatus(await admin.get('/assets?search=%25'), 200);
    expect(wildcard.total).toBe(0);
    const people = expectStatus(await admin.get('/locations?search=room 30'), 200);
    expect(people.items.map((l: { id: string }) => l.id)).toEqual([room.id]);
    const bad = await admin.get('/assets?sort=colour');
    expect(bad.status).toBe(400);
    expect(bad.body.issues.join()).toMatch(/sort/);
  });

  it('searches, sorts and pages every list', async () => {
    const lists = ['assets', 'categories', 'models', 'manufacturers', 'vendors', 'people', 'departments', 'locations', 'contracts',
      'assignments', 'maintenance/schedules', 'maintenance/work-orders', 'audits', 'history'];
    for (const list of lists) {
      const answer = await admin.get(`/${list}?search=${encodeURIComponent('no such thing 50%')}&limit=5&order=desc`);
      expect([list, answer.status]).toEqual([list, 200]);
      expect([list, answer.body.total]).toEqual([list, 0]);
      expect(answer.body.limit).toBe(5);
    }
    const found = expectStatus(await admin.get('/categories?search=certif'), 200);
    expect(found.items.map((cat: { key: string }) => cat.key)).toEqual(['networking.certificates']);
  });

  it('refuses loops in nested locations and deleting what is in use', async () => {
    const a = expectStatus(await admin.post('/locations', { name: 'Loop A' }), 201).id;
    const b = expectStatus(await admin.post('/locations', { name: 'Loop B', parentId: a }), 201).id;
    const loop = await admin.patch(`/locations/${a}`, { parentId: b });
    expect([loop.status, loop.body.error]).toEqual([400, 'invalid_parent']);
    expect((await admin.delete(`/locations/${a}`)).status).toBe(409);
    expect((await admin.delete(`/categories/${computers}`)).status).toBe(409);
    expect((await admin.delete(`/locations/${b}`)).status).toBe(204);
    const unknown = await admin.post('/models', { name: 'Ghost', categoryId: '00000000-0000-4000-8000-000000000000' });
    expect([unknown.status, unknown.body.error]).toEqual([400, 'unknown_reference']);
    expect(unknown.body.issues).toEqual(['categoryId: refers to a record that does not exist']);
    const twice = await admin.post('/vendors', { name: 'history supplies' });
    expect([twice.status, twice.body.error]).toEqual([409, 'duplicate']);
  });

  it('keeps contracts with the assets they cover', async () => {
    const vendor = expectStatus(await admin.post('/vendors', { name: 'Care Services' }), 201).id;
    const a1 = expectStatus(await admin.post('/assets', { name: 'Covered 1', categoryId: computers }), 201).id;
    const a2 = expectStatus(await admin.post('/assets', { name: 'Covered 2', categoryId: computers }), 201).id;
    const contract = expectStatus(await admin.post('/contracts', {
      kind: 'support', name: 'NBD on-site', vendorId: vendor, startsOn: '2025-01-01', endsOn: '2027-12-31', cost: 1200, currency: 'EUR',
      autoRenew: true, noticeDays: 60, renewalTerms: 'renews yearly unless cancelled 60 days before', assetIds: [a1, a2],
    }), 201);
    expect(contract).toMatchObject({ vendorName: 'Care Services', autoRenew: true, noticeDays: 60 });
    expect([...contract.assetIds].sort()).toEqual([a1, a2].sort());
    const forAsset = expectStatus(await admin.get(`/contracts?assetId=${a2}`), 200);
    expect(forAsset.items.map((x: { id: string }) => x.id)).toEqual([contract.id]);
    const trimmed = expectStatus(await admin.patch(`/contracts/${contract.id}`, { assetIds: [a1] }), 200);
    expect(trimmed.assetIds).toEqual([a1]);
    const ending = expectStatus(await admin.get('/contracts?endsBefore=2028-01-01&sort=endsOn'), 200);
    expect(ending.items.map((x: { id: string }) => x.id)).toContain(contract.id);
  });

  it('lets helpdesk and auditor read but not change reference records', async () => {
    for (const role of ['helpdesk', 'auditor'] as const) {
      const user = await clientWithRole(c, role);
      expect((await user.get('/vendors')).status).toBe(200);
      expect((await user.post('/vendors', { name: `${role} vendor` })).status).toBe(403);
      expect((await user.put('/settings', { tagPattern: 'X-{seq}' })).status).toBe(403);
      expect((await user.call('POST', '/import', 'Name,Category\nx,software\n')).status).toBe(403);
    }
  });
});

/** A collector started again on the same database, as after a restart. */
async function startRegisterOn(previous: TestCollector): Promise<{ c: TestCollector; admin: RegisterClient }> {
  const { startCollector } = await import('../../../collector/src/collector.js');
  const { loadCollectorConfig } = await import('../../../collector/src/config.js');
  const pino = (await import('pino')).default;
  const { TEST_ADMIN_PASSWORD, TEST_ENROLL_SECRET } = await import('../../support/collector.js');
  const config = loadCollectorConfig({}, { port: 0, host: '127.0.0.1', adminPassword: TEST_ADMIN_PASSWORD, enrollSecret: TEST_ENROLL_SECRET, logLevel: 'silent' });
  const running = await startCollector(config, { db: previous.database.db, log: pino({ level: 'silent' }) });
  const c: TestCollector = {
    ...running, database: previous.database,
    adminAuth: async () => {
      const response = await fetch(`${running.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: TEST_ADMIN_PASSWORD }) });
      return { authorization: `Bearer ${((await response.json()) as { token: string }).token}` };
    },
    stop: async () => { await running.close(); await previous.database.drop(); },
  };
  const { RegisterClient: Client } = await import('./register-api.js');
  return { c, admin: new Client(c.url, await c.adminAuth()) };
}
