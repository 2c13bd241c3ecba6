import { z } from 'zod';
import { pageQuery } from './api.js';
import { linkedDevice } from './asset-link.js';
import { acceptanceState, devicePosition } from './register-field-work.js';
import { isoDate, isoDateTime, optionalWebLink, text } from './text.js';
import type { Role } from './permissions.js';

/*
 * The asset register: what the organisation owns or pays for, where it is, who holds it, what it is
 * worth and where it is in its life. Every object here is read and written through
 * /api/v1/register/...; lists share one query shape (search, filters, sort, page).
 */

const optionalId = z.uuid().nullable().optional();
const money = z.number().min(0).max(1e12);
const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR');
const notes = text(8000).nullable().optional();
const name = text(256).trim().min(1);
const optionalText = (max = 256) => text(max).nullable().optional();

/**
 * The body of a PATCH: every field optional and no defaults, so a field left out stays as stored
 * (zod applies defaults even inside .partial()).
 */
export function patchOf<T extends z.ZodRawShape>(schema: z.ZodObject<T>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [key, field instanceof z.ZodDefault ? field.unwrap() : field]),
  );
  return z.object(shape).partial() as unknown as ReturnType<z.ZodObject<T>['partial']>;
}

// ---------------------------------------------------------------- lifecycle

export const assetStatus = z.enum([
  'requested', 'approved', 'ordered', 'received', 'in_stock', 'deployed', 'in_repair', 'retired', 'disposed', 'lost', 'stolen',
]);
export type AssetStatus = z.infer<typeof assetStatus>;

/**
 * Where an asset may go from each status. Lost and stolen items come back through in_stock when
 * found; retired ones may be restocked or disposed of; disposed is final.
 */
export const ASSET_TRANSITIONS: Record<AssetStatus, readonly AssetStatus[]> = {
  requested: ['approved', 'retired'],
  approved: ['ordered', 'requested', 'retired'],
  ordered: ['received', 'retired'],
  received: ['in_stock', 'deployed', 'in_repair', 'retired'],
  in_stock: ['deployed', 'in_repair', 'retired', 'lost', 'stolen'],
  deployed: ['in_stock', 'in_repair', 'retired', 'lost', 'stolen'],
  in_repair: ['in_stock', 'deployed', 'retired', 'lost', 'stolen'],
  retired: ['in_stock', 'disposed', 'lost', 'stolen'],
  lost: ['in_stock', 'retired'],
  stolen: ['in_stock', 'retired'],
  disposed: [],
};

export function transitionAllowed(from: AssetStatus, to: AssetStatus): boolean {
  return ASSET_TRANSITIONS[from].includes(to);
}

/** Statuses a new asset may be registered in: anything but disposed, which needs its sanitisation first. */
export const initialAssetStatus = assetStatus.exclude(['disposed']);

// ---------------------------------------------------------------- custom fields and depreciation

export const customFieldType = z.enum(['text', 'number', 'date', 'boolean', 'enum']);
export const customFieldDefinition = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'must be lower case letters, digits and _ starting with a letter'),
    label: text(128).min(1),
    type: customFieldType,
    required: z.boolean().default(false),
    options: z.array(text(128).min(1)).max(200).optional(),
    help: text(512).optional(),
  })
  .refine((f) => f.type !== 'enum' || (f.options?.length ?? 0) > 0, { message: 'an enum field needs options', path: ['options'] });
export type CustomFieldDefinition = z.infer<typeof customFieldDefinition>;

export const customFieldValue = z.union([text(4000), z.number(), z.boolean(), z.null()]);
export const customFieldValues = z.record(z.string().max(63), customFieldValue);
export type CustomFieldValues = z.infer<typeof customFieldValues>;

export const depreciationMethod = z.enum(['straight_line', 'declining_balance']);
export type DepreciationMethod = z.infer<typeof depreciationMethod>;
export const depreciationProfile = z.object({
  method: depreciationMethod,
  usefulLifeMonths: z.number().int().min(1).max(1200),
  /** Value left at the end of the useful life, as a share of the cost. */
  salvagePercent: z.number().min(0).max(100).default(0),
  /** Declining balance only: the multiple of the straight-line rate (2 = double declining). */
  decliningFactor: z.number().min(1).max(4).default(2),
});
export type DepreciationProfile = z.infer<typeof depreciationProfile>;

