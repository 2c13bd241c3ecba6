/**
 * The asset register: reference objects (categories, manufacturers, vendors, models, locations,
 * departments, people), assets with their lifecycle, assignments, acquisition and disposal
 * records, maintenance, contracts, physical audits, CSV imports and a change history.
 * Every searchable table keeps a generated lower-case search text, indexed by trigram when pg_trgm
 * is there.
 */
export const sql = /* sql */ `
create table register_categories (
  id uuid primary key,
  parent_id uuid references register_categories(id) on delete restrict,
  -- Stable key of a shipped default, so defaults can be recognised after renaming.
  key text unique,
  name text not null,
  kind text not null,
  description text,
  custom_fields jsonb not null default '[]',
  depreciation jsonb,
  missing_after_days integer not null default 14,
  tracks_expiry boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_text text generated always as (lower(name || ' ' || kind || ' ' || coalesce(description, ''))) stored
);
create unique index register_categories_name on register_categories (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));

create table register_manufacturers (
  id uuid primary key,
  name text not null,
  url text,
  support_url text,
  support_email text,
  support_phone text,
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_text text generated always as (lower(name || ' ' || coalesce(url, '') || ' ' || coalesce(notes, ''))) stored
);
create unique index register_manufacturers_name on register_manufacturers (lower(name));

create table register_vendors (
  id uuid primary key,
  name text not null,
  contact_name text,
  email text,
  phone text,
  url text,
  address text,
  account_number text,
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_text text generated always as (lower(name || ' ' || coalesce(contact_name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(account_number, '') || ' ' || coalesce(notes, ''))) stored
);
create unique index register_vendors_name on register_vendors (lower(name));

create table register_models (
  id uuid primary key,
  name text not null,
  model_number text,
  category_id uuid not null references register_categories(id) on delete restrict,
  manufacturer_id uuid references register_manufacturers(id) on delete restrict,
  eol_months integer,
  depreciation jsonb,
  replacement_cost numeric(14, 2),
  currency text,
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_text text generated always as (lower(name || ' ' || coalesce(model_number, '') || ' ' || coalesce(notes, ''))) stored
);
create unique index register_models_name on register_models (coalesce(manufacturer_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));
create index register_models_category on register_models (category_id);

create table register_locations (
  id uuid primary key,
  parent_id uuid references register_locations(id) on delete restrict,
  name text not null,
  kind text not null default 'other',
  address text,
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_text text generated always as (lower(name || ' ' || coalesce(address, '') || ' ' || coalesce(notes, ''))) stored
);
create unique index register_locations_name on register_locations (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));

create table register_people (
  id uuid primary key,
  name text not null,
  email text,
  username text,
  employee_number text,
  title text,
  phone text,
  department_id uuid,
  location_id uuid references register_locations(id) on delete set null,
  active boolean not null default true,
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_text text generated always as (lower(name || ' ' || coalesce(email, '') || ' ' || coalesce(username, '') || ' ' || coalesce(employee_number, '') || ' ' || coalesce(title, ''))) stored
);
create unique index register_people_email on register_people (lower(email)) where email is not null;
create unique index register_people_username on register_people (lower(username)) where username is not null;
create index register_people_name on register_people (lower(name));

create table register_departments (
  id uuid primary key,
  parent_id uuid references register_departments(id) on delete restrict,
  name text not null,
  cost_centre text,
  manager_id uuid references register_people(id) on delete set null,
  location_id uuid references register_locations(id) on delete set null,
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_text text generated always as (lower(name || ' ' || coalesce(cost_centre, '') || ' ' || coalesce(notes, ''))) stored
);
create unique index register_departments_name on register_departments (lower(name));
alter table register_people add constraint register_people_department
  foreign key (department_id) references register_departments(id) on delete set null;

create table register_assets (
  id uuid primary key,
  tag text not null,
  name text not null,
  category_id uuid not null references register_categories(id) on delete restrict,
  model_id uuid references register_models(id) on delete restrict,
  serial text,
  status text not null,
  location_id uuid references register_locations(id) on delete restrict,
  department_id uuid references register_departments(id) on delete restrict,
  vendor_id uuid references register_vendors(id) on delete restrict,
  purchase_date date,
  purchase_cost numeric(14, 2),
  currency text,
  order_number text,
  invoice_number text,
  warranty_expires date,
  expires_on date,
  eol_date date,
  depreciation jsonb,
  device_id uuid references devices(id) on delete set null,
  notes text,
  custom_fields jsonb not null default '{}',
  -- The open assignment, kept here so lists need no join to say who holds what.
  assigned_type text,
  assigned_id uuid,
  expected_return date,
  last_audited_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_text text generated always as (lower(tag || ' ' || name || ' ' || coalesce(serial, '') || ' ' || coalesce(order_number, '') || ' ' || coalesce(invoice_number, '') || ' ' || coalesce(notes, ''))) stored
);
create unique index register_assets_tag on register_assets (lower(tag));
create index register_assets_name on register_assets (lower(name));
create index register_assets_status on register_assets (status);
-- Category with status: the common filter of lists and counts, answered from the index alone.
create index register_assets_category on register_assets (category_id, status);
create index register_assets_purchase_date on register_assets (purchase_date);
create index register_assets_model on register_assets (model_id);
create index register_assets_location on register_assets (location_id);
create index register_assets_department on register_assets (department_id);
create index register_assets_assigned on register_assets (assigned_id);
create index register_assets_serial on register_assets (lower(serial));
create index register_assets_device on register_assets (device_id);
create index register_assets_created on register_assets (created_at);

-- One counter per rendered tag prefix: the row lock makes numbering safe under concurrency.
create table register_tag_counters (
  prefix text primary key,
  next_value bigint not null
);

create table register_transitions (
  id bigserial primary key,
  asset_id uuid not null references register_assets(id) on delete cascade,
  from_status text,
  to_status text not null,
  at timestamptz not null default now(),
  by_user text not null,
  reason text not null
);
create index register_transitions_asset on register_transitions (asset_id, at);

create table register_acquisitions (
  asset_id uuid primary key references register_assets(id) on delete cascade,
  justification text,
  po_number text,
  invoice_number text,
  cost numeric(14, 2),
  currency text,
  vendor_id uuid references register_vendors(id) on delete set null,
  inspection jsonb,
  requested_by text,
  requested_at timestamptz,
  approved_by text,
  approved_at timestamptz,
  ordered_at timestamptz,
  received_at timestamptz
);

create table register_sanitisations (
  asset_id uuid primary key references register_assets(id) on delete cascade,
  method text not null,
  certificate_ref text,
  recycler text,
  performed_on date not null,
  performed_by text not null,
  notes text,
  recorded_by text not null,
  recorded_at timestamptz not null default now()
);

create table register_assignments (
  id uuid primary key,
  asset_id uuid not null references register_assets(id) on delete cascade,
  target_type text not null,
  target_id uuid not null,
  checked_out_at timestamptz not null,
  checked_out_by text not null,
  expected_return date,
  checked_in_at timestamptz,
  checked_in_by text,
  note text
);
create index register_assignments_asset on register_assignments (asset_id, checked_out_at);
create index register_assignments_target on register_assignments (target_id, checked_out_at);
create unique index register_assignments_open on register_assignments (asset_id) where checked_in_at is null;

create table register_maintenance_schedules (
  id uuid primary key,
  asset_id uuid references register_assets(id) on delete cascade,
  model_id uuid references register_models(id) on delete cascade,
  title text not null,
  interval_days integer,
  interval_months integer,
  cron text,
  starts_on date not null,
  vendor_id uuid references register_vendors(id) on delete set null,
  estimated_cost numeric(14, 2),
  active boolean not null default true,
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_text text generated always as (lower(title || ' ' || coalesce(notes, ''))) stored,
  check ((asset_id is null) <> (model_id is null))
);

create table register_work_orders (
  id uuid primary key,
  asset_id uuid not null references register_assets(id) on delete cascade,
  schedule_id uuid references register_maintenance_schedules(id) on delete set null,
  title text not null,
  kind text not null,
  vendor_id uuid references register_vendors(id) on delete set null,
  status text not null,
  opened_on date not null default current_date,
  due_on date,
  completed_on date,
  cost numeric(14, 2),
  currency text,
  outcome text,
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_text text generated always as (lower(title || ' ' || coalesce(outcome, '') || ' ' || coalesce(notes, ''))) stored
);
create index register_work_orders_asset on register_work_orders (asset_id, opened_on);
create index register_work_orders_schedule on register_work_orders (schedule_id, asset_id, completed_on);

create table register_contracts (
  id uuid primary key,
  kind text not null,
  name text not null,
  reference text,
  vendor_id uuid references register_vendors(id) on delete restrict,
  starts_on date not null,
  ends_on date,
  cost numeric(14, 2),
  currency text,
  billing_period text not null,
  auto_renew boolean not null default false,
  notice_days integer,
  renewal_terms text,
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_text text generated always as (lower(name || ' ' || coalesce(reference, '') || ' ' || coalesce(renewal_terms, '') || ' ' || coalesce(notes, ''))) stored
);
create index register_contracts_ends on register_contracts (ends_on);

create table register_contract_assets (
  contract_id uuid not null references register_contracts(id) on delete cascade,
  asset_id uuid not null references register_assets(id) on delete cascade,
  primary key (contract_id, asset_id)
);
create index register_contract_assets_asset on register_contract_assets (asset_id);

create table register_audit_rounds (
  id uuid primary key,
  location_id uuid not null references register_locations(id) on delete restrict,
  include_sublocations boolean not null,
  note text,
  started_at timestamptz not null default now(),
  started_by text not null,
  closed_at timestamptz,
  closed_by text
);

create table register_audit_scans (
  id bigserial primary key,
  round_id uuid not null references register_audit_rounds(id) on delete cascade,
  tag text not null,
  asset_id uuid references register_assets(id) on delete cascade,
  location_id uuid not null references register_locations(id) on delete restrict,
  scanned_at timestamptz not null default now(),
  scanned_by text not null
);
create index register_audit_scans_round on register_audit_scans (round_id);

create table register_imports (
  id uuid primary key,
  file_name text,
  created_by text not null,
  created_at timestamptz not null default now(),
  state text not null default 'previewed',
  -- The checked rows as JSON text: kept as text because they are only ever read back whole.
  checked text not null,
  error_rows integer not null,
  total_rows integer not null,
  imported integer
);
-- Written once and read once, soon after: compressing it would cost more than it saves.
alter table register_imports alter column checked set storage external;

create table register_history (
  id bigserial primary key,
  object_type text not null,
  object_id text not null,
  action text not null,
  at timestamptz not null default now(),
  by_user text,
  before jsonb,
  after jsonb
);
create index register_history_object on register_history (object_type, object_id, at);

do $$
begin
  if exists (select 1 from pg_extension where extname = 'pg_trgm') then
    execute 'create index register_assets_search on register_assets using gin (search_text gin_trgm_ops)';
    execute 'create index register_people_search on register_people using gin (search_text gin_trgm_ops)';
    execute 'create index register_models_search on register_models using gin (search_text gin_trgm_ops)';
    execute 'create index register_contracts_search on register_contracts using gin (search_text gin_trgm_ops)';
  end if;
end
$$;
`;
