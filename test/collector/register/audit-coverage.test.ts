import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import type { TestCollector } from '../../support/collector.js';
import { expectStatus, startRegister, type RegisterClient } from './register-api.js';

interface LoggedEntry {
  action: string;
  actor: string;
  actor_role: string | null;
  object_type: string | null;
  object_id: string | null;
  before: unknown;
  after: Record<string, unknown> | null;
}

const CSV = [
  'Asset Tag,Asset Name,Category,Manufacturer,Model,Serial,Location,Status,Checked Out To,Email',
  'AUD-0001,Audit laptop one,hardware.computers,Auditcorp,Auditbook 14,AUDSER0001,Audit HQ / Floor 1,Deployed,Nadia Audit,nadia.audit@example.org',
  'AUD-0002,Audit laptop two,hardware.computers,Auditcorp,Auditbook 14,AUDSER0002,Audit HQ / Floor 1,Ready to Deploy,,',
].join('\n');

/**
 * Every change to the register leaves an audit entry written in the change's own transaction, with
 * before and after; an import is one entry naming every row, reference and check-out it made; and
 * the hash chain still verifies after all of them.
 */
describe.each(CONTRACT_BACKENDS)('the audit log of register changes on %s', (backend) => {
  let c: TestCollector;
  let admin: RegisterClient;
  let categoryId: string;

  beforeAll(async () => {
    ({ c, admin } = await startRegister(backend));
    categoryId = await admin.categoryId('hardware.computers');
  });
  afterAll(async () => c?.stop());

  /** Runs a change and answers the audit entries it added (newest last). */
  async function entriesOf<T>(change: () => Promise<T>): Promise<{ result: T; entries: LoggedEntry[] }> {
    const last = Number((await c.ctx.db.query<{ id: number }>('select coalesce(max(id), 0) as id from audit_log')).rows[0]!.id);
    const result = await change();
    const { rows } = await c.ctx.db.query<LoggedEntry>(
      'select action, actor, actor_role, object_type, object_id, before, after from audit_log where id > $1 order by id', [last]);
    return { result, entries: rows };
  }

  /** Runs a change expecting `status`, and expects one entry for it with the action and object given. */
  async function audited(action: string, objectId: (body: { id?: string }) => string | undefined, change: () => ReturnType<RegisterClient['call']>, status = [200, 201, 204]) {
    const { result, entries } = await entriesOf(change);
    expect(status, JSON.stringify(result.body)).toContain(result.status);
    expect(entries.map((e) => e.action)).toEqual([action]);
    expect(entries[0]).toMatchObject({ actor: 'admin', actor_role: 'admin' });
    const id = objectId(result.body as { id?: string });
    if (id) expect(entries[0]!.object_id).toBe(id);
    return { body: result.body, entry: entries[0]! };
  }

  it('records every reference record created, changed and deleted, with before and after', async () => {
    for (const [path, body, change] of [
      ['/manufacturers', { name: 'Audit Maker' }, { name: 'Audit Maker Ltd' }],
      ['/vendors', { name: 'Audit Reseller' }, { name: 'Audit Reseller Ltd' }],
      ['/departments', { name: 'Audit Finance' }, { name: 'Audit Finance Team' }],
      ['/locations', { name: 'Audit Site', kind: 'site' }, { name: 'Audit Site North' }],
      ['/people', { name: 'Audit Person', email: 'audit.person@example.org' }, { name: 'Audit Person Jr' }],
      ['/categories', { name: 'Audit category', kind: 'hardware' }, { name: 'Audit category two' }],
    ] as const) {
      const type = path === '/categories' ? 'category' : path === '/people' ? 'person' : path.slice(1, -1);
      const made = await audited(`register.${type}.created`, (b) => b.id, () => admin.post(path, body));
      const id = (made.body as { id: string }).id;
      expect(made.entry).toMatchObject({ object_type: type, before: null, after: expect.objectContaining(body) });
      const changed = await audited(`register.${type}.updated`, () => id, () => admin.patch(`${path}/${id}`, change));
      expect(changed.entry).toMatchObject({ before: expect.objectContaining(body), after: expect.objectContaining(change) });
      const gone = await audited(`register.${type}.deleted`, () => id, () => admin.delete(`${path}/${id}`));
      expect(gone.entry).toMatchObject({ before: expect.objectContaining(change), after: null });
    }
  });

  it('records an asset through its life: registered, edited, checked out and in, moved through the lifecycle, deleted', async () => {
    const person = expectStatus(await admin.post('/people', { name: 'Holder One' }), 201).id as string;
    const made = await audited('register.asset.created', (b) => b.id, () => admin.post('/assets', { name: 'Audited laptop', categoryId, tag: 'AUD-LIFE-1' }));
    const id = (made.body as { id: string }).id;
    await audited('register.asset.updated', () => id, () => admin.patch(`/assets/${id}`, { serial: 'AUDLIFE1' }));
    const out = await audited('register.asset.checked_out', () => id, () => admin.post(`/assets/${id}/checkout`, { target: { type: 'person', id: person }, expectedReturn: '2030-01-01' }));
    expect(out.entry).toMatchObject({ before: expect.objectContaining({ assignedTo: null }), after: expect.objectContaining({ assignedTo: expect.objectContaining({ id: person }) }) });
    await audited('register.asset.checked_in', () => id, () => admin.post(`/assets/${id}/checkin`, { note: 'back' }));
    await audited('register.asset.acquisition', () => id, () => admin.put(`/assets/${id}/acquisition`, { justification: 'audit test' }));
    await audited('register.asset.status.in_repair', () => id, () => admin.post(`/assets/${id}/transitions`, { to: 'in_repair', reason: 'screen' }));
    await audited('register.asset.sanitisation', () => id, () => admin.put(`/assets/${id}/sanitisation`, { method: 'crypto_erase', performedOn: '2025-01-10', performedBy: 'R. Patel' }));
    const spare = expectStatus(await admin.post('/assets', { name: 'Spare', categoryId }), 201).id as string;
    await audited('register.asset.deleted', () => spare, () => admin.delete(`/assets/${spare}`));
    await audited('register.settings.updated', () => 'register', () => admin.put('/settings', { tagPattern: 'AUD-{seq:5}' }));
  });

  it('records contracts, maintenance and audit rounds with their scans', async () => {
    const asset = expectStatus(await admin.post('/assets', { name: 'Printer', categoryId }), 201);
    await audited('register.contract.created', (b) => b.id, () => admin.post('/contracts', { name: 'Audit support', kind: 'support', startsOn: '2025-01-01', assetIds: [asset.id] }));
    await audited('register.maintenance_schedule.created', (b) => b.id, () => admin.post('/maintenance/schedules', { assetId: asset.id, title: 'Check', intervalDays: 90, startsOn: '2025-01-01' }));
    await audited('register.work_order.created', (b) => b.id, () => admin.post('/maintenance/work-orders', { assetId: asset.id, title: 'service', status: 'open' }));
    const site = expectStatus(await admin.post('/locations', { name: 'Audit room', kind: 'room' }), 201).id as string;
    const round = await audited('register.audit_round.started', (b) => b.id, () => admin.post('/audits', { locationId: site }));
    const roundId = (round.body as { id: string }).id;
    const scanned = await audited('register.asset.scanned', () => asset.id, () => admin.post(`/audits/${roundId}/scans`, { tag: asset.tag }));
    expect(scanned.entry.after).toMatchObject({ auditRound: roundId, verdict: 'not_expected' });
    await audited('register.audit_round.scanned', () => roundId, () => admin.post(`/audits/${roundId}/scans`, { tag: 'NO-SUCH-TAG' }));
    const { entries } = await entriesOf(() => admin.post(`/audits/${roundId}/close`, { relocateFound: true }));
    expect(entries.map((e) => e.action)).toEqual(['register.audit_round.relocate', 'register.audit_round.closed']);
    expect(entries[0]!.after).toEqual({ rows: { relocated_by_audit: { asset: [asset.id] } } });
  });

  it('records an import as one entry naming the assets, references and people it created and its check-outs', async () => {
    const preview = expectStatus(await admin.call('POST', '/import?fileName=audit.csv', CSV), 201);
    expect(preview.errors).toEqual([]);
    const { result, entries } = await entriesOf(() => admin.post(`/import/${preview.importId}/commit`, {}));
    expect(result.status).toBe(200);
    expect(entries).toHaveLength(1);
    const entry = entries[0]!;
    expect(entry).toMatchObject({ action: 'register.import.commit', object_type: 'import', object_id: preview.importId, actor: 'admin' });
    const assets = expectStatus(await admin.get('/assets?search=audit%20laptop&limit=10'), 200).items as Array<{ id: string; tag: string }>;
    const people = expectStatus(await admin.get('/people?search=nadia&limit=10'), 200).items as Array<{ id: string }>;
    const rows = entry.after!.rows as Record<string, Record<string, string[]>>;
    expect(rows.imported!.asset!.sort()).toEqual(assets.map((a) => a.id).sort());
    expect(rows.created!.person).toEqual(people.map((p) => p.id));
    expect(rows.created!.manufacturer).toHaveLength(1);
    expect(rows.created!.location).toHaveLength(2);
    expect(rows.checked_out!.asset).toEqual([assets.find((a) => a.tag === 'AUD-0001')!.id]);
    expect(entry.after).toMatchObject({ fileName: 'audit.csv', imported: 2, skipped: 0 });

    const other = expectStatus(await admin.call('POST', '/import?fileName=other.csv', CSV.replace(/AUD-000/g, 'AUX-000')), 201);
    await audited('register.import.discard', () => other.importId, () => admin.delete(`/import/${other.importId}`));
  });

  it('keeps the chain whole after all of them', async () => {
    const verdict = await fetch(`${c.url}/api/v1/audit/verify`, { headers: await c.adminAuth() }).then((r) => r.json()) as { intact: boolean; entries: number };
    const stored = Number((await c.ctx.db.query<{ n: number }>('select count(*)::int as n from audit_log')).rows[0]!.n);
    expect(verdict).toMatchObject({ intact: true, entries: stored });
  });
});
