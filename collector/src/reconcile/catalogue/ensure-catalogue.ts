import type { Database, Queryable } from '../../store/database.js';
import { upsertProducts, upsertRules } from '../../store/reconcile/catalogue.js';
import { bumpRulesGeneration } from '../../store/reconcile/generation.js';
import { readSetting } from '../../store/settings.js';
import { shippedCatalogue } from './shipped-catalogue.js';

const FINGERPRINT_KEY = 'reconcile.shippedCatalogue';
/** Any fixed number: collectors importing the catalogue at once take turns. */
const IMPORT_LOCK = 7_210_554;

const imported = new WeakSet<object>();

/**
 * Imports the shipped catalogue and rules when this database has not got this version of them.
 * Products and rules a person edited are left as they are.
 */
export async function ensureShippedCatalogue(db: Database): Promise<void> {
  if (imported.has(db)) return;
  const shipped = shippedCatalogue();
  await db.transaction(async (tx: Queryable) => {
    await tx.query('select pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
    if ((await readSetting<string>(tx, FINGERPRINT_KEY)) === shipped.fingerprint) return;
    await upsertProducts(tx, shipped.products, { onlyShipped: true });
    await upsertRules(tx, shipped.rules, { onlyShipped: true });
    await tx.query(
      `insert into settings (key, value, updated_at) values ($1, $2::jsonb, now())
       on conflict (key) do update set value = excluded.value, updated_at = now()`,
      [FINGERPRINT_KEY, JSON.stringify(shipped.fingerprint)],
    );
    await bumpRulesGeneration(tx);
  });
  imported.add(db);
}