// ---------------------------------------------------------------- reference objects

export const categoryKind = z.enum(['hardware', 'software', 'digital', 'cloud', 'networking', 'licence', 'agreement', 'telecom', 'other']);
export const categoryInput = z.object({
  name,
  parentId: optionalId,
  kind: categoryKind,
  description: optionalText(2000),
  customFields: z.array(customFieldDefinition).max(100).default([]),
  depreciation: depreciationProfile.nullable().optional(),
  /** Reconciliation calls an asset missing when discovery has not seen it for this many days. */
  missingAfterDays: z.number().int().min(1).max(3650).default(14),
  /** Items that lapse on a date (domains, certificates, subscriptions) rather than wear out. */
  tracksExpiry: z.boolean().default(false),
});
export const categoryRecord = categoryInput.extend({
  id: z.uuid(), key: z.string().nullable(), path: z.string(), assetCount: z.number().int(),
  parentId: z.uuid().nullable(), createdAt: isoDateTime, updatedAt: isoDateTime,
});
export type CategoryRecord = z.infer<typeof categoryRecord>;

export const manufacturerInput = z.object({
  name, url: optionalWebLink(), supportUrl: optionalWebLink(), supportEmail: optionalText(256), supportPhone: optionalText(64), notes,
});
export const manufacturerRecord = manufacturerInput.extend({ id: z.uuid(), createdAt: isoDateTime, updatedAt: isoDateTime });

export const vendorInput = z.object({
  name, contactName: optionalText(), email: optionalText(), phone: optionalText(64), url: optionalWebLink(), address: optionalText(1000),
  accountNumber: optionalText(128), notes,
});
export const vendorRecord = vendorInput.extend({ id: z.uuid(), createdAt: isoDateTime, updatedAt: isoDateTime });

export const modelInput = z.object({
  name,
  modelNumber: optionalText(128),
  categoryId: z.uuid(),
  manufacturerId: optionalId,
  /** Months from purchase to end of life; the replacement plan counts from it. */
  eolMonths: z.number().int().min(1).max(1200).nullable().optional(),
  depreciation: depreciationProfile.nullable().optional(),
  replacementCost: money.nullable().optional(),
  currency: currencyCode.nullable().optional(),
  notes,
});
export const assetModel = modelInput.extend({
  id: z.uuid(), categoryName: z.string(), manufacturerName: z.string().nullable(), createdAt: isoDateTime, updatedAt: isoDateTime,
});

export const locationKind = z.enum(['site', 'building', 'floor', 'room', 'other']);
export const locationInput = z.object({
  name, parentId: optionalId, kind: locationKind.default('other'), address: optionalText(1000), notes,
});
export const locationRecord = locationInput.extend({
  id: z.uuid(), parentId: z.uuid().nullable(), path: z.string(), createdAt: isoDateTime, updatedAt: isoDateTime,
});

export const departmentInput = z.object({
  name, parentId: optionalId, costCentre: optionalText(64), managerId: optionalId, locationId: optionalId, notes,
});
export const departmentRecord = departmentInput.extend({ id: z.uuid(), createdAt: isoDateTime, updatedAt: isoDateTime });

export const personInput = z.object({
  name,
  email: optionalText(),
  username: optionalText(128),
  employeeNumber: optionalText(64),
  title: optionalText(),
  phone: optionalText(64),
  departmentId: optionalId,
  locationId: optionalId,
  active: z.boolean().default(true),
  notes,
});
export const personRecord = personInput.extend({
  id: z.uuid(), departmentName: z.string().nullable(), createdAt: isoDateTime, updatedAt: isoDateTime,
});

// ---------------------------------------------------------------- assets

export const assignmentTargetType = z.enum(['person', 'department', 'location', 'asset']);
export type AssignmentTargetType = z.infer<typeof assignmentTargetType>;

