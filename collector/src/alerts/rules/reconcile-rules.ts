import { licenceShortfalls, openFindings, unlicensedInstalls } from '../../store/alerts/sources/reconcile-sources.js';
import type { AlertCandidate, RuleSource } from './candidate.js';

const DISCOVERED_ITEMS = new Set(['certificate', 'domain']);

async function findingCandidates(db: Parameters<RuleSource<'device_missing'>['find']>[0], type: 'missing' | 'unregistered'): Promise<AlertCandidate[]> {
  // Unregistered certificates and domains are findings too, but no device's: their own rules watch them.
  const findings = (await openFindings(db, type)).filter((f) => !DISCOVERED_ITEMS.has(f.subtype ?? ''));
  return findings.map((f) => ({
    subjectType: f.asset_id && type === 'missing' ? 'asset' : 'device',
    subjectId: (type === 'missing' ? f.asset_id ?? f.device_id : f.device_id ?? f.asset_id) ?? null,
    subjectKey: `finding:${f.id}`,
    summary: f.summary,
    details: { findingId: f.id, subtype: f.subtype, deviceId: f.device_id, assetId: f.asset_id, detectedAt: new Date(f.first_detected).toISOString() },
  }));
}

export const deviceMissing: RuleSource<'device_missing'> = {
  tables: ['findings'],
  find: (db) => findingCandidates(db, 'missing'),
};

export const deviceUnregistered: RuleSource<'device_unregistered'> = {
  tables: ['findings'],
  find: (db) => findingCandidates(db, 'unregistered'),
};

export const unlicensedInstall: RuleSource<'unlicensed_install'> = {
  tables: ['licence_unlicensed', 'catalogue_products'],
  async find(db) {
    return (await unlicensedInstalls(db)).map((u) => ({
      subjectType: 'device',
      subjectId: u.device_id,
      subjectKey: `unlicensed:${u.product_id}:${u.device_id}`,
      summary: `${u.product_name} on ${u.hostname ?? u.device_id} has no licence (${u.units} unit${u.units === 1 ? '' : 's'})`,
      details: { productId: u.product_id, product: u.product_name, publisher: u.publisher, deviceId: u.device_id, hostname: u.hostname, units: u.units },
    }));
  },
};

export const licenceShortfall: RuleSource<'licence_shortfall'> = {
  tables: ['licence_positions', 'catalogue_products'],
  async find(db, params) {
    return (await licenceShortfalls(db, params.minShortfall)).map((l) => ({
      subjectType: 'product',
      subjectId: l.product_id,
      subjectKey: `shortfall:${l.product_id}`,
      summary: `${l.publisher} ${l.product_name}: ${l.shortfall} ${l.metric} licence${l.shortfall === 1 ? '' : 's'} short `
        + `(${l.consumed} used, ${l.entitled ?? 'none'} owned)${l.shortfall_cost !== null ? `, ${l.shortfall_cost.toFixed(2)} ${l.currency ?? ''} to close`.trimEnd() : ''}`,
      details: { productId: l.product_id, metric: l.metric, entitled: l.entitled, consumed: l.consumed, shortfall: l.shortfall, shortfallCost: l.shortfall_cost, currency: l.currency },
    }));
  },
};
