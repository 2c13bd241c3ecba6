import type { ReconcileRun } from '@steward/shared';
import type { Database, Queryable } from '../../store/database.js';
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
import { randomUUID } from 'node:crypto';
import { withFullLock } from './full-lock.js';
import { cancelOnStop, nameConnection, RunStopped } from './stop-signal.js';
import { recomputePositionsIn } from './recompute-positions.js';
import { sideBySide } from './side-by-side.js';
import { splitByWeight } from './split-by-weight.js';
import { letOthersIn } from '../../services/event-loop-turns.js';

export const LAST_FULL_RUN_KEY = 'reconcile.lastFullRun';
export const LAST_FULL_GENERATION_KEY = 'reconcile.lastFullGeneration';

/**
 * Lanes the licence positions are computed in, side by side on a server: each lane takes products
 * of about equal weight, and each repeats the preparation of the devices, so a lane per processor
 * of a small server is where it stops paying.
 */
const POSITION_LANES = 2;

type StepReport = (step: string, ms: number) => void;

/** What each part of a run is given: where to report its steps, and how to stop between them. */
interface RunControl {
  onStep?: StepReport;
  signal?: AbortSignal;
  /** The name the run's connections carry on a server, for cancelling its statements (63 characters at most). */
  name: string;
}

/**
 * Lets the event loop turn. The embedded database answers through promises alone, so without this
 * a whole run would pass without a timer, a signal or a request being served in between.
 */


/**
 * Reports each step's time since the previous step of the same chain of work, and ends the chain
 * (its transaction rolled back) when the run has been told to stop.
 */
function stepClock(control: RunControl): (step: string) => Promise<void> {
  let mark = performance.now();
  return async (step) => {
    const now = performance.now();
    control.onStep?.(step, now - mark);
    mark = now;
    await letOthersIn();
    if (control.signal?.aborted) throw new RunStopped();
  };
}

/** Starts one of the run's transactions: estate settings, the run's name, and a stop already asked for. */
async function beginPart(tx: Queryable, control: RunControl): Promise<void> {
  await letOthersIn();
  if (control.signal?.aborted) throw new RunStopped();
  await forEstateWork(tx);
  await nameConnection(tx, control.name);
}

/** Titles and their normalisation, then every device's licensable installs from the inventories. */
async function refreshInventory(db: Database, control: RunControl): Promise<{ normalised: number; newTitles: number; installs: number }> {
  return db.transaction(async (tx) => {
    await beginPart(tx, control);
    const step = stepClock(control);
    // Titles the rules have not seen are normalised before the scan, which keeps only commercial
    // rows and rows of unknown titles; those are then added, normalised, and joined in.
    const { normalised } = await normaliseStoredTitles(db, tx);
    await step('normalise');
    const unknownRows = await scanEstate(tx);
    await step('scan');
    const newTitles = unknownRows ? await addScannedTitles(tx) : 0;
    if (newTitles) {
      // New titles (a first run, software no report has brought yet): normalise them, then scan again.
      await normaliseStoredTitles(db, tx);
      await step('normalise new titles');
      await scanEstate(tx);
    }
    await step('new titles');
    const installs = await refreshAllInstalls(tx);
    await step('installs');
    return { normalised, newTitles, installs };
  });
}

/** Every device's identity keys and register match, then the device findings. */
async function refreshDeviceMatches(db: Database, started: Date, control: RunControl): Promise<void> {
  await db.transaction(async (tx) => {
    await beginPart(tx, control);
    const step = stepClock(control);
    const settings = await readReconcileSettings(tx);
    const junk = junkIdentifiers();
    await refreshIdentityKeys(tx, null, junk);
    await step('identity keys');
    await matchDevices(tx, null, settings.identityKeys);
    await step('match');
    await refreshFindings(tx, null, [], junk, started);
    await step('findings');
  });
}

/** Every product's position (with a history point each), its products split into lanes by installs. */
async function refreshAllPositions(db: Database, started: Date, control: RunControl): Promise<number> {
  const step = stepClock(control);
  const products = await productsInPlayWithInstalls(db);
  const lanes = splitByWeight(products, (p) => p.installs + 1, POSITION_LANES);
  await sideBySide(db, lanes.map((lane) => () => db.transaction(async (tx) => {
    await beginPart(tx, control);
    await recomputePositionsIn(tx, lane.map((p) => p.productId), started, 'all');
  })));
  await step('positions');
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
 *
 * A `signal` stops the run: between steps, and on a server by cancelling the statement running.
 * The part under way rolls back, the run is not recorded as complete, and it throws RunStopped.
 */
export async function runFullReconciliation(
  db: Database, options: { wait?: boolean; onStep?: StepReport; signal?: AbortSignal } = {},
): Promise<ReconcileRun | undefined> {
  await ensureShippedCatalogue(db);
  const started = new Date();
  const t0 = performance.now();
  const control: RunControl = { onStep: options.onStep, signal: options.signal, name: `steward-reconcile-${randomUUID()}` };
  try {
    return await withFullLock(db, options.wait !== false, async (holder) => {
      const letGo = cancelOnStop(holder, db.backend, control.name, options.signal);
      try {
        return await fullRun(db, started, t0, control);
      } finally {
        letGo();
      }
    });
  } catch (error) {
    throw options.signal?.aborted ? new RunStopped() : error;
  }
}

/** The run itself, under the full-reconciliation lock; the last transaction records it complete. */
async function fullRun(db: Database, started: Date, t0: number, control: RunControl): Promise<ReconcileRun> {
  const generation = await rulesGeneration(db);
  const [inventory] = await sideBySide<[Awaited<ReturnType<typeof refreshInventory>>, void]>(db, [
    () => refreshInventory(db, control),
    () => refreshDeviceMatches(db, started, control),
  ]);
  const products = await refreshAllPositions(db, started, control);
  return db.transaction(async (tx) => {
    await beginPart(tx, control);
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
}