export const assetInput = z.object({
  /** Left out, the register numbers the asset from its tag pattern. */
  tag: text(64).trim().min(1).optional(),
  name,
  categoryId: z.uuid(),
  modelId: optionalId,
  serial: optionalText(128),
  status: initialAssetStatus.default('in_stock'),
  locationId: optionalId,
  departmentId: optionalId,
  vendorId: optionalId,
  purchaseDate: isoDate.nullable().optional(),
  purchaseCost: money.nullable().optional(),
  currency: currencyCode.nullable().optional(),
  orderNumber: optionalText(128),
  invoiceNumber: optionalText(128),
  warrantyExpires: isoDate.nullable().optional(),
  /** When the item itself lapses: domain registration, certificate, subscription term. */
  expiresOn: isoDate.nullable().optional(),
  eolDate: isoDate.nullable().optional(),
  depreciation: depreciationProfile.nullable().optional(),
  /** The discovered device this asset is: written as a person's link, read from the link whichever way it was made. */
  deviceId: optionalId,
  notes,
  customFields: customFieldValues.default({}),
});
export type AssetInput = z.infer<typeof assetInput>;
/** Status changes go through transitions, never through an edit. */
export const assetPatch = patchOf(assetInput.omit({ status: true }));
export type AssetPatch = z.infer<typeof assetPatch>;

export const assignmentRef = z.object({ type: assignmentTargetType, id: z.uuid(), name: z.string() });
export const asset = assetInput.extend({
  id: z.uuid(),
  tag: z.string(),
  status: assetStatus,
  categoryName: z.string(),
  modelName: z.string().nullable(),
  manufacturerName: z.string().nullable(),
  locationName: z.string().nullable(),
  assignedTo: assignmentRef.nullable(),
  linkedDevice: linkedDevice.nullable().optional(),
  expectedReturn: isoDate.nullable(),
  lastAuditedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Asset = z.infer<typeof asset>;

// ---------------------------------------------------------------- lists

const idList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v),
  z.array(z.uuid()).min(1).max(100),
);
const enumList = <T extends z.ZodEnum>(e: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(e).min(1));
const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

function listQuery<const S extends readonly [string, ...string[]], F extends z.ZodRawShape>(sorts: S, filters: F) {
  return pageQuery.extend({ sort: z.enum(sorts).default(sorts[0] as S[0]), order: z.enum(['asc', 'desc']).default('asc'), ...filters });
}

export const assetListQuery = listQuery(
  ['tag', 'name', 'status', 'serial', 'purchaseDate', 'purchaseCost', 'warrantyExpires', 'expiresOn', 'lastAuditedAt', 'createdAt', 'updatedAt'],
  {
    status: enumList(assetStatus).optional(),
    /** Category and location filters take in their sub-categories and sub-locations. */
    categoryId: idList.optional(),
    modelId: idList.optional(),
    manufacturerId: idList.optional(),
    locationId: idList.optional(),
    departmentId: idList.optional(),
    vendorId: idList.optional(),
    /** The asset a discovered device is recorded as. */
    deviceId: idList.optional(),
    assignedPersonId: idList.optional(),
    assigned: booleanQuery.optional(),
    purchasedFrom: isoDate.optional(),
    purchasedTo: isoDate.optional(),
    expiresBefore: isoDate.optional(),
  },
);
export type AssetListQuery = z.infer<typeof assetListQuery>;

export const categoryListQuery = listQuery(['name', 'kind', 'createdAt'], { kind: enumList(categoryKind).optional(), parentId: idList.optional() });
export const manufacturerListQuery = listQuery(['name', 'createdAt'], {});
export const vendorListQuery = listQuery(['name', 'createdAt'], {});
export const modelListQuery = listQuery(['name', 'modelNumber', 'eolMonths', 'createdAt'], {
  categoryId: idList.optional(), manufacturerId: idList.optional(),
});
export const locationListQuery = listQuery(['name', 'kind', 'createdAt'], { parentId: idList.optional(), kind: enumList(locationKind).optional() });
export const departmentListQuery = listQuery(['name', 'costCentre', 'createdAt'], { parentId: idList.optional() });
export const personListQuery = listQuery(['name', 'email', 'employeeNumber', 'createdAt'], {
  departmentId: idList.optional(), locationId: idList.optional(), active: booleanQuery.optional(),
});

