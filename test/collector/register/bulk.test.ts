import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import type { TestCollector } from '../../support/collector.js';
import { clientWithRole, expectStatus, startRegister, type RegisterClient } from './register-api.js';

describe.each(CONTRACT_BACKENDS)('bulk changes to assets on %s', (backend) => {
  let c: TestCollector;
  let admin: RegisterClient;
  let computers: string;
  let certificates: string;
  let dana: string;
  let shelf: string;

  beforeAll(async () => {
    ({ c, admin } = await startRegister(backend));
    computers = await admin.categoryId('hardware.computers');
    certificates = await admin.categoryId('networking.certificates');
    dana = expectStatus(await admin.post('/people', { name: 'Dana Whitfield' }), 201).id;
    shelf = expectStatus(await admin.post('/locations', { name: 'Shelf B', kind: 'room' }), 201).id;
  });
  afterAll(async () => c?.stop());

  const newAssets = async (count: number, body: Record<string, unknown> = {}) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push(expectStatus(await admin.post('/assets', { name: `Bulk laptop ${i}`, categoryId: computers, ...body }), 201).id);
    return ids;
  };
  const statuses = async (ids: string[]) => {
    const { items } = expectStatus(await admin.get(`/assets?ids=${ids.join(',')}&limit=100`), 200);
    return ids.map((id) => (items as Array<{ id: string; status: string }>).find((a) => a.id === id)?.status);
  };
  const auditEntries = async (action: string) =>
    (await c.ctx.db.query<{ after: { rows: Record<string, Record<string, string[]>>; change: string } }>(
      'select after from audit_log where action = $1 order by id', [action])).rows;

  it('moves every asset named through the lifecycle in one change, each with its transition and history, audited once', async () => {
    const ids = await newAssets(5);
    const before = (await auditEntries('register.asset.bulk')).length;
    const answer = expectStatus(await admin.post('/assets/bulk', { ids, action: { type: 'status', to: 'in_repair', reason: 'screens flicker' } }), 200);
    expect(answer).toEqual({ changed: 5 });
    expect(await statuses(ids)).toEqual(Array(5).fill('in_repair'));
    const transitions = expectStatus(await admin.get(`/assets/${ids[2]}/transitions`), 200).items;
    expect(transitions.at(-1)).toMatchObject({ fromStatus: 'in_stock', toStatus: 'in_repair', reason: 'screens flicker', by: 'admin' });
    const history = expectStatus(await admin.get(`/assets/${ids[2]}/history`), 200).items;
    expect(history[0]).toMatchObject({ action: 'status:in_repair', before: { status: 'in_stock' }, after: { status: 'in_repair' } });
    const audits = await auditEntries('register.asset.bulk');
    expect(audits).toHaveLength(before + 1);
    expect(audits.at(-1)!.after.rows['status:in_repair']!.asset!.sort()).toEqual([...ids].sort());
  });

  it('refuses the whole change when any asset may not take it, naming each refused asset and why, and stores nothing', async () => {
    const movable = await newAssets(3);
    const [final] = await newAssets(1, { status: 'retired', name: 'Old laptop' });
    const tag = expectStatus(await admin.get(`/assets/${final}`), 200).tag as string;
    const answer = await admin.post('/assets/bulk', { ids: [...movable, final!], action: { type: 'status', to: 'deployed', reason: 'handed out' } });
    expect([answer.status, answer.body.error]).toEqual([422, 'bulk_refused']);
    expect(answer.body.issues).toEqual([`${tag} (${final}): cannot go from retired to deployed; allowed: in_stock, disposed, lost, stolen`]);
    expect(await statuses(movable)).toEqual(['in_stock', 'in_stock', 'in_stock']);
    const history = expectStatus(await admin.get(`/assets/${movable[0]}/history`), 200).items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['created']);

    const unknown = randomUUID();
    const missing = await admin.post('/assets/bulk', { ids: [movable[0], unknown], action: { type: 'status', to: 'in_repair', reason: 'x' } });
    expect([missing.status, missing.body.issues]).toEqual([422, [`${unknown}: no such asset`]]);
  });

  it('sets a field on many and merges custom fields, checking them against each asset\'s category', async () => {
    const ids = await newAssets(3);
    expectStatus(await admin.post('/assets/bulk', { ids, action: { type: 'set', values: { locationId: shelf, customFields: { ram_gb: 32 } } } }), 200);
    const one = expectStatus(await admin.get(`/assets/${ids[1]}`), 200);
    expect(one).toMatchObject({ locationId: shelf, locationName: 'Shelf B' });
    expect(expectStatus(await admin.get(`/assets/${ids[1]}/history`), 200).items[0]).toMatchObject({ action: 'updated', before: { locationId: null }, after: { locationId: shelf } });

    const cert = expectStatus(await admin.post('/assets', { name: 'www cert', categoryId: certificates, customFields: { common_name: 'www.example.org' } }), 201);
    const bad = await admin.post('/assets/bulk', { ids: [ids[0], cert.id], action: { type: 'set', values: { customFields: { key_type: 'DSA' } } } });
    expect(bad.status).toBe(422);
    expect(bad.body.issues).toHaveLength(2);
    expect(bad.body.issues[1]).toContain(`${cert.tag} (${cert.id}): customFields.key_type: must be one of`);
    expect(expectStatus(await admin.get(`/assets/${cert.id}`), 200).customFields).toEqual({ common_name: 'www.example.org' });

    const nowhere = await admin.post('/assets/bulk', { ids, action: { type: 'set', values: { locationId: randomUUID() } } });
    expect(nowhere.status).toBe(400);
    const empty = await admin.post('/assets/bulk', { ids, action: { type: 'set', values: {} } });
    expect([empty.status, empty.body.issues?.[0]]).toEqual([400, 'action.values: name at least one field to set']);
  });

  it('checks many out to a person with a return date and back in, refusing what is already held', async () => {
    const ids = await newAssets(4);
    const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    expectStatus(await admin.post('/assets/bulk', { ids, action: { type: 'checkout', target: { type: 'person', id: dana }, expectedReturn: due, note: 'new starters' } }), 200);
    const held = expectStatus(await admin.get(`/assets?assignedPersonId=${dana}&limit=100`), 200).items as Array<{ id: string; status: string; expectedReturn: string }>;
    expect(held.map((a) => a.id).sort()).toEqual([...ids].sort());
    expect(held.every((a) => a.status === 'deployed' && a.expectedReturn === due)).toBe(true);

    const [free] = await newAssets(1);
    const again = await admin.post('/assets/bulk', { ids: [free, ids[0]], action: { type: 'checkout', target: { type: 'person', id: dana } } });
    expect(again.status).toBe(422);
    expect(again.body.issues).toEqual([expect.stringContaining(`(${ids[0]}): checked out to Dana Whitfield; check it in first`)]);
    const notOut = await admin.post('/assets/bulk', { ids: [free, ...ids], action: { type: 'checkin' } });
    expect(notOut.body.issues).toEqual([expect.stringContaining(`(${free}): not checked out`)]);

    expectStatus(await admin.post('/assets/bulk', { ids, action: { type: 'checkin', note: 'returned', locationId: shelf } }), 200);
    expect(await statuses(ids)).toEqual(Array(4).fill('in_stock'));
    const open = expectStatus(await admin.get(`/assignments?personId=${dana}&open=true&limit=100`), 200);
    expect(open.items).toEqual([]);
  });

  it('asks for the permission of the single change, and names the field of a bad body', async () => {
    const ids = await newAssets(2);
    const helpdesk = await clientWithRole(c, 'helpdesk');
    expect((await helpdesk.post('/assets/bulk', { ids, action: { type: 'status', to: 'in_repair', reason: 'x' } })).status).toBe(403);
    expectStatus(await helpdesk.post('/assets/bulk', { ids, action: { type: 'checkout', target: { type: 'person', id: dana } } }), 200);
    const auditor = await clientWithRole(c, 'auditor');
    expect((await auditor.post('/assets/bulk', { ids, action: { type: 'checkin' } })).status).toBe(403);

    const tooMany = await admin.post('/assets/bulk', { ids: Array.from({ length: 5_001 }, () => randomUUID()), action: { type: 'checkin' } });
    expect([tooMany.status, tooMany.body.issues?.[0]]).toEqual([400, expect.stringMatching(/^ids: /)]);
    const twice = await admin.post('/assets/bulk', { ids: [ids[0], ids[0]], action: { type: 'checkin' } });
    expect([twice.status, twice.body.issues?.[0]]).toEqual([400, 'ids: names an asset more than once']);
    const noReason = await admin.post('/assets/bulk', { ids, action: { type: 'status', to: 'in_repair' } });
    expect([noReason.status, noReason.body.issues?.[0]]).toEqual([400, expect.stringMatching(/^action\.reason: /)]);
  });
});
