import type { LicencePosition, UnlicensedInstall } from '@steward/shared';
import type { Database } from '../../store/database.js';
import { readOrganisation } from '../../store/organisation.js';
import { readProductPrices, type ProductPrice } from '../../store/reconcile/catalogue.js';
import { countedEntitlements, departmentBreakdown, unlicensedEvidence, type CountedEntitlement, type DepartmentLine } from '../../store/reconcile/report-data.js';
import { ensureShippedCatalogue } from '../catalogue/ensure-catalogue.js';
import { positionsAt } from '../licence/positions-as-of.js';

export interface PositionGroup {
  name: string;
  positions: LicencePosition[];
  installs: number;
  unlicensed: number;
  shortfallCost: number;
}

export interface LicenceReportData {
  /** The organisation's name, empty when none is set. */
  organisation: string;
  asOf: string;
  generatedAt: string;
  groupBy: 'product' | 'vendor' | 'department';
  summary: {
    products: number;
    productsShort: number;
    installs: number;
    unlicensed: number;
    shortfallCost: number;
    currencies: string[];
    /** Products short with no price, and their unlicensed installs: what the cost leaves out. */
    unpricedProducts: number;
    unpricedInstalls: number;
  };
  groups: PositionGroup[];
  departments: Array<DepartmentLine & { product: string }>;
  unlicensed: Array<UnlicensedInstall & { product: string; publisher: string }>;
  /** The entitlements in force on the date that the positions counted, with the units each covered. */
  entitlements: Array<CountedEntitlement & { product: string; publisher: string; used: number }>;
  /** Each product's prices besides its entitlements', to say which priced the shortfall. */
  prices: Map<string, ProductPrice>;
}

function group(name: string, positions: LicencePosition[]): PositionGroup {
  return {
    name,
    positions,
    installs: positions.reduce((s, p) => s + p.installs, 0),
    unlicensed: positions.reduce((s, p) => s + p.unlicensed, 0),
    shortfallCost: Math.round(positions.reduce((s, p) => s + (p.shortfallCost ?? 0), 0) * 100) / 100,
  };
}

/**
 * Everything a licence reconciliation report shows, as last computed or computed afresh as of a
 * date: the summary, each product's position (grouped by product, vendor or department), every
 * unlicensed install with its evidence, and the entitlements counted.
 */
export async function licenceReportData(db: Database, options: { asOf?: string; groupBy: LicenceReportData['groupBy'] }): Promise<LicenceReportData> {
  await ensureShippedCatalogue(db);
  const generatedAt = new Date();
  // Without a date, the positions as last computed: the figures the position screen and the overview show.
  const { list, unlicensed } = await positionsAt(db, { asOf: options.asOf });
  const picks = unlicensed ?? [];
  const byId = new Map(list.items.map((p) => [p.productId, p]));
  const uses = new Map(list.items.flatMap((p) => p.entitlements.map((e) => [e.entitlementId, e.used] as const)));
  const [organisation, evidence, counted, prices, departments] = await Promise.all([
    readOrganisation(db),
    unlicensedEvidence(db, picks),
    countedEntitlements(db, [...uses.keys()]),
    readProductPrices(db, list.items.map((p) => p.productId)),
    options.groupBy === 'department' ? departmentBreakdown(db, list.items.map((p) => p.productId), new Date(list.asOf), picks) : Promise.resolve([]),
  ]);
  const byVendor = new Map<string, LicencePosition[]>();
  for (const p of list.items) byVendor.set(p.publisher, [...(byVendor.get(p.publisher) ?? []), p]);
  const groups = options.groupBy === 'vendor'
    ? [...byVendor.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, ps]) => group(name, ps))
    : [group('All products', list.items)];
  const named = (productId: string) => ({ product: byId.get(productId)?.product ?? productId, publisher: byId.get(productId)?.publisher ?? '' });
  return {
    organisation: organisation.name,
    asOf: list.asOf,
    generatedAt: generatedAt.toISOString(),
    groupBy: options.groupBy,
    summary: {
      products: list.items.length,
      productsShort: list.totals.productsShort,
      installs: list.items.reduce((s, p) => s + p.installs, 0),
      unlicensed: list.totals.unlicensed,
      shortfallCost: list.totals.shortfallCost,
      unpricedProducts: list.totals.unpricedProducts,
      unpricedInstalls: list.totals.unpricedInstalls,
      currencies: [...new Set(list.items.filter((p) => p.shortfallCost).map((p) => p.currency ?? ''))].filter(Boolean).sort(),
    },
    groups,
    departments: departments.map((d) => ({ ...d, product: `${byId.get(d.productId)?.publisher ?? ''} ${byId.get(d.productId)?.product ?? d.productId}`.trim() })),
    unlicensed: evidence.map((u) => ({ ...u, ...named(u.productId) })),
    entitlements: counted.map((e) => ({ ...e, ...named(e.productId), used: uses.get(e.id) ?? 0 })),
    prices,
  };
}
