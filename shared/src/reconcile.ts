import { z } from 'zod';
import { softwareSource } from './protocol.js';
import { assetInput, initialAssetStatus } from './register.js';
import { isoDate, isoDateTime, optionalText, text } from './text.js';

/**
 * Reconciliation: discovered devices against the asset register, installed software against the
 * catalogue, and installs against licence entitlements.
 */

/** What a normalised title needs: a licence, nothing (free or open source), or nothing because it is part of something else. */
export const licenceClass = z.enum(['commercial', 'freeware', 'open-source', 'component', 'unrecognised']);
export type LicenceClass = z.infer<typeof licenceClass>;

/** How an entitlement is counted. */
export const licenceMetric = z.enum(['device', 'user', 'core', 'concurrent', 'site', 'subscription']);
export type LicenceMetric = z.infer<typeof licenceMetric>;

/** Where a title was read: a software source, or `os` for the operating system a device reports. */
export const titleSource = z.union([softwareSource, z.literal('os')]);
export type TitleSource = z.infer<typeof titleSource>;

const slug = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,127}$/, 'must be lower-case letters, digits, dots and dashes');
const money = z.number().nonnegative().max(1e12);
const dateOnly = isoDate;

export const catalogueProductInput = z.object({
  id: slug,
  publisher: text(256).min(1),
  name: text(256).min(1),
  licence: licenceClass.exclude(['unrecognised']),
  defaultMetric: licenceMetric.default('device'),
  /** Releases from oldest to newest, when their names do not sort by themselves (XP, Vista, 7…). */
  releases: z.array(text(64).min(1)).max(200).optional(),
  /** Core licensing floors, e.g. 8 per processor and 16 per server. */
  minCoresPerProcessor: z.number().int().min(1).max(1024).optional(),
  minCoresPerDevice: z.number().int().min(1).max(4096).optional(),
  /** Price of one unit of the default metric, used to cost a shortfall no entitlement prices. */
  listPrice: money.optional(),
});
export type CatalogueProductInput = z.input<typeof catalogueProductInput>;
export const catalogueProduct = catalogueProductInput.extend({
  origin: z.enum(['shipped', 'user']),
});
export type CatalogueProduct = z.infer<typeof catalogueProduct>;
export const catalogueProductUpdate = catalogueProductInput.omit({ id: true }).partial();

export const ruleKind = z.enum(['publisher-alias', 'exact', 'prefix', 'regex', 'any']);

const regexSource = text(1024).refine((s) => {
  try {
    new RegExp(s, 'iu');
    return true;
  } catch {
    return false;
  }
}, 'must be a valid regular expression');

/**
 * One normalisation rule. Rules are tried in position order; the first that matches decides.
 * Publisher aliases run first and rename the publisher that later rules see.
 * Templates (edition, release, productName) may use regex groups: `$1`, `$<name>`, and the
 * install's version: `{version}`, `{versionMajor}`, `{versionMajorMinor}`.
 */
