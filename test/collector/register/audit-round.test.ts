import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import type { TestCollector } from '../../support/collector.js';
import { clientWithRole, expectStatus, startRegister, type RegisterClient } from './register-api.js';

describe.each(CONTRACT_BACKENDS)('physical audit round on %s', (backend) => {
  let c: TestCollector;
  let admin: RegisterClient;
  const at: Record<string, string> = {};
  const tags: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ({ c, admin } = await startRegister(backend));
    const categoryId = await admin.categoryId('hardware.computers');
    const location = async (name: string, parentId?: string) => expectStatus(await admin.post('/locations', { name, parentId }), 201).id as string;
    at.site = await location('North site');
    at.building = await location('Building B', at.site);
    at.room1 = await location('Room 1', at.building);
    at.room2 = await location('Room 2', at.building);
    at.elsewhere = await location('South site');
    const place: Array<[string, string | undefined, string?]> = [
      ['a1', at.room1], ['a2', at.room1], ['a3', at.room2], ['a4', at.elsewhere], ['a5', undefined], ['a6', at.room2, 'retired'],
    ];
    for (const [key, locationId, status] of place) {
      const asset = expectStatus(await admin.post('/assets', { name: `audit ${key}`, categoryId, locationId, status }), 201);
      tags[key] = asset.tag;
      ids[key] = asset.id;
    }
  });
  afterAll(async () => c?.stop());

  it('judges each scan, lists the three differences, updates last-audited and can move what was misplaced', async () => {
    const round = expectStatus(await admin.post('/audits', { locationId: at.building, note: 'Q3 count' }), 201);
    expect(round).toMatchObject({ locationName: 'North site / Building B', includeSublocations: true, startedBy: 'admin', closedAt: null });
    const scan = async (tag: string, locationId?: string) => admin.post(`/audits/${round.id}/scans`, { tag, locationId });

    expect(expectStatus(await scan(tags.a1!, at.room1), 200).verdict).toBe('expected');
    expect(expectStatus(await scan(tags.a3!.toLowerCase(), at.room1), 200).verdict).toBe('wrong_place');
    expect(expectStatus(await scan(tags.a4!, at.room2), 200).verdict).toBe('not_expected');
    expect(expectStatus(await scan(tags.a5!), 200).verdict).toBe('not_expected');
    expect(expectStatus(await scan('NOPE-0001', at.room2), 200).verdict).toBe('unknown');
    const outside = await scan(tags.a2!, at.elsewhere);
    expect([outside.status, outside.body.error]).toEqual([400, 'outside_round']);

    const result = expectStatus(await admin.get(`/audits/${round.id}`), 200);
    expect(result.round.scans).toBe(5);
    // a2 is in Room 1 on record and was not scanned; a6 is retired, so nobody expects to find it.
    expect(result.expectedNotFound.map((a: { tag: string }) => a.tag)).toEqual([tags.a2]);
    expect(result.foundNotExpected.map((a: { tag: string }) => a.tag).sort()).toEqual([tags.a4, tags.a5].sort());
    expect(result.foundNotExpected.find((a: { tag: string }) => a.tag === tags.a4)).toMatchObject({ recordedLocation: 'South site', scannedLocation: 'North site / Building B / Room 2' });
    expect(result.foundWrongPlace).toEqual([expect.objectContaining({
      tag: tags.a3, recordedLocation: 'North site / Building B / Room 2', scannedLocation: 'North site / Building B / Room 1',
    })]);
    expect(result.unknownTags).toEqual(['NOPE-0001']);

    const audited = async (key: string) => expectStatus(await admin.get(`/assets/${ids[key]}`), 200).lastAuditedAt;
    expect(await audited('a1')).not.toBeNull();
    expect(await audited('a3')).not.toBeNull();
    expect(await audited('a2')).toBeNull();

    const closed = expectStatus(await admin.post(`/audits/${round.id}/close`, { relocateFound: true }), 200);
    expect(closed.round.closedBy).toBe('admin');
    expect(expectStatus(await admin.get(`/assets/${ids.a3}`), 200).locationId).toBe(at.room1);
    expect(expectStatus(await admin.get(`/assets/${ids.a4}`), 200).locationId).toBe(at.room2);
    expect(expectStatus(await admin.get(`/assets/${ids.a2}`), 200).locationId).toBe(at.room1);
    const late = await scan(tags.a2!, at.room1);
    expect([late.status, late.body.error]).toEqual([409, 'audit_closed']);
  });

  it('audits one room alone when asked not to include what is beneath', async () => {
    const round = expectStatus(await admin.post('/audits', { locationId: at.building, includeSublocations: false }), 201);
    const result = expectStatus(await admin.get(`/audits/${round.id}`), 200);
    // Only what is recorded in the building itself: a5, moved there by the previous round.
    expect(result.expectedNotFound.map((a: { tag: string }) => a.tag)).toEqual([tags.a5]);
    const inRoom = await admin.post(`/audits/${round.id}/scans`, { tag: tags.a1, locationId: at.room1 });
    expect(inRoom.status).toBe(400);
  });

  it('lets the auditor read rounds but not scan', async () => {
    const auditor = await clientWithRole(c, 'auditor');
    const round = expectStatus(await admin.post('/audits', { locationId: at.site }), 201);
    expect((await auditor.get(`/audits/${round.id}`)).status).toBe(200);
    expect((await auditor.post(`/audits/${round.id}/scans`, { tag: tags.a1 })).status).toBe(403);
    expect((await auditor.post('/audits', { locationId: at.site })).status).toBe(403);
  });
});