export function listAnswer<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    /** Rows matching; a filtered list counts at most 1,000 rows past its page. */
    total: z.number().int(),
    /** True when more rows match than were counted: `total` is then a lower bound. */
    totalCapped: z.boolean(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}

// ---------------------------------------------------------------- transitions, acquisition, disposal

export const receivingInspection = z.object({
  passed: z.boolean(),
  notes: optionalText(2000),
  inspectedOn: isoDate.optional(),
});

export const acquisitionInput = z.object({
  justification: optionalText(4000),
  poNumber: optionalText(128),
  invoiceNumber: optionalText(128),
  cost: money.nullable().optional(),
  currency: currencyCode.nullable().optional(),
  vendorId: optionalId,
  inspection: receivingInspection.nullable().optional(),
});
export const acquisition = acquisitionInput.extend({
  assetId: z.uuid(),
  requestedBy: z.string().nullable(),
  requestedAt: isoDateTime.nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: isoDateTime.nullable(),
  orderedAt: isoDateTime.nullable(),
  receivedAt: isoDateTime.nullable(),
});
export type Acquisition = z.infer<typeof acquisition>;
export type AcquisitionInput = z.infer<typeof acquisitionInput>;

/** A new asset, with its purchase request details when it starts as requested. */
export const assetCreateRequest = assetInput.extend({ acquisition: acquisitionInput.optional() });
export type AssetCreateRequest = z.infer<typeof assetCreateRequest>;

export const sanitisationMethod = z.enum([
  'crypto_erase', 'overwrite', 'degauss', 'physical_destruction', 'vendor_certified', 'no_data_bearing',
]);
export const sanitisationInput = z.object({
  method: sanitisationMethod,
  certificateRef: optionalText(256),
  recycler: optionalText(256),
  performedOn: isoDate,
  performedBy: text(256).min(1),
  notes,
});
export const sanitisation = sanitisationInput.extend({ assetId: z.uuid(), recordedBy: z.string(), recordedAt: isoDateTime });

export const transitionRequest = z.object({
  to: assetStatus,
  reason: text(2000).trim().min(1),
  acquisition: acquisitionInput.optional(),
  sanitisation: sanitisationInput.optional(),
});
export type TransitionRequest = z.infer<typeof transitionRequest>;

export const transitionRecord = z.object({
  id: z.number().int(), assetId: z.uuid(), fromStatus: assetStatus.nullable(), toStatus: assetStatus,
  at: isoDateTime, by: z.string(), reason: z.string(),
});

// ---------------------------------------------------------------- check-out / check-in

export const checkoutRequest = z.object({
  target: z.object({ type: assignmentTargetType, id: z.uuid() }),
  expectedReturn: isoDate.nullable().optional(),
  note: optionalText(2000),
  /** Sends the person a link to accept the check-out (people only). */
  requestAcceptance: z.boolean().optional(),
  position: devicePosition.optional(),
});
export const checkinRequest = z.object({
  note: optionalText(2000),
  /** Where the item goes back to; in_repair when it came back broken. */
  status: z.enum(['in_stock', 'in_repair']).default('in_stock'),
  locationId: optionalId,
});
export const assignment = z.object({
  id: z.uuid(),
  assetId: z.uuid(),
  assetTag: z.string(),
  assetName: z.string(),
  target: assignmentRef,
  checkedOutAt: isoDateTime,
  checkedOutBy: z.string(),
  expectedReturn: isoDate.nullable(),
  checkedInAt: isoDateTime.nullable(),
  checkedInBy: z.string().nullable(),
  note: z.string().nullable(),
  overdue: z.boolean(),
  acceptance: z.object({
    state: acceptanceState, expiresAt: isoDateTime.nullable(), answeredAt: isoDateTime.nullable(), note: z.string().nullable(),
  }).nullable(),
});
export type Assignment = z.infer<typeof assignment>;
export const assignmentListQuery = listQuery(['checkedOutAt', 'expectedReturn', 'checkedInAt'], {
  assetId: idList.optional(),
  personId: idList.optional(),
  targetId: idList.optional(),
  open: booleanQuery.optional(),
  overdue: booleanQuery.optional(),
  /** Who held what at this instant. */
  at: isoDateTime.optional(),
  acceptance: acceptanceState.optional(),
});