export const normalisationRuleInput = z.object({
  kind: ruleKind,
  /** What the pattern is matched against. */
  field: z.enum(['name', 'publisher', 'productCode']).default('name'),
  pattern: text(4096).default(''),
  /** Limits the rule to these sources; absent means any. */
  sources: z.array(titleSource).max(32).optional(),
  /** A regular expression the (aliased) publisher must also match. */
  publisherPattern: regexSource.optional(),
  /** A regular expression the version must match. */
  versionPattern: regexSource.optional(),
  productId: slug.optional(),
  /** Outcome when no catalogue product is named (open source, a component…). */
  licence: licenceClass.exclude(['unrecognised']).optional(),
  /** Product name template when no catalogue product is named; the install's own name otherwise. */
  productName: optionalText(256),
  /** For publisher aliases: the publisher's one true name. */
  canonicalPublisher: optionalText(256),
  edition: optionalText(128),
  release: optionalText(128),
  editionMap: z.record(z.string().max(128), z.string().max(128)).optional(),
  releaseMap: z.record(z.string().max(128), z.string().max(128)).optional(),
  enabled: z.boolean().default(true),
  note: optionalText(512),
}).superRefine((r, ctx) => {
  if (r.kind === 'regex') {
    try {
      new RegExp(r.pattern, 'iu');
    } catch {
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'must be a valid regular expression' });
    }
  }
  if (r.kind !== 'any' && r.pattern === '') ctx.addIssue({ code: 'custom', path: ['pattern'], message: `a ${r.kind} rule needs a pattern` });
  if (r.kind === 'publisher-alias' && !r.canonicalPublisher) {
    ctx.addIssue({ code: 'custom', path: ['canonicalPublisher'], message: 'a publisher alias needs canonicalPublisher' });
  }
  if (r.kind !== 'publisher-alias' && !r.productId && !r.licence) {
    ctx.addIssue({ code: 'custom', path: ['productId'], message: 'a rule names a catalogue product or a licence class' });
  }
  if (!r.productId && r.licence === 'commercial') {
    ctx.addIssue({ code: 'custom', path: ['productId'], message: 'a commercial outcome needs a catalogue product' });
  }
});
export type NormalisationRuleInput = z.input<typeof normalisationRuleInput>;
export type NormalisationRuleFields = z.infer<typeof normalisationRuleInput>;

export const normalisationRule = z.object({
  id: z.string(),
  position: z.number(),
  origin: z.enum(['shipped', 'user', 'user-modified']),
}).and(normalisationRuleInput);
export type NormalisationRule = NormalisationRuleFields & { id: string; position: number; origin: 'shipped' | 'user' | 'user-modified' };

/** A new rule at the position given, or else just before the catch-all defaults (kind any). */
export const createRuleRequest = z.object({ rule: normalisationRuleInput, position: z.number().optional() });
export const updateRuleRequest = z.object({ rule: normalisationRuleInput, position: z.number().optional() });

/** A raw title as the normaliser sees it. */
export const rawTitle = z.object({
  source: titleSource,
  name: text(512).min(1),
  publisher: optionalText(512),
  version: optionalText(256),
  productCode: optionalText(256),
});
export type RawTitle = z.infer<typeof rawTitle>;

export const normalisedTitle = z.object({
  licence: licenceClass,
  productId: z.string().nullable(),
  publisher: z.string(),
  product: z.string(),
  edition: z.string().nullable(),
  release: z.string().nullable(),
  ruleId: z.string().nullable(),
});
export type NormalisedTitle = z.infer<typeof normalisedTitle>;

export const triageItem = z.object({
  source: titleSource,
  name: z.string(),
  publisher: z.string().nullable(),
  versions: z.number().int(),
  devices: z.number().int(),
  firstSeen: isoDateTime,
});
export const triageList = z.object({ items: z.array(triageItem), total: z.number().int() });
export type TriageList = z.infer<typeof triageList>;

export const allocationTarget = z.enum(['device', 'user', 'department']);
export const allocationInput = z.object({
  targetKind: allocationTarget,
  /** A device id, a user name (as the register or the device names it) or a department. */
  target: text(256).min(1),
});
export const allocation = allocationInput.extend({ id: z.uuid(), createdAt: isoDateTime });
export type Allocation = z.infer<typeof allocation>;

