import { assetsExpiring, assetsWithWarrantyEnding, contractsToRenew } from '../../store/alerts/sources/register-sources.js';
import { entitlementsEnding } from '../../store/alerts/sources/reconcile-sources.js';
import { missingTables } from '../../store/alerts/sources/table-presence.js';
import type { AlertCandidate, RuleSource } from './candidate.js';
import { addDays, daysBetween, isoDay, relativeDays } from './calendar-days.js';

function endsPhrase(what: string, day: string, today: string): string {
  const n = daysBetween(today, day);
  return n >= 0 ? `${what} ends ${relativeDays(n)} (${day})` : `${what} ended ${relativeDays(n)} (${day})`;
}

export const warrantyExpiring: RuleSource<'warranty_expiring'> = {
  tables: ['register_assets'],
  async find(db, params, now) {
    const today = isoDay(now);
    const rows = await assetsWithWarrantyEnding(db, addDays(today, -params.graceDays), addDays(today, params.days));
    return rows.map((a) => ({
      subjectType: 'asset',
      subjectId: a.id,
      // The date is in the key: a warranty extended to a new date is a new matter.
      subjectKey: `asset:${a.id}:warranty:${a.warranty_expires}`,
      summary: `${a.tag} ${a.name}: ${endsPhrase('warranty', a.warranty_expires, today)}`,
      details: { assetId: a.id, tag: a.tag, serial: a.serial, deviceId: a.device_id, expires: a.warranty_expires, daysLeft: daysBetween(today, a.warranty_expires) },
    }));
  },
};

export const renewalDue: RuleSource<'renewal_due'> = {
  tables: ['register_contracts', 'register_assets'],
  async find(db, params, now) {
    const today = isoDay(now);
    const from = addDays(today, -params.graceDays);
    const until = addDays(today, params.days);
    const found: AlertCandidate[] = [];
    if (params.sources.includes('contract')) {
      for (const c of await contractsToRenew(db, from, until)) {
        const notice = c.notice_days ? `; notice due ${c.decide_by}` : '';
        found.push({
          subjectType: 'contract',
          subjectId: c.id,
          subjectKey: `contract:${c.id}:${c.ends_on}`,
          summary: `${c.kind} contract ${c.name}${c.reference ? ` (${c.reference})` : ''}: ${endsPhrase('term', c.ends_on, today)}${notice}${c.auto_renew ? ', renews automatically' : ''}`,
          details: { contractId: c.id, kind: c.kind, vendor: c.vendor_name, endsOn: c.ends_on, decideBy: c.decide_by, autoRenew: c.auto_renew, cost: c.cost, currency: c.currency },
        });
      }
    }
    if (params.sources.includes('asset')) {
      for (const a of await assetsExpiring(db, from, until)) {
        found.push({
          subjectType: 'asset',
          subjectId: a.id,
          subjectKey: `asset:${a.id}:expires:${a.expires_on}`,
          summary: `${a.category_name} ${a.tag} ${a.name}: ${endsPhrase('registration', a.expires_on, today)}`,
          details: { assetId: a.id, tag: a.tag, category: a.category_name, expiresOn: a.expires_on, cost: a.purchase_cost, currency: a.currency },
        });
      }
    }
    if (params.sources.includes('entitlement') && (await missingTables(db, ['entitlements', 'catalogue_products'])).length === 0) {
      for (const e of await entitlementsEnding(db, from, until)) {
        found.push({
          subjectType: 'entitlement',
          subjectId: e.id,
          subjectKey: `entitlement:${e.id}:${e.term_end}`,
          summary: `${e.product_name} licence${e.contract ? ` (${e.contract})` : ''}: ${endsPhrase('subscription term', e.term_end, today)}`,
          details: { entitlementId: e.id, productId: e.product_id, termEnd: e.term_end, vendor: e.vendor, quantity: e.quantity, unitCost: e.unit_cost, currency: e.currency },
        });
      }
    }
    return found;
  },
};