// ---------------------------------------------------------------- maintenance

export const maintenanceScheduleInput = z
  .object({
    assetId: optionalId,
    modelId: optionalId,
    title: name,
    intervalDays: z.number().int().min(1).max(36_500).nullable().optional(),
    intervalMonths: z.number().int().min(1).max(1200).nullable().optional(),
    /** A cron expression (5 or 6 fields) for calendar schedules such as "first Monday of the quarter". */
    cron: text(128).nullable().optional(),
    startsOn: isoDate,
    vendorId: optionalId,
    estimatedCost: money.nullable().optional(),
    active: z.boolean().default(true),
    notes,
  })
  .refine((s) => Boolean(s.assetId) !== Boolean(s.modelId), { message: 'give either assetId or modelId', path: ['assetId'] })
  .refine((s) => [s.intervalDays, s.intervalMonths, s.cron].filter((v) => v != null).length === 1, {
    message: 'give exactly one of intervalDays, intervalMonths, cron', path: ['intervalDays'],
  });
export const maintenanceSchedule = z.object({
  id: z.uuid(), assetId: z.uuid().nullable(), modelId: z.uuid().nullable(), title: z.string(),
  intervalDays: z.number().int().nullable(), intervalMonths: z.number().int().nullable(), cron: z.string().nullable(),
  startsOn: isoDate, vendorId: z.uuid().nullable(), estimatedCost: z.number().nullable(), active: z.boolean(), notes: z.string().nullable(),
  createdAt: isoDateTime, updatedAt: isoDateTime,
});
export type MaintenanceSchedule = z.infer<typeof maintenanceSchedule>;

export const workOrderStatus = z.enum(['open', 'in_progress', 'done', 'cancelled']);
export const workOrderInput = z.object({
  assetId: z.uuid(),
  scheduleId: optionalId,
  title: name,
  kind: z.enum(['preventive', 'corrective', 'upgrade', 'inspection']).default('preventive'),
  vendorId: optionalId,
  status: workOrderStatus.default('open'),
  openedOn: isoDate.optional(),
  dueOn: isoDate.nullable().optional(),
  completedOn: isoDate.nullable().optional(),
  cost: money.nullable().optional(),
  currency: currencyCode.nullable().optional(),
  outcome: optionalText(4000),
  notes,
});
export const workOrderPatch = patchOf(workOrderInput.omit({ assetId: true }));
export const workOrder = workOrderInput.extend({
  id: z.uuid(), assetTag: z.string(), openedOn: isoDate, createdAt: isoDateTime, updatedAt: isoDateTime,
});
export const workOrderListQuery = listQuery(['openedOn', 'dueOn', 'completedOn', 'cost'], {
  assetId: idList.optional(), status: enumList(workOrderStatus).optional(), vendorId: idList.optional(), scheduleId: idList.optional(),
});
export const scheduleListQuery = listQuery(['title', 'startsOn', 'createdAt'], { assetId: idList.optional(), modelId: idList.optional() });

export const maintenanceDue = z.object({
  scheduleId: z.uuid(), title: z.string(), assetId: z.uuid(), assetTag: z.string(), assetName: z.string(),
  lastDoneOn: isoDate.nullable(), dueOn: isoDate, overdue: z.boolean(), daysOverdue: z.number().int(),
});
export type MaintenanceDue = z.infer<typeof maintenanceDue>;
export const maintenanceDueQuery = z.object({
  /** Everything due up to this many days from today (overdue items always included). */
  withinDays: z.coerce.number().int().min(0).max(3650).default(30),
  on: isoDate.optional(),
  overdueOnly: booleanQuery.optional(),
});