export const entitlementInput = z.object({
  productId: slug,
  description: optionalText(512),
  metric: licenceMetric,
  /** Units of the metric; absent for site/unlimited. */
  quantity: z.number().int().min(0).max(100_000_000).optional(),
  /** The release licensed; absent means any release. */
  release: optionalText(64),
  /** Also covers earlier releases of the product. */
  downgradeRights: z.boolean().default(false),
  /** Editions covered; absent means any edition. */
  editions: z.array(text(128).min(1)).max(32).optional(),
  minCoresPerProcessor: z.number().int().min(1).max(1024).optional(),
  minCoresPerDevice: z.number().int().min(1).max(4096).optional(),
  termStart: dateOnly.optional(),
  termEnd: dateOnly.optional(),
  unitCost: money.optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).default('EUR'),
  vendor: optionalText(256),
  contract: optionalText(256),
  /** Write-only: stored sealed, never answered. Replaces the stored keys when given. */
  licenceKeys: z.array(text(512).min(1)).max(10_000).optional(),
  allocations: z.array(allocationInput).max(100_000).optional(),
}).superRefine((e, ctx) => {
  if (e.metric !== 'site' && e.quantity === undefined) ctx.addIssue({ code: 'custom', path: ['quantity'], message: `a ${e.metric} entitlement needs a quantity` });
  if (e.termStart && e.termEnd && e.termEnd < e.termStart) ctx.addIssue({ code: 'custom', path: ['termEnd'], message: 'ends before it starts' });
});
export type EntitlementInput = z.input<typeof entitlementInput>;
export type EntitlementFields = z.infer<typeof entitlementInput>;

