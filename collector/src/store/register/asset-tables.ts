import { LINKED_DEVICE, LINKED_DEVICE_JSON } from '../reconcile/asset-links.js';
import { oneOf, type RecordTable } from './record-table.js';

/** The name of what an asset is assigned to: a person, department, location or another asset. */
export function holderName(typeColumn: string, idColumn: string): string {
  return `case ${typeColumn}
    when 'person' then (select x.name from register_people x where x.id = ${idColumn})
    when 'department' then (select x.name from register_departments x where x.id = ${idColumn})
    when 'location' then (select x.name from register_locations x where x.id = ${idColumn})
    when 'asset' then (select x.tag || ' ' || x.name from register_assets x where x.id = ${idColumn}) end`;
}

export const assetsTable: RecordTable = {
  table: 'register_assets',
  objectType: 'asset',
  fields: {
    id: { column: 'id', type: 'uuid', readOnly: true },
    tag: { column: 'tag', type: 'text' },
    name: { column: 'name', type: 'text' },
    categoryId: { column: 'category_id', type: 'uuid' },
    modelId: { column: 'model_id', type: 'uuid' },
    serial: { column: 'serial', type: 'text' },
    status: { column: 'status', type: 'text' },
    locationId: { column: 'location_id', type: 'uuid' },
    departmentId: { column: 'department_id', type: 'uuid' },
    vendorId: { column: 'vendor_id', type: 'uuid' },
    purchaseDate: { column: 'purchase_date', type: 'date' },
    purchaseCost: { column: 'purchase_cost', type: 'numeric' },
    currency: { column: 'currency', type: 'text' },
    orderNumber: { column: 'order_number', type: 'text' },
    invoiceNumber: { column: 'invoice_number', type: 'text' },
    warrantyExpires: { column: 'warranty_expires', type: 'date' },
    expiresOn: { column: 'expires_on', type: 'date' },
    eolDate: { column: 'eol_date', type: 'date' },
    depreciation: { column: 'depreciation', type: 'jsonb' },
    notes: { column: 'notes', type: 'text' },
    customFields: { column: 'custom_fields', type: 'jsonb' },
    expectedReturn: { column: 'expected_return', type: 'date', readOnly: true },
    lastAuditedAt: { column: 'last_audited_at', type: 'timestamptz', readOnly: true },
    createdAt: { column: 'created_at', type: 'timestamptz', readOnly: true },
    updatedAt: { column: 'updated_at', type: 'timestamptz', readOnly: true },
  },
  joins: `left join register_categories c on c.id = t.category_id
          left join register_models m on m.id = t.model_id
          left join register_manufacturers mf on mf.id = m.manufacturer_id
          left join register_locations l on l.id = t.location_id`,
  computed: {
    categoryName: 'c.name',
    modelName: 'm.name',
    manufacturerName: 'mf.name',
    locationName: 'l.name',
    // The device is read from its link, the one record of it; writing it goes through the link too.
    deviceId: LINKED_DEVICE('t.id'),
    linkedDevice: LINKED_DEVICE_JSON('t.id'),
    assignedTo: `case when t.assigned_id is null then null
      else json_build_object('type', t.assigned_type, 'id', t.assigned_id, 'name', ${holderName('t.assigned_type', 't.assigned_id')}) end`,
  },
  sorts: {
    tag: 'lower(t.tag)',
    name: 'lower(t.name)',
    status: 't.status',
    serial: 'lower(t.serial)',
    purchaseDate: 't.purchase_date',
    purchaseCost: 't.purchase_cost',
    warrantyExpires: 't.warranty_expires',
    expiresOn: 't.expires_on',
    lastAuditedAt: 't.last_audited_at',
    createdAt: 't.created_at',
    updatedAt: 't.updated_at',
  },
  filters: {
    status: oneOf('t.status', 'text'),
    categoryId: oneOf('t.category_id', 'uuid'),
    modelId: oneOf('t.model_id', 'uuid'),
    manufacturerId: (p) => `t.model_id in (select id from register_models where manufacturer_id = any(${p}::uuid[]))`,
    locationId: oneOf('t.location_id', 'uuid'),
    departmentId: oneOf('t.department_id', 'uuid'),
    vendorId: oneOf('t.vendor_id', 'uuid'),
    deviceId: (p) => `t.id in (select l.asset_id from device_asset_links l where l.device_id = any(${p}::uuid[]))`,
    assignedPersonId: (p) => `t.assigned_type = 'person' and t.assigned_id = any(${p}::uuid[])`,
    assigned: (p) => `(t.assigned_id is not null) = ${p}::boolean`,
    purchasedFrom: (p) => `t.purchase_date >= ${p}::date`,
    purchasedTo: (p) => `t.purchase_date <= ${p}::date`,
    expiresBefore: (p) => `least(t.expires_on, t.warranty_expires) <= ${p}::date`,
    ids: (p) => `t.id = any(${p}::uuid[])`,
  },
  subtreeFilters: { categoryId: 'register_categories', locationId: 'register_locations', departmentId: 'register_departments' },
};

export const assignmentsTable: RecordTable = {
  table: 'register_assignments',
  objectType: 'asset',
  fields: {
    id: { column: 'id', type: 'uuid', readOnly: true },
    assetId: { column: 'asset_id', type: 'uuid' },
    checkedOutAt: { column: 'checked_out_at', type: 'timestamptz' },
    checkedOutBy: { column: 'checked_out_by', type: 'text' },
    expectedReturn: { column: 'expected_return', type: 'date' },
    checkedInAt: { column: 'checked_in_at', type: 'timestamptz' },
    checkedInBy: { column: 'checked_in_by', type: 'text' },
    note: { column: 'note', type: 'text' },
  },
  joins: 'join register_assets a on a.id = t.asset_id',
  computed: {
    assetTag: 'a.tag',
    assetName: 'a.name',
    target: `json_build_object('type', t.target_type, 'id', t.target_id, 'name', ${holderName('t.target_type', 't.target_id')})`,
    overdue: 'coalesce(t.checked_in_at is null and t.expected_return < current_date, false)',
    acceptance: `case when t.acceptance_state is null then null else json_build_object(
      'state', t.acceptance_state,
      'expiresAt', to_char(t.acceptance_expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'answeredAt', to_char(t.acceptance_answered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'note', t.acceptance_note) end`,
  },
  sorts: { checkedOutAt: 't.checked_out_at', expectedReturn: 't.expected_return', checkedInAt: 't.checked_in_at' },
  // An assignment is found by its asset or by its note.
  search: (p) => `t.asset_id in (select id from register_assets where search_text like ${p}) or lower(coalesce(t.note, '')) like ${p}`,
  filters: {
    assetId: (p) => `t.asset_id = any(${p}::uuid[])`,
    personId: (p) => `t.target_type = 'person' and t.target_id = any(${p}::uuid[])`,
    targetId: (p) => `t.target_id = any(${p}::uuid[])`,
    open: (p) => `(t.checked_in_at is null) = ${p}::boolean`,
    overdue: (p) => `(t.checked_in_at is null and t.expected_return < current_date) = ${p}::boolean`,
    at: (p) => `t.checked_out_at <= ${p}::timestamptz and (t.checked_in_at is null or t.checked_in_at > ${p}::timestamptz)`,
    acceptance: (p) => `t.acceptance_state = ${p}::text`,
  },
};