// ---------------------------------------------------------------- depreciation

export const bookValue = z.object({
  assetId: z.uuid(), at: isoDate, method: depreciationMethod.nullable(), cost: z.number().nullable(), currency: z.string().nullable(),
  salvageValue: z.number().nullable(), usefulLifeMonths: z.number().int().nullable(), bookValue: z.number().nullable(),
  accumulatedDepreciation: z.number().nullable(), fullyDepreciatedOn: isoDate.nullable(), eolDate: isoDate.nullable(),
});
export type BookValue = z.infer<typeof bookValue>;
export const bookValueQuery = z.object({ at: isoDate.optional() });
export const bookValueSummaryQuery = z.object({ at: isoDate.optional(), groupBy: z.enum(['category', 'department']).default('category') });
export const bookValueGroup = z.object({
  id: z.uuid().nullable(), name: z.string(), currency: z.string().nullable(), assets: z.number().int(), cost: z.number(), bookValue: z.number(),
});
export const replacementPlanQuery = z.object({ months: z.coerce.number().int().min(1).max(240).default(12), from: isoDate.optional() });
export const replacementItem = z.object({
  assetId: z.uuid(), tag: z.string(), name: z.string(), modelName: z.string().nullable(), eolDate: isoDate,
  replacementCost: z.number().nullable(), currency: z.string().nullable(),
});

// ---------------------------------------------------------------- contracts

export const contractKind = z.enum(['support', 'lease', 'saas', 'service', 'warranty', 'maintenance', 'licence', 'other']);
export const contractInput = z.object({
  kind: contractKind,
  name,
  reference: optionalText(128),
  vendorId: optionalId,
  startsOn: isoDate,
  endsOn: isoDate.nullable().optional(),
  cost: money.nullable().optional(),
  currency: currencyCode.nullable().optional(),
  billingPeriod: z.enum(['once', 'monthly', 'quarterly', 'yearly']).default('yearly'),
  autoRenew: z.boolean().default(false),
  noticeDays: z.number().int().min(0).max(3650).nullable().optional(),
  renewalTerms: optionalText(4000),
  notes,
  assetIds: z.array(z.uuid()).max(10_000).default([]),
});
export const contractRecord = contractInput.extend({
  id: z.uuid(), vendorName: z.string().nullable(), createdAt: isoDateTime, updatedAt: isoDateTime,
});
export const contractListQuery = listQuery(['endsOn', 'startsOn', 'name', 'cost', 'createdAt'], {
  kind: enumList(contractKind).optional(), vendorId: idList.optional(), assetId: idList.optional(), endsBefore: isoDate.optional(),
});

// ---------------------------------------------------------------- physical audits

export const auditRoundInput = z.object({
  locationId: z.uuid(), includeSublocations: z.boolean().default(true), note: optionalText(2000),
});
export const auditScanInput = z.object({
  tag: text(64).trim().min(1),
  /** Where the tag was scanned, when more precise than the round's location (a room within a building). */
  locationId: optionalId,
  position: devicePosition.optional(),
});
export const auditRound = z.object({
  id: z.uuid(), locationId: z.uuid(), locationName: z.string(), includeSublocations: z.boolean(), note: z.string().nullable(),
  startedAt: isoDateTime, startedBy: z.string(), closedAt: isoDateTime.nullable(), closedBy: z.string().nullable(), scans: z.number().int(),
});
export const auditAssetRef = z.object({
  assetId: z.uuid(), tag: z.string(), name: z.string(), recordedLocation: z.string().nullable(), scannedLocation: z.string().nullable(),
});
export const auditResult = z.object({
  round: auditRound,
  expectedNotFound: z.array(auditAssetRef),
  foundNotExpected: z.array(auditAssetRef),
  foundWrongPlace: z.array(auditAssetRef),
  unknownTags: z.array(z.string()),
});
export type AuditResult = z.infer<typeof auditResult>;
export const auditCloseRequest = z.object({
  /** Moves the assets found in the wrong place to where they were scanned. */
  relocateFound: z.boolean().default(false),
});