export const entitlement = z.object({
  id: z.uuid(),
  productId: z.string(),
  productName: z.string(),
  publisher: z.string(),
  description: z.string().nullable(),
  metric: licenceMetric,
  quantity: z.number().nullable(),
  release: z.string().nullable(),
  downgradeRights: z.boolean(),
  editions: z.array(z.string()).nullable(),
  minCoresPerProcessor: z.number().nullable(),
  minCoresPerDevice: z.number().nullable(),
  termStart: z.string().nullable(),
  termEnd: z.string().nullable(),
  unitCost: z.number().nullable(),
  currency: z.string(),
  vendor: z.string().nullable(),
  contract: z.string().nullable(),
  licenceKeyCount: z.number().int(),
  allocations: z.array(allocation),
  /** Units of this entitlement the last computation used. */
  used: z.number().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Entitlement = z.infer<typeof entitlement>;

export const entitlementListQuery = z.object({
  productId: z.string().optional(),
  vendor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});

export const entitlementUse = z.object({
  entitlementId: z.uuid(),
  metric: licenceMetric,
  quantity: z.number().nullable(),
  used: z.number(),
});

export const licencePosition = z.object({
  productId: z.string(),
  publisher: z.string(),
  product: z.string(),
  /** The metric the shortfall is counted in. */
  metric: licenceMetric,
  /** Units entitled at the date; null when a site licence makes them unlimited. */
  entitled: z.number().nullable(),
  /** Units the installs need under the metric (covered + shortfall). */
  consumed: z.number(),
  covered: z.number(),
  shortfall: z.number(),
  /** Entitled units no install uses; null when unlimited. */
  surplus: z.number().nullable(),
  shortfallCost: z.number().nullable(),
  currency: z.string().nullable(),
  /** Devices with the product installed. */
  installs: z.number().int(),
  unlicensed: z.number().int(),
  shelfware: z.number().int(),
  entitlements: z.array(entitlementUse),
  computedAt: isoDateTime,
});
export type LicencePosition = z.infer<typeof licencePosition>;

export const positionQuery = z.object({
  productId: z.string().optional(),
  vendor: z.string().optional(),
  /** Only products with a shortfall. */
  shortfallOnly: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  asOf: isoDateTime.or(dateOnly).optional(),
});
export const positionList = z.object({
  items: z.array(licencePosition),
  totals: z.object({
    products: z.number().int(),
    productsShort: z.number().int(),
    consumed: z.number(),
    shortfall: z.number(),
    /** The cost of the shortfall of the products with a known price. */
    shortfallCost: z.number(),
    unlicensed: z.number().int(),
    /** Products short of licences with no price to cost them, and their unlicensed installs. */
    unpricedProducts: z.number().int(),
    unpricedInstalls: z.number().int(),
  }),
  asOf: isoDateTime,
});
export type PositionList = z.infer<typeof positionList>;

/** What a shortfall cost leaves out, in the words every screen and report uses; null when nothing. */
export function unpricedNote(totals: Pick<PositionList['totals'], 'unpricedProducts' | 'unpricedInstalls'>): string | null {
  if (totals.unpricedProducts === 0) return null;
  const products = totals.unpricedProducts === 1 ? '1 product' : `${totals.unpricedProducts} products`;
  const installs = totals.unpricedInstalls === 1 ? '1 unlicensed install' : `${totals.unpricedInstalls} unlicensed installs`;
  return `${products} (${installs}) without a price`;
}

/**
 * A price for a product's shortfall, set from the position: the catalogue's list price, or the
 * organisation's own (which comes first); null clears it. An entitlement's unit cost still wins.
 */
export const productPriceInput = z.object({
  source: z.enum(['list', 'organisation']),
  price: z.number().min(0).max(1e11).nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as EUR').default('EUR'),
}).strict();
export type ProductPriceInput = z.input<typeof productPriceInput>;

export const unlicensedInstall = z.object({
  productId: z.string(),
  deviceId: z.uuid(),
  hostname: z.string(),
  deviceKind: z.enum(['agent', 'snmp', 'ssh']),
  user: z.string().nullable(),
  release: z.string().nullable(),
  edition: z.string().nullable(),
  units: z.number(),
  source: z.string(),
  rawName: z.string(),
  rawVersion: z.string().nullable(),
  firstSeen: isoDateTime,
  lastSeen: isoDateTime,
});
export type UnlicensedInstall = z.infer<typeof unlicensedInstall>;

export const positionHistoryPoint = z.object({
  time: isoDateTime,
  productId: z.string(),
  entitled: z.number().nullable(),
  consumed: z.number(),
  shortfall: z.number(),
  shortfallCost: z.number().nullable(),
});
/** The estate's whole licence position at one moment: every product's last known position added up. */
export const licenceTrendPoint = z.object({
  time: isoDateTime,
  consumed: z.number(),
  shortfall: z.number(),
  shortfallCost: z.number(),
  installs: z.number().int(),
  unlicensed: z.number().int(),
  productsShort: z.number().int(),
  unpricedProducts: z.number().int(),
  unpricedInstalls: z.number().int(),
});
export type LicenceTrendPoint = z.infer<typeof licenceTrendPoint>;
export const licenceTrendQuery = z.object({
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  /** Every recomputation, or the position at the end of each day. */
  granularity: z.enum(['moment', 'day']).default('moment'),
});
export const licenceTrend = z.object({ items: z.array(licenceTrendPoint) });

export const historyQuery = z.object({
  productId: z.string().optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
});

export const findingType = z.enum(['unregistered', 'missing', 'mismatch', 'ambiguous', 'duplicate']);
export type FindingType = z.infer<typeof findingType>;
export const findingState = z.enum(['open', 'acknowledged', 'resolved', 'dismissed']);
export type FindingState = z.infer<typeof findingState>;
/** What a mismatch is about. */
export const mismatchKind = z.enum(['serial', 'model', 'assignee-elsewhere', 'location']);

export const finding = z.object({
  id: z.uuid(),
  type: findingType,
  subtype: z.string().nullable(),
  state: findingState,
  deviceId: z.uuid().nullable(),
  assetId: z.uuid().nullable(),
  /** The tag of the asset the finding is about or, once resolved by a link, went to. */
  assetTag: z.string().nullable().optional(),
  summary: z.string(),
  details: z.record(z.string(), z.unknown()),
  reason: z.string().nullable(),
  firstDetected: isoDateTime,
  lastDetected: isoDateTime,
  resolvedAt: isoDateTime.nullable(),
  updatedBy: z.string().nullable(),
});
export type Finding = z.infer<typeof finding>;

export const findingListQuery = z.object({
  type: findingType.optional(),
  state: findingState.optional(),
  deviceId: z.uuid().optional(),
  assetId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const findingList = z.object({ items: z.array(finding), total: z.number().int() });

/** What a person may do with a finding. */
export const findingAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('acknowledge') }),
  z.object({ action: z.literal('dismiss'), reason: text(1024).min(3) }),
  z.object({ action: z.literal('reopen') }),
  z.object({ action: z.literal('link'), assetId: z.uuid() }),
  z.object({
    action: z.literal('register'),
    /** The new asset; its name and serial default to what the device reports, its status to deployed. */
    asset: assetInput.omit({ deviceId: true, status: true }).partial({ name: true }).extend({ status: initialAssetStatus.default('deployed') }),
  }),
]);
export type FindingAction = z.infer<typeof findingAction>;

