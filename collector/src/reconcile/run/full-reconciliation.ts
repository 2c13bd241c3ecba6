import type { ReconcileRun } from '@steward/shared';
import type { Database } from '../../store/database.js';
import { countOpenFindings, refreshFindings } from '../../store/reconcile/findings.js';
import { matchDevices, refreshIdentityKeys } from '../../store/reconcile/identity.js';
import { addScannedTitles, productsInPlay, refreshAllInstalls, scanEstate } from '../../store/reconcile/installs.js';
import { deleteIdlePositions } from '../../store/reconcile/positions.js';
import { clearQueuedBefore } from '../../store/reconcile/queue.js';
import { withoutJit } from '../../store/reconcile/temp-table.js';
import { readReconcileSettings } from '../../store/reconcile/settings.js';
import { rulesGeneration } from '../../store/reconcile/generation.js';
import { ensureShippedCatalogue } from '../catalogue/ensure-catalogue.js';
import { junkIdentifiers } from '../identity/junk-identifiers.js';
import { normaliseStoredTitles } from '../normalise/normalise-stored-titles.js';
import { recomputePositionsIn } from './recompute-positions.js';

/** Any fixed number: one full reconciliation at a time across collectors. */
export const FULL_LOCK = 7_210_556;

export const LAST_FULL_RUN_KEY = 'reconcile.lastFullRun';
export const LAST_FULL_GENERATION_KEY = 'reconcile.lastFullGeneration';

/**
 * Recomputes everything from the inventories, the register and the entitlements in one
 * transaction: titles and their normalisation, licensable installs, device identities and matches,
 * findings, and every product's position (with a history point each). Work queued before it
 * started is covered by it and dropped.
 */
export async function runFullReconciliation(db: Database, options: { wait?: boolean; onStep?: (step: string, ms: number) => void } = {}): Promise<ReconcileRun | undefined> {
  await ensureShippedCatalogue(db);
  const started = new Date();
  const t0 = performance.now();
  return db.transaction(async (tx) => {
    if (options.wait === false) {
      const { rows } = await tx.query<{ got: boolean }>('select pg_try_advisory_xact_lock($1) as got', [FULL_LOCK]);
      if (!rows[0]?.got) return undefined;
    } else {
      await tx.query('select pg_advisory_xact_lock($1)', [FULL_LOCK]);
    }
    await tx.query("set local work_mem = '256MB'");
    await withoutJit(tx);
    let mark = performance.now();
    const step = (name: string) => {
      const now = performance.now();
      options.onStep?.(name, now - mark);
      mark = now;
    };
    const settings = await readReconcileSettings(tx);
    const junk = junkIdentifiers();
    const generation = await rulesGeneration(tx);
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
    await refreshIdentityKeys(tx, null, junk);
    step('identity keys');
    await matchDevices(tx, null, settings.identityKeys);
    step('match');
    await refreshFindings(tx, null, [], junk, started);
    step('findings');
    const products = await productsInPlay(tx);
    await recomputePositionsIn(tx, products, started, 'all');
    step('positions');
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
      newTitles,
      normalised,
      installs,
      products: products.length,
      findingsOpen: await countOpenFindings(tx),
      milliseconds: Math.round(performance.now() - t0),
    };
  });
}
