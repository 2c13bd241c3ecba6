import type { FieldSpec, RecordTable } from './record-table.js';
import { pathOf, subtreeIds } from './tree-sql.js';

/** The columns every register table has. */
const common: Record<string, FieldSpec> = {
  id: { column: 'id', type: 'uuid', readOnly: true },
  createdAt: { column: 'created_at', type: 'timestamptz', readOnly: true },
  updatedAt: { column: 'updated_at', type: 'timestamptz', readOnly: true },
};
const text = (column: string): FieldSpec => ({ column, type: 'text' });
const uuid = (column: string): FieldSpec => ({ column, type: 'uuid' });
const int = (column: string): FieldSpec => ({ column, type: 'int' });
const numeric = (column: string): FieldSpec => ({ column, type: 'numeric' });
const jsonb = (column: string): FieldSpec => ({ column, type: 'jsonb' });
const bool = (column: string): FieldSpec => ({ column, type: 'bool' });
const created = { createdAt: 't.created_at' };

export const categoriesTable: RecordTable = {
  table: 'register_categories',
  objectType: 'category',
  fields: {
    ...common,
    key: { column: 'key', type: 'text', readOnly: true },
    name: text('name'),
    parentId: uuid('parent_id'),
    kind: text('kind'),
    description: text('description'),
    customFields: jsonb('custom_fields'),
    depreciation: jsonb('depreciation'),
    missingAfterDays: int('missing_after_days'),
    tracksExpiry: bool('tracks_expiry'),
  },
  computed: {
    path: pathOf('register_categories', 't.id'),
    assetCount: '(select count(*)::int from register_assets a where a.category_id = t.id)',
  },
  sorts: { name: 'lower(t.name)', kind: 't.kind', ...created },
  filters: {
    kind: (p) => `t.kind = any(${p}::text[])`,
    parentId: (p) => `t.parent_id = any(${p}::uuid[])`,
  },
};

export const manufacturersTable: RecordTable = {
  table: 'register_manufacturers',
  objectType: 'manufacturer',
  fields: {
    ...common,
    name: text('name'),
    url: text('url'),
    supportUrl: text('support_url'),
    supportEmail: text('support_email'),
    supportPhone: text('support_phone'),
    notes: text('notes'),
  },
  sorts: { name: 'lower(t.name)', ...created },
  filters: {},
};

export const vendorsTable: RecordTable = {
  table: 'register_vendors',
  objectType: 'vendor',
  fields: {
    ...common,
    name: text('name'),
    contactName: text('contact_name'),
    email: text('email'),
    phone: text('phone'),
    url: text('url'),
    address: text('address'),
    accountNumber: text('account_number'),
    notes: text('notes'),
  },
  sorts: { name: 'lower(t.name)', ...created },
  filters: {},
};

export const modelsTable: RecordTable = {
  table: 'register_models',
  objectType: 'model',
  fields: {
    ...common,
    name: text('name'),
    modelNumber: text('model_number'),
    categoryId: uuid('category_id'),
    manufacturerId: uuid('manufacturer_id'),
    eolMonths: int('eol_months'),
    depreciation: jsonb('depreciation'),
    replacementCost: numeric('replacement_cost'),
    currency: text('currency'),
    notes: text('notes'),
  },
  joins: `left join register_categories c on c.id = t.category_id
          left join register_manufacturers mf on mf.id = t.manufacturer_id`,
  computed: { categoryName: 'c.name', manufacturerName: 'mf.name' },
  sorts: { name: 'lower(t.name)', modelNumber: 'lower(t.model_number)', eolMonths: 't.eol_months', ...created },
  filters: {
    categoryId: (p) => `t.category_id in (${subtreeIds('register_categories', p)})`,
    manufacturerId: (p) => `t.manufacturer_id = any(${p}::uuid[])`,
  },
};

export const locationsTable: RecordTable = {
  table: 'register_locations',
  objectType: 'location',
  fields: {
    ...common,
    name: text('name'),
    parentId: uuid('parent_id'),
    kind: text('kind'),
    address: text('address'),
    notes: text('notes'),
  },
  computed: { path: pathOf('register_locations', 't.id') },
  sorts: { name: 'lower(t.name)', kind: 't.kind', ...created },
  filters: {
    parentId: (p) => `t.parent_id = any(${p}::uuid[])`,
    kind: (p) => `t.kind = any(${p}::text[])`,
  },
};

export const departmentsTable: RecordTable = {
  table: 'register_departments',
  objectType: 'department',
  fields: {
    ...common,
    name: text('name'),
    parentId: uuid('parent_id'),
    costCentre: text('cost_centre'),
    managerId: uuid('manager_id'),
    locationId: uuid('location_id'),
    notes: text('notes'),
  },
  sorts: { name: 'lower(t.name)', costCentre: 't.cost_centre', ...created },
  filters: { parentId: (p) => `t.parent_id = any(${p}::uuid[])` },
};

export const peopleTable: RecordTable = {
  table: 'register_people',
  objectType: 'person',
  fields: {
    ...common,
    name: text('name'),
    email: text('email'),
    username: text('username'),
    employeeNumber: text('employee_number'),
    title: text('title'),
    phone: text('phone'),
    departmentId: uuid('department_id'),
    locationId: uuid('location_id'),
    active: bool('active'),
    notes: text('notes'),
  },
  joins: 'left join register_departments d on d.id = t.department_id',
  computed: { departmentName: 'd.name' },
  sorts: { name: 'lower(t.name)', email: 'lower(t.email)', employeeNumber: 't.employee_number', ...created },
  filters: {
    departmentId: (p) => `t.department_id in (${subtreeIds('register_departments', p)})`,
    locationId: (p) => `t.location_id in (${subtreeIds('register_locations', p)})`,
    active: (p) => `t.active = ${p}::boolean`,
  },
};

export const contractsTable: RecordTable = {
  table: 'register_contracts',
  objectType: 'contract',
  fields: {
    ...common,
    kind: text('kind'),
    name: text('name'),
    reference: text('reference'),
    vendorId: uuid('vendor_id'),
    startsOn: { column: 'starts_on', type: 'date' },
    endsOn: { column: 'ends_on', type: 'date' },
    cost: numeric('cost'),
    currency: text('currency'),
    billingPeriod: text('billing_period'),
    autoRenew: bool('auto_renew'),
    noticeDays: int('notice_days'),
    renewalTerms: text('renewal_terms'),
    notes: text('notes'),
  },
  joins: 'left join register_vendors v on v.id = t.vendor_id',
  computed: {
    vendorName: 'v.name',
    assetIds: `coalesce((select array_agg(ca.asset_id order by ca.asset_id) from register_contract_assets ca where ca.contract_id = t.id), '{}')`,
  },
  sorts: { endsOn: 't.ends_on', startsOn: 't.starts_on', name: 'lower(t.name)', cost: 't.cost', ...created },
  filters: {
    kind: (p) => `t.kind = any(${p}::text[])`,
    vendorId: (p) => `t.vendor_id = any(${p}::uuid[])`,
    assetId: (p) => `t.id in (select contract_id from register_contract_assets where asset_id = any(${p}::uuid[]))`,
    endsBefore: (p) => `t.ends_on <= ${p}::date`,
  },
};
