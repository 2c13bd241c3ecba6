import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../collector/src/store/migrate.js';
import { withFullLock } from '../../../collector/src/reconcile/run/full-lock.js';
import { sideBySide } from '../../../collector/src/reconcile/run/side-by-side.js';
import { splitByWeight } from '../../../collector/src/reconcile/run/split-by-weight.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

describe('splitting products into lanes by weight', () => {
  it('puts each item, heaviest first, into the lightest lane', () => {
    const lanes = splitByWeight([5, 9, 1, 4, 8, 3], (n) => n, 2);
    expect(lanes).toEqual([[9, 4, 3], [8, 5, 1]]);
    expect(lanes.map((l) => l.reduce((a, b) => a + b, 0))).toEqual([16, 14]);
  });

  it('never makes an empty lane, and keeps every item once', () => {
    expect(splitByWeight(['a'], () => 1, 4)).toEqual([['a']]);
    expect(splitByWeight([], () => 1, 2)).toEqual([]);
    const items = Array.from({ length: 50 }, (_, i) => i);
    expect(splitByWeight(items, (n) => n % 7, 3).flat().sort((a, b) => a - b)).toEqual(items);
  });
});

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => { resolve = r; });
  return { promise, resolve };
}

describe.each(CONTRACT_BACKENDS)('full reconciliation lock and side-by-side work on %s', (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    await migrate(t.db);
  });
  afterAll(async () => t?.drop());

  it('a run that will not wait gets nothing while another holds the lock, and runs once it is free', async () => {
    const release = deferred();
    const entered = deferred();
    const holder = withFullLock(t.db, true, async () => {
      entered.resolve();
      await release.promise;
      return 'first';
    });
    await entered.promise;
    expect(await withFullLock(t.db, false, async () => 'second')).toBeUndefined();
    const waiter = withFullLock(t.db, true, async () => 'third');
    release.resolve();
    expect(await holder).toBe('first');
    expect(await waiter).toBe('third');
    expect(await withFullLock(t.db, false, async () => 'fourth')).toBe('fourth');
  });

  it('runs every piece in its own transaction, waits for all, and throws the first failure', async () => {
    await t.db.exec('create table lane_marks (lane text primary key)');
    const finished: string[] = [];
    const piece = (lane: string, fail = false) => () => t.db.transaction(async (tx) => {
      await tx.query('insert into lane_marks (lane) values ($1)', [lane]);
      if (fail) throw new Error(`lane ${lane} failed`);
      finished.push(lane);
      return lane;
    });
    expect(await sideBySide<[string, string]>(t.db, [piece('a'), piece('b')])).toEqual(['a', 'b']);
    await expect(sideBySide<[string, string]>(t.db, [piece('c', true), piece('d')])).rejects.toThrow('lane c failed');
    expect(finished.sort()).toEqual(['a', 'b', 'd']);
    const { rows } = await t.db.query<{ lane: string }>('select lane from lane_marks order by lane');
    // The failed lane's transaction is rolled back; the others are committed.
    expect(rows.map((r) => r.lane)).toEqual(['a', 'b', 'd']);
  });
});
