import type { ReconcileRun } from '@steward/shared';
import type { Database } from '../../store/database.js';
import { countOpenFindings, refreshFindings } from '../../store/reconcile/findings.js';
import { matchDevices, refreshIdentityKeys } from '../../store/reconcile/identity.js';
import { addScannedTitles, productsInPlayWithInstalls, refreshAllInstalls, scanEstate } from '../../store/reconcile/installs.js';
import { deleteIdlePositions } from '../../store/reconcile/positions.js';
import { clearQueuedBefore } from '../../store/reconcile/queue.js';
import { forEstateWork } from '../../store/reconcile/temp-table.js';
import { readReconcileSettings } from '../../store/reconcile/settings.js';
import { rulesGeneration } from '../../store/reconcile/generation.js';
import { ensureShippedCatalogue } from '../catalogue/ensure-catalogue.js';
import { junkIdentifiers } from '../identity/junk-identifiers.js';
import { normaliseStoredTitles } from '../normalise/normalise-stored-titles.js';
import { withFullLock } from './full-lock.js';
import { recomputePositionsIn } from './recompute-positions.js';
import { sideBySide } from './side-by-side.js';
import { splitByWeight } from './split-by-weight.js';

export const LAST_FULL_RUN_KEY = 'reconcile.lastFullRun';
export const LAST_FULL_GENERATION_KEY = 'reconcile.lastFullGeneration';

/**
 * Lanes the licence positions are computed in, side by side on a server: each lane takes products
 * of about equal weight, and each repeats the preparation of the devices, so a lane per processor
 * of a small server is where it stops paying.
 */
const POSITION_LANES = 2;

type StepReport = (step: string, ms: number) => void;

/** Reports each step's time since the previous step of the same chain of work. */
function stepClock(onStep: StepReport | undefined): (step: string) => void {
  let mark = performance.now();
  return (step) => {
    const now = performance.now();
    onStep?.(step, now - mark);
    mark = now;
  };
}

/** Titles and their normalisation, then every device's licensable installs from the inventories. */
async function refreshInventory(db: Database, onStep?: StepReport): Promise<{ normalised: number; newTitles: number; installs: number }> {
  return db.transaction(async (tx) => {
    await forEstateWork(tx);
    const step = stepClock(onStep);
    // Titles the rules have not seen are normalised before the scan, which keeps only commercial
    // rows and rows of unknown titles; those are then added, normalised, and joined in.
    const { normalised } = await normaliseStoredTitles(db, tx);
    step('normalise');
    const unknownRows = await scanEstate(tx);
    step('scan');
    const newTitles = unknownRows ? await addScannedTitles(tx) : 0;
    if (newTitles) {
      // New titles (a first run, software no report has brought yet): normalise them, then scan again.
      await normaliseStoredTitles(db, tx);
      await scanEstate(tx);
    }
    step('new titles');
    const installs = await refreshAllInstalls(tx);
    step('installs');
    return { normalised, newTitles, installs };
  });
}

/** Every device's identity keys and register match, then the device findings. */
async function refreshDeviceMatches(db: Database, started: Date, onStep?: StepReport): Promise<void> {
  await db.transaction(async (tx) => {
    await forEstateWork(tx);
    const step = stepClock(onStep);
    const settings = await readReconcileSettings(tx);
    const junk = junkIdentifiers();
    await refreshIdentityKeys(tx, null, junk);
    step('identity keys');
    await matchDevices(tx, null, settings.identityKeys);
    step('match');
    await refreshFindings(tx, null, [], junk, started);
    step('findings');
  });
}

/** Every product's position (with a history point each), its products split into lanes by installs. */
async function refreshAllPositions(db: Database, started: Date, onStep?: StepReport): Promise<number> {
  const step = stepClock(onStep);
  const products = await productsInPlayWithInstalls(db);
  const lanes = splitByWeight(products, (p) => p.installs + 1, POSITION_LANES);
  await sideBySide(db, lanes.map((lane) => () => db.transaction(async (tx) => {
    await forEstateWork(tx);
    await recomputePositionsIn(tx, lane.map((p) => p.productId), started, 'all', true);
  })));
  step('positions');
  return products.length;
}

/**
 * Recomputes everything from the inventories, the register and the entitlements: titles and their
 * normalisation, licensable installs, device identities and matches, findings, and every product's
 * position (with a history point each). Work queued before it started is covered by it and dropped.
 *
 * The installs and the device matches do not depend on each other and are refreshed side by side,
 * each in a transaction of its own; the positions, which need both, follow. A run that fails part
 * way leaves each finished part committed, as a device's own reconciliation does, and the next run
 * recomputes the rest.
 */
export async function runFullReconciliation(db: Database, options: { wait?: boolean; onStep?: StepReport } = {}): Promise<ReconcileRun | undefined> {
  await ensureShippedCatalogue(db);
  const started = new Date();
  const t0 = performance.now();
  return withFullLock(db, options.wait !== false, async () => {
    const generation = await rulesGeneration(db);
    const [inventory] = await sideBySide<[Awaited<ReturnType<typeof refreshInventory>>, void]>(db, [
      () => refreshInventory(db, options.onStep),
      () => refreshDeviceMatches(db, started, options.onStep),
    ]);
    const products = await refreshAllPositions(db, started, options.onStep);
    return db.transaction(async (tx) => {
      await deleteIdlePositions(tx);
      await clearQueuedBefore(tx, started);
      await tx.query(
        `insert into settings (key, value, updated_at) values ($1, to_jsonb($2::text), now())
         on conflict (key) do update set value = excluded.value, updated_at = now()`,
        [LAST_FULL_RUN_KEY, started.toISOString()],
      );
      await tx.query(
        `insert into settings (key, value, updated_at) values ($1, to_jsonb($2::integer), now())
         on conflict (key) do update set value = excluded.value, updated_at = now()`,
        [LAST_FULL_GENERATION_KEY, generation],
      );
      const { rows } = await tx.query<{ devices: number; titles: number }>(
        'select (select count(*)::int from devices) as devices, (select count(*)::int from software_titles) as titles',
      );
      return {
        devices: rows[0]?.devices ?? 0,
        titles: rows[0]?.titles ?? 0,
        newTitles: inventory.newTitles,
        normalised: inventory.normalised,
        installs: inventory.installs,
        products,
        findingsOpen: await countOpenFindings(tx),
        milliseconds: Math.round(performance.now() - t0),
      };
    });
  });
}
