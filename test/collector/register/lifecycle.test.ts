import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASSET_TRANSITIONS, assetStatus, type AssetStatus } from '@steward/shared';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import type { TestCollector } from '../../support/collector.js';
import { expectStatus, startRegister, type RegisterClient } from './register-api.js';

/**
 * The transitions the register must allow, written out here by hand: any other pair must be
 * refused. A change to the table in shared/src/register.ts has to be made here too, on purpose.
 */
const ALLOWED = new Set([
  'requested→approved', 'requested→retired',
  'approved→ordered', 'approved→requested', 'approved→retired',
  'ordered→received', 'ordered→retired',
  'received→in_stock', 'received→deployed', 'received→in_repair', 'received→retired',
  'in_stock→deployed', 'in_stock→in_repair', 'in_stock→retired', 'in_stock→lost', 'in_stock→stolen',
  'deployed→in_stock', 'deployed→in_repair', 'deployed→retired', 'deployed→lost', 'deployed→stolen',
  'in_repair→in_stock', 'in_repair→deployed', 'in_repair→retired', 'in_repair→lost', 'in_repair→stolen',
  'retired→in_stock', 'retired→disposed', 'retired→lost', 'retired→stolen',
  'lost→in_stock', 'lost→retired',
  'stolen→in_stock', 'stolen→retired',
]);

const STATUSES = assetStatus.options;

/** What each step demands, given with every attempt so that only the table decides. */
const EVERYTHING_A_STEP_NEEDS = {
  acquisition: { justification: 'replaces a failed unit', poNumber: 'PO-1001', inspection: { passed: true } },
  sanitisation: { method: 'crypto_erase', performedOn: '2025-01-10', performedBy: 'R. Patel', certificateRef: 'CERT-77', recycler: 'GreenCycle' },
};

