import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LiveEvent } from '@steward/shared';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import type { TestCollector } from '../../support/collector.js';
import { clientWithRole, expectStatus, startRegister, type RegisterClient } from './register-api.js';

const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.each(CONTRACT_BACKENDS)('check-out and check-in on %s', (backend) => {
  let c: TestCollector;
  let admin: RegisterClient;
  let categoryId: string;
  let alice: string;
  let bob: string;
  let room: string;

  beforeAll(async () => {
    ({ c, admin } = await startRegister(backend));
    categoryId = await admin.categoryId('hardware.computers');
    alice = expectStatus(await admin.post('/people', { name: 'Alice Moreau', email: 'alice@example.org' }), 201).id;
    bob = expectStatus(await admin.post('/people', { name: 'Bob Lindqvist', email: 'bob@example.org' }), 201).id;
    const site = expectStatus(await admin.post('/locations', { name: 'Head office', kind: 'site' }), 201).id;
    room = expectStatus(await admin.post('/locations', { name: 'Room 2.14', kind: 'room', parentId: site }), 201).id;
  });
  afterAll(async () => c?.stop());

  const newLaptop = async (name = 'ThinkPad T14') => expectStatus(await admin.post('/assets', { name, categoryId }), 201).id as string;

  it('hands an asset to a person, who then holds it; a second check-out is refused', async () => {
    const id = await newLaptop();
    const out = expectStatus(await admin.post(`/assets/${id}/checkout`, { target: { type: 'person', id: alice }, expectedReturn: dayOffset(30) }), 200);
    expect(out.status).toBe('deployed');
    expect(out.assignedTo).toEqual({ type: 'person', id: alice, name: 'Alice Moreau' });
    expect(out.expectedReturn).toBe(dayOffset(30));

    const again = await admin.post(`/assets/${id}/checkout`, { target: { type: 'person', id: bob } });
    expect([again.status, again.body.error]).toEqual([409, 'already_checked_out']);
    expect(again.body.message).toContain('Alice Moreau');

    const held = expectStatus(await admin.get(`/assets?assignedPersonId=${alice}`), 200);
    expect(held.items.map((a: { id: string }) => a.id)).toContain(id);
    const transitions = expectStatus(await admin.get(`/assets/${id}/transitions`), 200).items;
    expect(transitions.at(-1)).toMatchObject({ fromStatus: 'in_stock', toStatus: 'deployed', reason: 'checked out' });
  });

  it('lists what is overdue and drops it once checked in', async () => {
    const late = await newLaptop('Late laptop');
    const onTime = await newLaptop('On-time laptop');
    expectStatus(await admin.post(`/assets/${late}/checkout`, { target: { type: 'person', id: bob }, expectedReturn: dayOffset(-3) }), 200);
    expectStatus(await admin.post(`/assets/${onTime}/checkout`, { target: { type: 'person', id: bob }, expectedReturn: dayOffset(3) }), 200);

    const overdue = expectStatus(await admin.get('/assignments?overdue=true&limit=1000'), 200);
    const overdueAssets = overdue.items.map((a: { assetId: string }) => a.assetId);
    expect(overdueAssets).toContain(late);
    expect(overdueAssets).not.toContain(onTime);
    expect(overdue.items.find((a: { assetId: string }) => a.assetId === late)).toMatchObject({ overdue: true, target: { name: 'Bob Lindqvist' } });

    const back = expectStatus(await admin.post(`/assets/${late}/checkin`, { note: 'returned with charger', locationId: room }), 200);
    expect(back).toMatchObject({ status: 'in_stock', assignedTo: null, expectedReturn: null, locationId: room });
    const after = expectStatus(await admin.get('/assignments?overdue=true&limit=1000'), 200);
    expect(after.items.map((a: { assetId: string }) => a.assetId)).not.toContain(late);
  });

  it('answers who had an asset when, and what a person holds now', async () => {
    const id = await newLaptop('Shared laptop');
    expectStatus(await admin.post(`/assets/${id}/checkout`, { target: { type: 'person', id: alice } }), 200);
    expectStatus(await admin.post(`/assets/${id}/checkin`, {}), 200);
    expectStatus(await admin.post(`/assets/${id}/checkout`, { target: { type: 'person', id: bob } }), 200);

    const log = expectStatus(await admin.get(`/assignments?assetId=${id}&sort=checkedOutAt`), 200);
    expect(log.items.map((a: { target: { name: string } }) => a.target.name)).toEqual(['Alice Moreau', 'Bob Lindqvist']);
    const [first, second] = log.items;
    expect(first.checkedInAt).not.toBeNull();
    expect(second.checkedInAt).toBeNull();

    const duringAlice = new Date(Date.parse(first.checkedInAt) - 1).toISOString();
    const atThen = expectStatus(await admin.get(`/assignments?assetId=${id}&at=${encodeURIComponent(duringAlice)}`), 200);
    expect(atThen.items.map((a: { target: { name: string } }) => a.target.name)).toEqual(['Alice Moreau']);

    const bobHolds = expectStatus(await admin.get(`/assignments?personId=${bob}&open=true&limit=1000`), 200);
    expect(bobHolds.items.map((a: { assetId: string }) => a.assetId)).toContain(id);
    const aliceHolds = expectStatus(await admin.get(`/assignments?personId=${alice}&open=true&limit=1000`), 200);
    expect(aliceHolds.items.map((a: { assetId: string }) => a.assetId)).not.toContain(id);
  });

  it('checks out to a location (moving the asset there) and to another asset, refusing loops', async () => {
    const dock = await newLaptop('Dock');
    const laptop = await newLaptop('Laptop with dock');
    const toRoom = expectStatus(await admin.post(`/assets/${laptop}/checkout`, { target: { type: 'location', id: room } }), 200);
    expect(toRoom.locationId).toBe(room);
    expectStatus(await admin.post(`/assets/${dock}/checkout`, { target: { type: 'asset', id: laptop } }), 200);
    expectStatus(await admin.post(`/assets/${laptop}/checkin`, {}), 200);
    const loop = await admin.post(`/assets/${laptop}/checkout`, { target: { type: 'asset', id: dock } });
    expect([loop.status, loop.body.error]).toEqual([400, 'would_loop']);
    const self = await admin.post(`/assets/${laptop}/checkout`, { target: { type: 'asset', id: laptop } });
    expect([self.status, self.body.error]).toEqual([400, 'would_loop']);
  });

  it('refuses items that are not available and people who left', async () => {
    const broken = await newLaptop('Broken laptop');
    expectStatus(await admin.post(`/assets/${broken}/transitions`, { to: 'in_repair', reason: 'hinge' }), 200);
    const refused = await admin.post(`/assets/${broken}/checkout`, { target: { type: 'person', id: alice } });
    expect([refused.status, refused.body.error]).toEqual([409, 'not_available']);

    const leaver = expectStatus(await admin.post('/people', { name: 'Carol Left', active: false }), 201).id;
    const id = await newLaptop();
    const toLeaver = await admin.post(`/assets/${id}/checkout`, { target: { type: 'person', id: leaver } });
    expect([toLeaver.status, toLeaver.body.error]).toEqual([400, 'unknown_target']);
    const notOut = await admin.post(`/assets/${id}/checkin`, {});
    expect([notOut.status, notOut.body.error]).toEqual([409, 'not_checked_out']);
  });

  it('closes the open assignment when a checked-out asset is reported stolen', async () => {
    const id = await newLaptop('Stolen laptop');
    expectStatus(await admin.post(`/assets/${id}/checkout`, { target: { type: 'person', id: alice } }), 200);
    const stolen = expectStatus(await admin.post(`/assets/${id}/transitions`, { to: 'stolen', reason: 'car break-in, police ref 4471' }), 200);
    expect(stolen.assignedTo).toBeNull();
    const log = expectStatus(await admin.get(`/assignments?assetId=${id}`), 200);
    expect(log.items[0].checkedInAt).not.toBeNull();
    expect(log.items[0].note).toContain('stolen');
  });

  it('announces each change to live dashboards', async () => {
    const seen: LiveEvent[] = [];
    const unsubscribe = c.ctx.live.subscribe((event) => seen.push(event));
    const id = await newLaptop('Announced laptop');
    expectStatus(await admin.post(`/assets/${id}/checkout`, { target: { type: 'person', id: alice } }), 200);
    await vi.waitFor(() => {
      const actions = seen.filter((e) => e.type === 'register.changed' && e.objectId === id).map((e) => (e as { action: string }).action);
      expect(actions).toEqual(['created', 'checked_out']);
    });
    unsubscribe();
  });

  it('lets the helpdesk check out and in but not edit, and the auditor only read', async () => {
    const helpdesk = await clientWithRole(c, 'helpdesk');
    const auditor = await clientWithRole(c, 'auditor');
    const id = await newLaptop('Helpdesk laptop');

    expectStatus(await helpdesk.post(`/assets/${id}/checkout`, { target: { type: 'person', id: alice } }), 200);
    expectStatus(await helpdesk.post(`/assets/${id}/checkin`, {}), 200);
    expect((await helpdesk.patch(`/assets/${id}`, { name: 'renamed' })).status).toBe(403);
    expect((await helpdesk.post('/assets', { name: 'new', categoryId })).status).toBe(403);
    expect((await helpdesk.post(`/assets/${id}/transitions`, { to: 'retired', reason: 'x' })).status).toBe(403);
    expect((await helpdesk.post('/people', { name: 'Someone' })).status).toBe(403);

    expect((await auditor.get(`/assets/${id}`)).status).toBe(200);
    expect((await auditor.get('/assignments')).status).toBe(200);
    expect((await auditor.post(`/assets/${id}/checkout`, { target: { type: 'person', id: alice } })).status).toBe(403);
    expect((await auditor.patch(`/assets/${id}`, { name: 'renamed' })).status).toBe(403);
    expect((await auditor.delete(`/people/${alice}`)).status).toBe(403);
    expect((await admin.get(`/assets/${id}`)).body.name).toBe('Helpdesk laptop');
  });
});
