import type { Queryable } from '../../store/database.js';
import { listProducts, listRules } from '../../store/reconcile/catalogue.js';
import { rulesGeneration } from '../../store/reconcile/generation.js';
import { saveNormalisations, staleTitles, type StaleTitle } from '../../store/reconcile/titles.js';
import { compileRules, type RuleSet } from './compile-rules.js';
import { normaliseTitle } from './normalise-title.js';
import { mapInSlices } from '../../services/event-loop-turns.js';

const BATCH = 5000;

/** Compiled rules per database and generation, so a device's reconciliation does not recompile them. */
const cache = new WeakMap<object, { generation: number; set: RuleSet }>();

export async function currentRuleSet(owner: object, db: Queryable): Promise<{ generation: number; set: RuleSet }> {
  const generation = await rulesGeneration(db);
  const hit = cache.get(owner);
  if (hit && hit.generation === generation) return hit;
  const [rules, products] = await Promise.all([listRules(db), listProducts(db)]);
  const fresh = { generation, set: compileRules(rules, products) };
  cache.set(owner, fresh);
  return fresh;
}

/**
 * Normalises the titles the current rules have not seen (all of them after a rule change, only
 * the new ones otherwise); `titles` limits the work to one device's. Returns the commercial
 * products whose titles changed.
 */
export async function normaliseStoredTitles(owner: object, db: Queryable, titles?: (generation: number) => Promise<StaleTitle[]>): Promise<{ normalised: number; products: string[] }> {
  const { generation, set } = await currentRuleSet(owner, db);
  const products = new Set<string>();
  let normalised = 0;
  const save = async (batch: StaleTitle[]) => {
    const results = await mapInSlices(batch, (t) => ({ id: t.id, ...normaliseTitle(t, set) }));
    for (let start = 0; start < results.length; start += BATCH) {
      for (const p of await saveNormalisations(db, generation, results.slice(start, start + BATCH))) products.add(p);
    }
    normalised += batch.length;
  };
  if (titles) {
    await save(await titles(generation));
    return { normalised, products: [...products] };
  }
  for (let after = '0'; ;) {
    const batch = await staleTitles(db, generation, BATCH, after);
    if (batch.length === 0) break;
    await save(batch);
    after = batch.at(-1)!.id;
  }
  return { normalised, products: [...products] };
}
