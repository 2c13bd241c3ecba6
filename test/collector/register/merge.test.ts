import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import type { TestCollector } from '../../support/collector.js';
import { clientWithRole, expectStatus, startRegister, type RegisterClient } from './register-api.js';

interface LoggedEntry { action: string; object_id: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }

/**
 * Merging duplicate reference records: every row that referred to the duplicate refers to the
 * survivor, the duplicate is gone, both names are in the audit log, and merges that cannot be done
 * are refused with the reason.
 */
describe.each(CONTRACT_BACKENDS)('merging duplicate reference records on %s', (backend) => {
  let c: TestCollector;
  let admin: RegisterClient;
  let categoryId: string;

  beforeAll(async () => {
    ({ c, admin } = await startRegister(backend));
    categoryId = await admin.categoryId('hardware.computers');
  });
  afterAll(async () => c?.stop());

  const make = async (path: string, body: Record<string, unknown>) => expectStatus(await admin.post(path, body), 201).id as string;
  const auditOf = async (id: string) => (await c.ctx.db.query<LoggedEntry>(
    'select action, object_id, before, after from audit_log where object_id = $1 order by id', [id])).rows;

  it('moves assets, people, departments, sub-locations, audit rounds and check-outs of a location, then removes it', async () => {
    const keep = await make('/locations', { name: 'Head office', kind: 'site' });
    const dup = await make('/locations', { name: 'HQ', kind: 'site' });
    const room = await make('/locations', { name: 'Room 1', kind: 'room', parentId: dup });
    const person = await make('/people', { name: 'Ines Marchal', locationId: dup });
    const department = await make('/departments', { name: 'Facilities', locationId: dup });
    const asset = await make('/assets', { name: 'Printer', categoryId, locationId: dup });
    const held = await make('/assets', { name: 'Projector', categoryId });
    expectStatus(await admin.post(`/assets/${held}/checkout`, { target: { type: 'location', id: dup } }), 200);
    const round = expectStatus(await admin.post('/audits', { locationId: dup }), 201).id as string;

    const preview = expectStatus(await admin.get(`/locations/${dup}/merge?intoId=${keep}`), 200);
    expect(preview.refusal).toBeNull();
    expect(preview.from).toEqual({ id: dup, name: 'HQ' });
    const counted = Object.fromEntries(preview.references.map((r: { table: string; column: string; rows: number }) => [`${r.table}.${r.column}`, r.rows]));
    expect(counted).toMatchObject({
      'register_assets.location_id': 2, 'register_locations.parent_id': 1, 'register_people.location_id': 1,
      'register_departments.location_id': 1, 'register_audit_rounds.location_id': 1, 'register_assets.assigned_id': 1,
      'register_assignments.target_id': 1,
    });
    expect(preview.total).toBe(8);

    const merged = expectStatus(await admin.post(`/locations/${dup}/merge`, { intoId: keep }), 200);
    expect(merged).toMatchObject({ kept: { id: keep, name: 'Head office' }, moved: 8 });
    expect((await admin.get(`/locations/${dup}`)).status).toBe(404);
    expect(expectStatus(await admin.get(`/locations/${room}`), 200).parentId).toBe(keep);
    expect(expectStatus(await admin.get(`/people/${person}`), 200).locationId).toBe(keep);
    expect(expectStatus(await admin.get(`/departments/${department}`), 200).locationId).toBe(keep);
    expect(expectStatus(await admin.get(`/assets/${asset}`), 200).locationId).toBe(keep);
    expect(expectStatus(await admin.get(`/assets/${held}`), 200).assignedTo).toEqual({ type: 'location', id: keep, name: 'Head office' });
    expect(expectStatus(await admin.get(`/audits/${round}`), 200).round.locationId).toBe(keep);
    const open = expectStatus(await admin.get(`/assignments?assetId=${held}&open=true`), 200).items;
    expect(open[0].target).toMatchObject({ id: keep });

    const kept = await auditOf(keep);
    expect(kept.at(-1)).toMatchObject({ action: 'register.location.merged', after: { name: 'Head office', mergedFrom: { id: dup, name: 'HQ' } } });
    expect((await auditOf(dup)).at(-1)).toMatchObject({ action: 'register.location.merged_into', before: { name: 'HQ' }, after: { mergedInto: { id: keep, name: 'Head office' }, moved: 8 } });
  });

  it('moves a person\'s check-outs, held assets and the departments they manage', async () => {
    const keep = await make('/people', { name: 'Jonas Berg', email: 'jonas@example.org' });
    const dup = await make('/people', { name: 'J. Berg', email: 'jberg@example.org' });
    const department = await make('/departments', { name: 'Sales', managerId: dup });
    const laptop = await make('/assets', { name: 'Laptop', categoryId });
    expectStatus(await admin.post(`/assets/${laptop}/checkout`, { target: { type: 'person', id: dup } }), 200);
    const merged = expectStatus(await admin.post(`/people/${dup}/merge`, { intoId: keep }), 200);
    expect(merged.moved).toBe(3);
    expect(expectStatus(await admin.get(`/departments/${department}`), 200).managerId).toBe(keep);
    expect(expectStatus(await admin.get(`/assets?assignedPersonId=${keep}`), 200).items.map((a: { id: string }) => a.id)).toEqual([laptop]);
    expect((await admin.get(`/people/${dup}`)).status).toBe(404);
  });

  it('moves models and assets between manufacturers, vendors and models', async () => {
    const maker = await make('/manufacturers', { name: 'Lenovo' });
    const makerDup = await make('/manufacturers', { name: 'Lenovo Inc.' });
    const model = await make('/models', { name: 'T14', categoryId, manufacturerId: makerDup });
    const modelDup = await make('/models', { name: 'ThinkPad T14', categoryId, manufacturerId: maker });
    const vendor = await make('/vendors', { name: 'Bechtle' });
    const vendorDup = await make('/vendors', { name: 'Bechtle AG' });
    const asset = await make('/assets', { name: 'Laptop', categoryId, modelId: modelDup, vendorId: vendorDup });
    const contract = await make('/contracts', { kind: 'support', name: 'Care pack', vendorId: vendorDup, startsOn: '2026-01-01', billingPeriod: 'yearly' });

    expectStatus(await admin.post(`/manufacturers/${makerDup}/merge`, { intoId: maker }), 200);
    expect(expectStatus(await admin.get(`/models/${model}`), 200).manufacturerId).toBe(maker);
    expectStatus(await admin.post(`/models/${modelDup}/merge`, { intoId: model }), 200);
    expect(expectStatus(await admin.get(`/assets/${asset}`), 200).modelId).toBe(model);
    expect(expectStatus(await admin.post(`/vendors/${vendorDup}/merge`, { intoId: vendor }), 200).moved).toBe(2);
    expect(expectStatus(await admin.get(`/assets/${asset}`), 200).vendorId).toBe(vendor);
    expect(expectStatus(await admin.get(`/contracts/${contract}`), 200).vendorId).toBe(vendor);
  });

  it('merges categories, keeping the custom fields of both, and refuses ones whose fields conflict', async () => {
    const keep = await make('/categories', { name: 'Tablets', kind: 'hardware', customFields: [{ key: 'imei', label: 'IMEI', type: 'text' }] });
    const dup = await make('/categories', { name: 'Tablet', kind: 'hardware', customFields: [
      { key: 'imei', label: 'IMEI', type: 'text' }, { key: 'pen', label: 'Pen', type: 'boolean', required: true }] });
    const clash = await make('/categories', { name: 'Slates', kind: 'hardware', customFields: [{ key: 'imei', label: 'IMEI', type: 'number' }] });
    const asset = await make('/assets', { name: 'iPad', categoryId: dup, customFields: { pen: true } });

    const refused = await admin.post(`/categories/${clash}/merge`, { intoId: keep });
    expect([refused.status, refused.body.error]).toEqual([409, 'merge_refused']);
    expect(refused.body.message).toContain('custom field "imei" is text in one and number in the other');
    expect(expectStatus(await admin.get(`/categories/${clash}/merge?intoId=${keep}`), 200).refusal).toContain('"imei"');

    expectStatus(await admin.post(`/categories/${dup}/merge`, { intoId: keep }), 200);
    const category = expectStatus(await admin.get(`/categories/${keep}`), 200);
    expect(category.customFields.map((f: { key: string; required: boolean }) => [f.key, f.required])).toEqual([['imei', false], ['pen', false]]);
    expect(expectStatus(await admin.get(`/assets/${asset}`), 200)).toMatchObject({ categoryId: keep, customFields: { pen: true } });
  });

  it('refuses merging a record into itself or into one beneath it, naming the field', async () => {
    const site = await make('/locations', { name: 'Depot', kind: 'site' });
    const floor = await make('/locations', { name: 'Floor 2', kind: 'floor', parentId: site });
    const self = await admin.post(`/locations/${site}/merge`, { intoId: site });
    expect([self.status, self.body.message]).toEqual([400, 'intoId: a record cannot be merged into itself']);
    const below = await admin.post(`/locations/${site}/merge`, { intoId: floor });
    expect(below.status).toBe(400);
    expect(below.body.message).toBe('intoId: Floor 2 is within Depot: a record cannot be merged into one beneath it');
    const parent = await make('/departments', { name: 'Operations' });
    const child = await make('/departments', { name: 'Logistics', parentId: parent });
    expect((await admin.post(`/departments/${parent}/merge`, { intoId: child })).status).toBe(400);
    expect((await admin.post(`/locations/${site}/merge`, { intoId: 'not-an-id' })).status).toBe(400);
    expect((await admin.post(`/locations/${site}/merge`, { intoId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
    expect(expectStatus(await admin.get(`/locations/${floor}`), 200).parentId).toBe(site);
  });

  it('refuses a merge that would put two sub-locations of one name together, and leaves both records as they were', async () => {
    const keep = await make('/locations', { name: 'Plant A', kind: 'site' });
    const dup = await make('/locations', { name: 'Plant A (old)', kind: 'site' });
    await make('/locations', { name: 'Store', kind: 'room', parentId: keep });
    const store = await make('/locations', { name: 'Store', kind: 'room', parentId: dup });
    const asset = await make('/assets', { name: 'Forklift scanner', categoryId, locationId: dup });
    const answer = await admin.post(`/locations/${dup}/merge`, { intoId: keep });
    expect([answer.status, answer.body.error]).toEqual([409, 'merge_collision']);
    expect(expectStatus(await admin.get(`/locations/${store}`), 200).parentId).toBe(dup);
    expect(expectStatus(await admin.get(`/assets/${asset}`), 200).locationId).toBe(dup);
  });

  it('lets a reader preview but not merge', async () => {
    const a = await make('/vendors', { name: 'Reader vendor A' });
    const b = await make('/vendors', { name: 'Reader vendor B' });
    const reader = await clientWithRole(c, 'auditor');
    expect((await reader.get(`/vendors/${b}/merge?intoId=${a}`)).status).toBe(200);
    expect((await reader.post(`/vendors/${b}/merge`, { intoId: a })).status).toBe(403);
  });
});
