import type { LicenceMetric } from '@steward/shared';

/** An entitlement as the allocation needs it. */
export interface EntitlementTerms {
  id: string;
  metric: LicenceMetric;
  /** null for site/unlimited. */
  quantity: number | null;
  releaseKey: string | null;
  downgradeRights: boolean;
  /** Lower-case editions covered; null for any. */
  editions: string[] | null;
  minCoresPerProcessor: number | null;
  minCoresPerDevice: number | null;
  termStart: string | null;
  termEnd: string | null;
  unitCost: number | null;
  currency: string;
  /** Reserved for its allocation targets. */
  allocated: boolean;
  createdAt: string;
}

/** What the catalogue says about a product's licensing. */
export interface ProductTerms {
  id: string;
  defaultMetric: LicenceMetric;
  minCoresPerProcessor: number | null;
  minCoresPerDevice: number | null;
  listPrice: number | null;
  /** The organisation's own price, which comes before the list price. */
  organisationPrice: number | null;
  organisationCurrency: string | null;
}

/** Consumers (devices, or users) that are interchangeable for licensing. */
export interface ConsumerBucket {
  key: string;
  releaseKey: string | null;
  edition: string | null;
  cores: number;
  sockets: number;
  /** The entitlement allocated to these consumers, if any. */
  hint: string | null;
  count: number;
}

export const USER_METRICS: ReadonlySet<LicenceMetric> = new Set(['user', 'subscription']);

/** ISO date (YYYY-MM-DD) of an instant, in UTC: terms are whole days. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function activeAt(e: EntitlementTerms, day: string): boolean {
  return (!e.termStart || e.termStart <= day) && (!e.termEnd || e.termEnd >= day);
}

/**
 * Who consumes a product: users when every entitlement in force counts users (named user,
 * subscription), else devices. A device-counted product with a user entitlement counts one unit
 * per device, which never understates what is needed.
 */
export function consumerKind(product: ProductTerms, active: readonly EntitlementTerms[]): 'device' | 'user' {
  if (active.length === 0) return USER_METRICS.has(product.defaultMetric) ? 'user' : 'device';
  return active.every((e) => USER_METRICS.has(e.metric)) ? 'user' : 'device';
}

/** Core licences one device needs: its cores, raised to the per-processor and per-device floors. */
export function coreUnits(bucket: Pick<ConsumerBucket, 'cores' | 'sockets'>, floors: { perProcessor: number; perDevice: number }): number {
  return Math.max(bucket.cores || 1, (bucket.sockets || 1) * floors.perProcessor, floors.perDevice);
}

/** Core floors of a product: the highest any of its core entitlements or the catalogue sets. */
export function coreFloors(product: ProductTerms, entitlements: readonly EntitlementTerms[]): { perProcessor: number; perDevice: number } {
  const cores = entitlements.filter((e) => e.metric === 'core');
  return {
    perProcessor: Math.max(product.minCoresPerProcessor ?? 0, ...cores.map((e) => e.minCoresPerProcessor ?? 0)),
    perDevice: Math.max(product.minCoresPerDevice ?? 0, ...cores.map((e) => e.minCoresPerDevice ?? 0)),
  };
}
