import type { Queryable } from '../../../collector/src/store/database.js';

/**
 * Everything reconciliation derives, without the times it was derived at: two ways of computing
 * it that agree give equal snapshots.
 */
export async function reconciliationSnapshot(db: Queryable) {
  const q = async (sql: string) => (await db.query(sql)).rows;
  return {
    installs: await q(`select device_id, product_id, title_id, release, release_key, edition, source, raw_name, raw_version, first_seen
                         from licence_installs order by device_id, product_id`),
    positions: await q(`select product_id, metric, entitled::text, consumed::text, covered::text, shortfall::text, surplus::text,
                               shortfall_cost::text, currency, installs, unlicensed, shelfware, entitlements
                          from licence_positions order by product_id`),
    unlicensed: await q('select product_id, device_id, units::text from licence_unlicensed order by product_id, device_id'),
    links: await q('select device_id, asset_id, method, key, confidence from device_asset_links order by device_id'),
    reviews: await q('select device_id, key, candidates from device_match_reviews order by device_id'),
    keys: await q('select device_id, kind, key, value, vendor from device_identity_keys order by device_id, key, value'),
    findings: await q('select key, type, subtype, state, device_id, asset_id, summary, details from findings order by key'),
    titles: await q('select source, name, publisher, version, licence, product_id, edition, release, rule_id from software_titles order by source, name, publisher, version'),
  };
}
