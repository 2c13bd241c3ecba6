import type { RecordTable } from './record-table.js';

export const scheduleTable: RecordTable = {
  table: 'register_maintenance_schedules',
  objectType: 'maintenance_schedule',
  fields: {
    id: { column: 'id', type: 'uuid', readOnly: true },
    assetId: { column: 'asset_id', type: 'uuid' },
    modelId: { column: 'model_id', type: 'uuid' },
    title: { column: 'title', type: 'text' },
    intervalDays: { column: 'interval_days', type: 'int' },
    intervalMonths: { column: 'interval_months', type: 'int' },
    cron: { column: 'cron', type: 'text' },
    startsOn: { column: 'starts_on', type: 'date' },
    vendorId: { column: 'vendor_id', type: 'uuid' },
    estimatedCost: { column: 'estimated_cost', type: 'numeric' },
    active: { column: 'active', type: 'bool' },
    notes: { column: 'notes', type: 'text' },
    createdAt: { column: 'created_at', type: 'timestamptz', readOnly: true },
    updatedAt: { column: 'updated_at', type: 'timestamptz', readOnly: true },
  },
  sorts: { title: 'lower(t.title)', startsOn: 't.starts_on', createdAt: 't.created_at' },
  filters: {
    assetId: (p) => `t.asset_id = any(${p}::uuid[])`,
    modelId: (p) => `t.model_id = any(${p}::uuid[])`,
  },
};

export const workOrdersTable: RecordTable = {
  table: 'register_work_orders',
  objectType: 'work_order',
  fields: {
    id: { column: 'id', type: 'uuid', readOnly: true },
    assetId: { column: 'asset_id', type: 'uuid' },
    scheduleId: { column: 'schedule_id', type: 'uuid' },
    title: { column: 'title', type: 'text' },
    kind: { column: 'kind', type: 'text' },
    vendorId: { column: 'vendor_id', type: 'uuid' },
    status: { column: 'status', type: 'text' },
    openedOn: { column: 'opened_on', type: 'date' },
    dueOn: { column: 'due_on', type: 'date' },
    completedOn: { column: 'completed_on', type: 'date' },
    cost: { column: 'cost', type: 'numeric' },
    currency: { column: 'currency', type: 'text' },
    outcome: { column: 'outcome', type: 'text' },
    notes: { column: 'notes', type: 'text' },
    createdAt: { column: 'created_at', type: 'timestamptz', readOnly: true },
    updatedAt: { column: 'updated_at', type: 'timestamptz', readOnly: true },
  },
  joins: 'join register_assets a on a.id = t.asset_id left join register_vendors v on v.id = t.vendor_id',
  computed: { assetTag: 'a.tag', vendorName: 'v.name' },
  sorts: { openedOn: 't.opened_on', dueOn: 't.due_on', completedOn: 't.completed_on', cost: 't.cost' },
  filters: {
    assetId: (p) => `t.asset_id = any(${p}::uuid[])`,
    status: (p) => `t.status = any(${p}::text[])`,
    vendorId: (p) => `t.vendor_id = any(${p}::uuid[])`,
    scheduleId: (p) => `t.schedule_id = any(${p}::uuid[])`,
  },
};