export const identityKey = z.enum(['hardware_uuid', 'serial', 'mac', 'fqdn', 'hostname']);
export type IdentityKey = z.infer<typeof identityKey>;

export const reconcileSettings = z.object({
  /** Strongest first; keys left out are not used. */
  identityKeys: z.array(identityKey).min(1).max(5).default(['hardware_uuid', 'serial', 'mac', 'fqdn', 'hostname']),
  /** An allocation whose target has not used the product for this many days is shelfware. */
  shelfwareAfterDays: z.number().int().min(1).max(3650).default(90),
  fullIntervalMinutes: z.number().int().min(1).max(10_080).default(60),
}).strict();
export type ReconcileSettings = z.infer<typeof reconcileSettings>;

/** Who the reports are for: printed at the head of every compliance report; empty leaves it out. */
export const organisationSettings = z.object({ name: text(200).default('') }).strict();
export type OrganisationSettings = z.infer<typeof organisationSettings>;

export const reconcileReportFormat = z.enum(['csv', 'pdf', 'html']);
/** The flat tables a report's CSV download can be: one per download, or all of them in a zip. */
export const licenceReportTable = z.enum(['positions', 'installs', 'entitlements', 'rules', 'departments']);
export const deviceReportTable = z.enum(['findings', 'links']);
export const licenceReportGrouping = z.enum(['product', 'vendor', 'department']);
export const licenceReportQuery = z.object({
  format: reconcileReportFormat.default('html'),
  asOf: isoDateTime.or(dateOnly).optional(),
  groupBy: licenceReportGrouping.default('product'),
  /** With CSV: the one table wanted; without it, a zip of every table. */
  table: licenceReportTable.optional(),
});
export const deviceReportQuery = z.object({ format: reconcileReportFormat.default('html'), table: deviceReportTable.optional() });

export const reconcileRun = z.object({
  devices: z.number().int(),
  titles: z.number().int(),
  newTitles: z.number().int(),
  /** Titles normalised again because the rules changed. */
  normalised: z.number().int(),
  installs: z.number().int(),
  products: z.number().int(),
  findingsOpen: z.number().int(),
  milliseconds: z.number(),
});
export type ReconcileRun = z.infer<typeof reconcileRun>;

/** A full reconciliation asked for over the API: it answers at once with this, to be polled. */
export const reconcileJob = z.object({
  id: z.uuid(),
  state: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  requestedBy: z.string().nullable(),
  /** Where to poll the job. */
  poll: z.string(),
  /** The run's figures once it is done. */
  result: reconcileRun.nullable(),
  /** Why it failed or was cancelled. */
  error: z.string().nullable(),
  /** Above one: the collector running it stopped, and another took it up. */
  attempts: z.number().int(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type ReconcileJob = z.infer<typeof reconcileJob>;
export const reconcileRunQuery = z.object({
  /** Holds the request until the run is over and answers its figures, as before runs became jobs. */
  wait: z.enum(['true', 'false']).default('false'),
});
