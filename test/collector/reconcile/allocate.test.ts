import { describe, expect, it } from 'vitest';
import { allocateProduct } from '../../../collector/src/reconcile/licence/allocate.js';
import { releaseKey } from '../../../collector/src/reconcile/normalise/release-key.js';
import type { ConsumerBucket, EntitlementTerms, ProductTerms } from '../../../collector/src/reconcile/licence/terms.js';

const OFFICE_RELEASES = ['2010', '2013', '2016', '2019', '2021'];
const office: ProductTerms = { id: 'office', defaultMetric: 'device', minCoresPerProcessor: null, minCoresPerDevice: null, listPrice: null, organisationPrice: null, organisationCurrency: null };
const sqlServer: ProductTerms = { id: 'sql', defaultMetric: 'core', minCoresPerProcessor: 4, minCoresPerDevice: null, listPrice: 900, organisationPrice: null, organisationCurrency: null };

function entitlement(id: string, fields: Partial<EntitlementTerms>): EntitlementTerms {
  return {
    id, metric: 'device', quantity: 1, releaseKey: null, downgradeRights: false, editions: null, minCoresPerProcessor: null,
    minCoresPerDevice: null, termStart: null, termEnd: null, unitCost: null, currency: 'EUR', allocated: false, createdAt: `2026-01-01T00:00:0${id.length}`,
    ...fields,
  };
}

function bucket(key: string, count: number, fields: Partial<ConsumerBucket> = {}): ConsumerBucket {
  return { key, releaseKey: null, edition: null, cores: 4, sockets: 1, hint: null, count, ...fields };
}

const at = new Date('2026-06-01T12:00:00Z');

describe('licence allocation', () => {
  it('covers earlier releases only with downgrade rights, and the newest installs first', () => {
    const r2019 = releaseKey('2019', OFFICE_RELEASES);
    const r2016 = releaseKey('2016', OFFICE_RELEASES);
    const buckets = [bucket('old', 3, { releaseKey: r2016 }), bucket('new', 2, { releaseKey: r2019 })];
    const without = allocateProduct(office, [entitlement('e', { quantity: 5, releaseKey: r2019 })], buckets, at);
    expect(without).toMatchObject({ entitled: 5, covered: 2, shortfall: 3, surplus: 3, consumed: 5 });
    expect(without.uncovered).toEqual([{ key: 'old', count: 3 }]);
    // With downgrade rights the same five licences cover both; with four, one 2016 install is left.
    expect(allocateProduct(office, [entitlement('e', { quantity: 5, releaseKey: r2019, downgradeRights: true })], buckets, at))
      .toMatchObject({ covered: 5, shortfall: 0, surplus: 0 });
    const short = allocateProduct(office, [entitlement('e', { quantity: 4, releaseKey: r2019, downgradeRights: true })], buckets, at);
    expect(short.uncovered).toEqual([{ key: 'old', count: 1 }]);
  });

  it('keeps an edition list to its editions but does not hold unknown editions against it', () => {
    const e = entitlement('e', { quantity: 10, editions: ['standard'] });
    const a = allocateProduct(office, [e], [bucket('pro', 2, { edition: 'professional plus' }), bucket('std', 1, { edition: 'standard' }), bucket('unknown', 1)], at);
    expect(a).toMatchObject({ covered: 2, shortfall: 2 });
    expect(a.uncovered).toEqual([{ key: 'pro', count: 2 }]);
  });

  it('counts cores with per-processor floors and covers a server partly from one licence and partly from another', () => {
    // 2 sockets x 2 cores = 4 cores, raised to 4 per processor: 8 each.
    const servers = [bucket('srv', 3, { cores: 4, sockets: 2 })];
    const a = allocateProduct(sqlServer, [entitlement('a', { metric: 'core', quantity: 10, unitCost: 1000 }), entitlement('bb', { metric: 'core', quantity: 4 })], servers, at);
    expect(a).toMatchObject({ metric: 'core', entitled: 14, consumed: 24, covered: 14, shortfall: 10, surplus: 0, shortfallCost: 10_000 });
    // The first server is covered by 8 of a; the second by a's last 2 and all of bb's 4, still 2 short; the third not at all.
    expect(a.uncovered).toEqual([{ key: 'srv', count: 2 }]);
    expect(a.uses.map((u) => u.used)).toEqual([10, 4]);
  });

  it('counts only entitlements in force on the date, and costs a shortfall at the list price when none is priced', () => {
    const lapsed = entitlement('e', { metric: 'core', quantity: 100, termEnd: '2026-05-31' });
    const a = allocateProduct(sqlServer, [lapsed], [bucket('srv', 1, { cores: 16 })], at);
    expect(a).toMatchObject({ entitled: 0, shortfall: 16, shortfallCost: 16 * 900 });
    expect(allocateProduct(sqlServer, [lapsed], [bucket('srv', 1, { cores: 16 })], new Date('2026-05-31T23:00:00Z')).shortfall).toBe(0);
  });

  it('reserves an allocated entitlement for its targets', () => {
    const allocated = entitlement('e', { quantity: 2, allocated: true });
    const a = allocateProduct(office, [allocated], [bucket('mine', 1, { hint: 'e' }), bucket('other', 1)], at);
    expect(a).toMatchObject({ covered: 1, shortfall: 1, surplus: 1 });
    expect(a.uncovered).toEqual([{ key: 'other', count: 1 }]);
  });

  it('treats a site licence as unlimited and counts users when every entitlement counts users', () => {
    expect(allocateProduct(office, [entitlement('site', { metric: 'site', quantity: null })], [bucket('all', 500)], at))
      .toMatchObject({ metric: 'site', entitled: null, surplus: null, covered: 500, shortfall: 0 });
    const seats = allocateProduct(office, [entitlement('s', { metric: 'subscription', quantity: 3 })], [bucket('users', 5)], at);
    expect(seats).toMatchObject({ consumers: 'user', metric: 'subscription', shortfall: 2 });
    const mixed = allocateProduct(office, [entitlement('s', { metric: 'subscription', quantity: 3 }), entitlement('d', { metric: 'device', quantity: 1 })], [bucket('b', 5)], at);
    expect(mixed.consumers).toBe('device');
  });

  it('sorts releases by the product’s own list, else naturally', () => {
    const windows = ['XP', 'Vista', '7', '8', '8.1', '10', '11'];
    expect([releaseKey('10', windows)!, releaseKey('XP', windows)!, releaseKey('8.1', windows)!].sort()).toEqual([
      releaseKey('XP', windows), releaseKey('8.1', windows), releaseKey('10', windows),
    ]);
    expect(releaseKey('2008 R2')! > releaseKey('2008')!).toBe(true);
    expect(releaseKey('2012')! > releaseKey('2008 R2')!).toBe(true);
    expect(releaseKey('9')! < releaseKey('10')!).toBe(true);
  });
});
