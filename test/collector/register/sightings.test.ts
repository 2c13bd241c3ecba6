import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import type { TestCollector } from '../../support/collector.js';
import { expectStatus, startRegister, type RegisterClient } from './register-api.js';

/** The phone's position at a scan or a check-out: stored, validated, and the asset's last-seen place. */
describe.each(CONTRACT_BACKENDS)('where assets were seen on %s', (backend) => {
  let c: TestCollector;
  let admin: RegisterClient;
  let categoryId: string;
  let site: string;

  beforeAll(async () => {
    ({ c, admin } = await startRegister(backend));
    categoryId = await admin.categoryId('hardware.computers');
    site = expectStatus(await admin.post('/locations', { name: 'Warehouse', kind: 'site' }), 201).id;
  });
  afterAll(async () => c?.stop());

  const at = '2026-12-07T10:15:00.000Z';

  it('keeps the position of an audit scan and of a check-out, newest first, and in the history', async () => {
    const asset = expectStatus(await admin.post('/assets', { name: 'Pallet scanner', categoryId, locationId: site }), 201);
    const round = expectStatus(await admin.post('/audits', { locationId: site }), 201).id;
    expectStatus(await admin.post(`/audits/${round}/scans`, { tag: asset.tag, position: { latitude: 48.8566, longitude: 2.3522, accuracy: 12.5, at } }), 200);
    const person = expectStatus(await admin.post('/people', { name: 'Omar Haddad' }), 201).id;
    const later = '2026-12-07T11:00:00.000Z';
    expectStatus(await admin.post(`/assets/${asset.id}/checkout`, { target: { type: 'person', id: person }, position: { latitude: -33.8688, longitude: 151.2093, at: later } }), 200);

    const seen = expectStatus(await admin.get(`/assets/${asset.id}/sightings`), 200).items;
    expect(seen).toEqual([
      expect.objectContaining({ latitude: -33.8688, longitude: 151.2093, accuracy: null, at: later, source: 'checkout', recordedBy: 'admin' }),
      expect.objectContaining({ latitude: 48.8566, longitude: 2.3522, accuracy: 12.5, at, source: 'audit_scan' }),
    ]);
    const history = expectStatus(await admin.get(`/assets/${asset.id}/history?order=asc`), 200).items;
    expect(history.filter((h: { action: string }) => h.action === 'seen').map((h: { after: { source: string } }) => h.after.source)).toEqual(['audit_scan', 'checkout']);
  });

  it('scans without a position as before', async () => {
    const asset = expectStatus(await admin.post('/assets', { name: 'Label printer', categoryId, locationId: site }), 201);
    const round = expectStatus(await admin.post('/audits', { locationId: site }), 201).id;
    expect(expectStatus(await admin.post(`/audits/${round}/scans`, { tag: asset.tag }), 200).verdict).toBe('expected');
    expect(expectStatus(await admin.get(`/assets/${asset.id}/sightings`), 200).items).toEqual([]);
  });

  it.each([
    [{ latitude: 91, longitude: 0, at }, 'position.latitude'],
    [{ latitude: -90.5, longitude: 0, at }, 'position.latitude'],
    [{ latitude: 0, longitude: 180.01, at }, 'position.longitude'],
    [{ latitude: 0, longitude: -181, at }, 'position.longitude'],
    [{ latitude: 0, longitude: 0, accuracy: -1, at }, 'position.accuracy'],
    [{ latitude: 0, longitude: 0, at: 'yesterday' }, 'position.at'],
    [{ latitude: '48.1', longitude: 0, at }, 'position.latitude'],
  ])('refuses %j naming %s, storing nothing', async (position, field) => {
    const asset = expectStatus(await admin.post('/assets', { name: 'Bad position', categoryId, locationId: site }), 201);
    const round = expectStatus(await admin.post('/audits', { locationId: site }), 201).id;
    const scan = await admin.post(`/audits/${round}/scans`, { tag: asset.tag, position });
    expect(scan.status).toBe(400);
    expect(JSON.stringify(scan.body)).toContain(field);
    const person = expectStatus(await admin.post('/people', { name: `Holder ${field}` }), 201).id;
    const out = await admin.post(`/assets/${asset.id}/checkout`, { target: { type: 'person', id: person }, position });
    expect(out.status).toBe(400);
    expect(JSON.stringify(out.body)).toContain(field);
    expect(expectStatus(await admin.get(`/assets/${asset.id}`), 200).assignedTo).toBeNull();
    expect(expectStatus(await admin.get(`/assets/${asset.id}/sightings`), 200).items).toEqual([]);
    expect(expectStatus(await admin.get(`/audits/${round}`), 200).round.scans).toBe(0);
  });
});