// ---------------------------------------------------------------- labels

export const labelLayout = z.enum(['avery-l7163', 'dymo-99012', '2x1in']);
export type LabelLayout = z.infer<typeof labelLayout>;
/**
 * The most labels one sheet may hold, by role: a sheet of 2,000 takes the collector tens of seconds
 * to draw, so the roles that only read the register print smaller sheets.
 */
export const LABEL_SHEET_LIMITS: Record<Role, number> = { admin: 2000, itadmin: 2000, compliance: 200, helpdesk: 200, auditor: 200 };

export const labelRequest = z.object({
  assetIds: z.array(z.uuid()).min(1).max(2000),
  layout: labelLayout.default('avery-l7163'),
  /** The organisation's name printed on each label. */
  heading: text(64).optional(),
});

/**
 * Sheets with more labels than this are drawn as a job: the request answers 202 with the job to
 * poll, and the PDF is fetched from it once done. Smaller sheets come back in the answer.
 */
export const LABEL_JOB_THRESHOLD = 200;

export const labelJob = z.object({
  id: z.uuid(),
  state: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  requestedBy: z.string().nullable(),
  /** Labels on the sheet once drawn; assets deleted since the request are left out. */
  result: z.object({ labels: z.number().int(), leftOut: z.number().int(), bytes: z.number().int() }).nullable(),
  error: z.string().nullable(),
  /** Above one: a collector drawing it stopped, and another took it up. */
  attempts: z.number().int(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Where to poll the job, and where the PDF is once it is done. */
  poll: z.string(),
  download: z.string(),
});
export type LabelJob = z.infer<typeof labelJob>;

// ---------------------------------------------------------------- import / export

export const importRowError = z.object({ row: z.number().int(), field: z.string(), message: z.string() });
export type ImportRowError = z.infer<typeof importRowError>;
export const importPreview = z.object({
  importId: z.uuid(),
  fileName: z.string().nullable(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  errorRows: z.number().int(),
  errors: z.array(importRowError),
  /** Header → field, for the columns understood; the rest are listed in ignoredColumns. */
  columns: z.record(z.string(), z.string()),
  ignoredColumns: z.array(z.string()),
  willCreate: z.object({
    manufacturers: z.array(z.string()), models: z.array(z.string()), locations: z.array(z.string()),
    vendors: z.array(z.string()), departments: z.array(z.string()), people: z.array(z.string()),
  }),
  sample: z.array(z.record(z.string(), z.unknown())),
});
export type ImportPreview = z.infer<typeof importPreview>;
/** The asset fields a CSV column can fill. */
export const importField = z.enum([
  'tag', 'name', 'serial', 'category', 'model', 'modelNumber', 'manufacturer', 'status', 'location', 'defaultLocation',
  'department', 'supplier', 'purchaseDate', 'purchaseCost', 'currency', 'orderNumber', 'invoiceNumber', 'warrantyMonths',
  'warrantyExpires', 'expiresOn', 'eolDate', 'notes', 'assigneeName', 'assigneeEmail', 'assigneeUsername', 'assigneeEmployeeNumber',
]);
export type ImportField = z.infer<typeof importField>;
export const importUpload = z.object({
  csv: z.string().min(1).max(64 * 1024 * 1024),
  fileName: text(256).optional(),
  /** Header → field chosen by hand, or "" to ignore the column; headers left out are recognised by name. */
  columns: z.record(z.string().max(256), z.union([importField, z.literal('')])).optional(),
});
export const importCommitRequest = z.object({
  /** With rows in error, nothing is imported unless this is true; then the good rows are, in one transaction. */
  acceptValidRows: z.boolean().default(false),
});
export const importCommitAnswer = z.object({ importId: z.uuid(), imported: z.number().int(), skipped: z.number().int() });

export const exportList = z.enum([
  'assets', 'categories', 'models', 'manufacturers', 'vendors', 'people', 'departments', 'locations', 'contracts',
  'assignments', 'work-orders', 'maintenance-schedules',
]);
export type ExportList = z.infer<typeof exportList>;

// ---------------------------------------------------------------- history and settings

export const registerObjectType = z.enum([
  'asset', 'category', 'model', 'manufacturer', 'vendor', 'person', 'department', 'location', 'contract',
  'maintenance_schedule', 'work_order', 'audit_round', 'settings',
]);
export type RegisterObjectType = z.infer<typeof registerObjectType>;
export const registerHistoryEntry = z.object({
  id: z.number().int(), objectType: registerObjectType, objectId: z.string(), action: z.string(),
  at: isoDateTime, by: z.string().nullable(), before: z.unknown(), after: z.unknown(),
});
export const registerHistoryQuery = pageQuery.extend({
  objectType: registerObjectType.optional(), objectId: z.string().max(64).optional(), order: z.enum(['asc', 'desc']).default('desc'),
});

export const registerSettings = z.object({
  /** Asset tag pattern: literal text with {seq:N} (zero-padded number) and optionally {yyyy}. */
  tagPattern: z.string().max(64).regex(/\{seq(:\d{1,2})?\}/, 'must contain {seq} or {seq:N}'),
});
export type RegisterSettings = z.infer<typeof registerSettings>;

// ---------------------------------------------------------------- attached files

/** Invoices, photos and disposal certificates kept with an asset, in the database. */
export const attachmentKind = z.enum(['invoice', 'photo', 'certificate', 'other']);
export type AttachmentKind = z.infer<typeof attachmentKind>;
/** The file types taken, recognised by their content rather than by the name or the type the browser gives. */
export const attachmentMediaType = z.enum(['application/pdf', 'image/png', 'image/jpeg', 'image/webp', 'image/gif', 'text/plain']);
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const attachmentUpload = z.object({
  fileName: text(256).trim().min(1),
  kind: attachmentKind,
  /** The file's bytes, base64-encoded. */
  content: z.string().min(1).max(Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4 + 4, `must be at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`),
});
export type AttachmentUpload = z.infer<typeof attachmentUpload>;
export const attachment = z.object({
  id: z.uuid(), assetId: z.uuid(), kind: attachmentKind, fileName: z.string(), mediaType: attachmentMediaType,
  size: z.number().int(), uploadedBy: z.string(), uploadedAt: isoDateTime,
});
export type Attachment = z.infer<typeof attachment>;

// ---------------------------------------------------------------- bulk changes

/** The most assets one bulk change may name: a whole site's refresh, still one transaction. */
export const BULK_ASSET_LIMIT = 5_000;

/** The fields a bulk edit may set on every asset named; custom fields are merged into each asset's own. */
export const bulkAssetFields = z
  .object({
    categoryId: z.uuid().optional(),
    modelId: optionalId,
    locationId: optionalId,
    departmentId: optionalId,
    vendorId: optionalId,
    warrantyExpires: isoDate.nullable().optional(),
    eolDate: isoDate.nullable().optional(),
    customFields: customFieldValues.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'name at least one field to set' });
export type BulkAssetFields = z.infer<typeof bulkAssetFields>;

export const bulkAssetAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), to: assetStatus, reason: text(2000).trim().min(1) }),
  z.object({ type: z.literal('set'), values: bulkAssetFields }),
  checkoutRequest.extend({ type: z.literal('checkout') }),
  checkinRequest.extend({ type: z.literal('checkin') }),
]);
export type BulkAssetAction = z.infer<typeof bulkAssetAction>;

/**
 * One change to many assets. It is all or nothing: every asset is checked first, and when any is
 * refused nothing is stored and the answer names each refused asset with its reason.
 */
export const bulkAssetRequest = z.object({
  ids: z.array(z.uuid()).min(1).max(BULK_ASSET_LIMIT)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'names an asset more than once' }),
  action: bulkAssetAction,
});
export type BulkAssetRequest = z.input<typeof bulkAssetRequest>;

export const bulkAssetAnswer = z.object({
  /** Assets the change touched; an asset already as asked (same status, same values) counts too. */
  changed: z.number().int(),
});
export type BulkAssetAnswer = z.infer<typeof bulkAssetAnswer>;