describe.each(CONTRACT_BACKENDS)('asset lifecycle on %s', (backend) => {
  let c: TestCollector;
  let admin: RegisterClient;
  let categoryId: string;

  beforeAll(async () => {
    ({ c, admin } = await startRegister(backend));
    categoryId = await admin.categoryId('hardware.peripherals');
  });
  afterAll(async () => c?.stop());

  /** A new asset in the given status; disposed ones get there the only way there is. */
  async function assetIn(status: AssetStatus): Promise<string> {
    const initial = status === 'disposed' ? 'retired' : status;
    const asset = expectStatus(await admin.post('/assets', { name: `probe ${status}`, categoryId, status: initial }), 201);
    if (status === 'disposed') {
      expectStatus(await admin.post(`/assets/${asset.id}/transitions`, { to: 'disposed', reason: 'end of life', ...EVERYTHING_A_STEP_NEEDS }), 200);
    }
    return asset.id;
  }

  it('the shared transition table is the one written out above', () => {
    const table = STATUSES.flatMap((from) => ASSET_TRANSITIONS[from].map((to) => `${from}→${to}`));
    expect(new Set(table)).toEqual(ALLOWED);
  });

  it.each(STATUSES)('from %s: allows exactly the listed moves and refuses every other', async (from) => {
    const outcomes: Record<string, number> = {};
    const expected: Record<string, number> = {};
    for (const to of STATUSES) {
      const id = await assetIn(from);
      const answer = await admin.post(`/assets/${id}/transitions`, { to, reason: `test ${from} to ${to}`, ...EVERYTHING_A_STEP_NEEDS });
      outcomes[to] = answer.status;
      expected[to] = ALLOWED.has(`${from}→${to}`) ? 200 : 409;
      if (answer.status === 200) expect(answer.body.status).toBe(to);
      else expect(answer.body.error).toBe('transition_refused');
      const after = expectStatus(await admin.get(`/assets/${id}`), 200);
      expect(after.status).toBe(answer.status === 200 ? to : from);
    }
    expect(outcomes).toEqual(expected);
  });

  it('records who moved the asset, when and why', async () => {
    const id = await assetIn('in_stock');
    expectStatus(await admin.post(`/assets/${id}/transitions`, { to: 'in_repair', reason: 'keyboard liquid damage' }), 200);
    const { items } = expectStatus(await admin.get(`/assets/${id}/transitions`), 200);
    expect(items.map((t: { fromStatus: string | null; toStatus: string }) => [t.fromStatus, t.toStatus])).toEqual([[null, 'in_stock'], ['in_stock', 'in_repair']]);
    expect(items[1]).toMatchObject({ by: 'admin', reason: 'keyboard liquid damage' });
    expect(Date.now() - Date.parse(items[1].at)).toBeLessThan(60_000);
  });

  it('refuses a transition without a reason', async () => {
    const id = await assetIn('in_stock');
    const answer = await admin.post(`/assets/${id}/transitions`, { to: 'in_repair', reason: '' });
    expect(answer.status).toBe(400);
    expect(answer.body.issues.join()).toMatch(/reason/);
  });

  describe('acquisition path', () => {
    it('needs a justification to approve, a PO to order and a passed inspection to receive', async () => {
      const created = expectStatus(await admin.post('/assets', { name: 'Docking station', categoryId, status: 'requested' }), 201);
      const id = created.id;
      const approve = await admin.post(`/assets/${id}/transitions`, { to: 'approved', reason: 'budget ok' });
      expect([approve.status, approve.body.error]).toEqual([409, 'justification_required']);

      expectStatus(await admin.put(`/assets/${id}/acquisition`, { justification: 'new starter in March' }), 200);
      expectStatus(await admin.post(`/assets/${id}/transitions`, { to: 'approved', reason: 'budget ok' }), 200);

      const order = await admin.post(`/assets/${id}/transitions`, { to: 'ordered', reason: 'sent to supplier' });
      expect([order.status, order.body.error]).toEqual([409, 'po_required']);
      expectStatus(await admin.post(`/assets/${id}/transitions`, {
        to: 'ordered', reason: 'sent to supplier', acquisition: { poNumber: 'PO-2025-0042', cost: 189.5, currency: 'EUR' },
      }), 200);

      const receive = await admin.post(`/assets/${id}/transitions`, { to: 'received', reason: 'delivered' });
      expect([receive.status, receive.body.error]).toEqual([409, 'inspection_required']);
      const failed = await admin.post(`/assets/${id}/transitions`, {
        to: 'received', reason: 'delivered', acquisition: { inspection: { passed: false, notes: 'cracked casing' } },
      });
      expect([failed.status, failed.body.error]).toEqual([409, 'inspection_failed']);
      expectStatus(await admin.post(`/assets/${id}/transitions`, {
        to: 'received', reason: 'replacement delivered', acquisition: { invoiceNumber: 'INV-889', inspection: { passed: true, notes: 'sealed box' } },
      }), 200);

      const acquisition = expectStatus(await admin.get(`/assets/${id}/acquisition`), 200);
      expect(acquisition).toMatchObject({
        justification: 'new starter in March', poNumber: 'PO-2025-0042', invoiceNumber: 'INV-889', cost: 189.5, currency: 'EUR',
        requestedBy: 'admin', approvedBy: 'admin', inspection: { passed: true, notes: 'sealed box' },
      });
      expect(acquisition.approvedAt && acquisition.orderedAt && acquisition.receivedAt).toBeTruthy();
    });
  });

  describe('disposal', () => {
    it('is refused until a data-sanitisation record exists, then allowed and final', async () => {
      const id = await assetIn('retired');
      const refused = await admin.post(`/assets/${id}/transitions`, { to: 'disposed', reason: 'sent to recycler' });
      expect([refused.status, refused.body.error]).toEqual([409, 'sanitisation_required']);
      expect((await admin.get(`/assets/${id}`)).body.status).toBe('retired');

      const incomplete = await admin.put(`/assets/${id}/sanitisation`, { method: 'physical_destruction', performedOn: '2025-02-01' });
      expect(incomplete.status).toBe(400);
      expect(incomplete.body.issues.join()).toMatch(/performedBy/);

      expectStatus(await admin.put(`/assets/${id}/sanitisation`, {
        method: 'physical_destruction', certificateRef: 'SHRED-2025-118', recycler: 'Metro Recycling', performedOn: '2025-02-01', performedBy: 'J. Okafor',
      }), 200);
      expectStatus(await admin.post(`/assets/${id}/transitions`, { to: 'disposed', reason: 'sent to recycler' }), 200);
      const record = expectStatus(await admin.get(`/assets/${id}/sanitisation`), 200);
      expect(record).toMatchObject({ method: 'physical_destruction', certificateRef: 'SHRED-2025-118', recycler: 'Metro Recycling', performedOn: '2025-02-01', recordedBy: 'admin' });

      const again = await admin.post(`/assets/${id}/transitions`, { to: 'in_stock', reason: 'oops' });
      expect(again.status).toBe(409);
    });

    it('cannot register an asset as disposed', async () => {
      const answer = await admin.post('/assets', { name: 'x', categoryId, status: 'disposed' });
      expect(answer.status).toBe(400);
      expect(answer.body.issues.join()).toMatch(/status/);
    });
  });
});
