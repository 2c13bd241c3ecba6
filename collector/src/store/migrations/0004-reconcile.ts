/**
 * Reconciliation: the software catalogue and its normalisation rules, the distinct titles found in
 * inventories and what they normalise to, licensable installs per device, entitlements with their
 * sealed keys and allocations, the computed licence position (with its history), device-to-asset
 * links, findings, and the queues that let several collectors share the work.
 */
export const sql = /* sql */ `
create table catalogue_products (
  id text primary key,
  publisher text not null,
  name text not null,
  licence text not null check (licence in ('commercial', 'freeware', 'open-source', 'component')),
  default_metric text not null default 'device'
    check (default_metric in ('device', 'user', 'core', 'concurrent', 'site', 'subscription')),
  releases text[],
  min_cores_per_processor integer,
  min_cores_per_device integer,
  list_price numeric(14, 2),
  origin text not null default 'user' check (origin in ('shipped', 'user')),
  updated_at timestamptz not null default now()
);

-- A rule's fields are kept as the shared schema defines them; the order is position.
create table normalisation_rules (
  id text primary key,
  position double precision not null,
  origin text not null check (origin in ('shipped', 'user', 'user-modified')),
  definition jsonb not null,
  updated_at timestamptz not null default now()
);
create index normalisation_rules_position on normalisation_rules (position);

-- Every distinct (source, name, publisher, version) seen, normalised once rather than per install.
-- generation says which rules produced the normalisation; older ones are redone.
create table software_titles (
  id bigint generated always as identity primary key,
  source text not null,
  name text not null,
  publisher text not null default '',
  version text not null default '',
  licence text not null default 'unrecognised'
    check (licence in ('commercial', 'freeware', 'open-source', 'component', 'unrecognised')),
  product_id text references catalogue_products(id) on delete set null,
  norm_publisher text,
  norm_product text,
  edition text,
  release text,
  release_key text,
  rule_id text,
  generation integer not null default -1,
  first_seen timestamptz not null default now()
);
create unique index software_titles_key on software_titles (md5(source || chr(31) || name || chr(31) || publisher || chr(31) || version));
create index software_titles_name on software_titles (name, source);
create index software_titles_generation on software_titles (generation);
create index software_titles_licence on software_titles (licence);

-- One row per device and commercial product: the highest release installed, with its evidence.
create table licence_installs (
  device_id uuid not null references devices(id) on delete cascade,
  product_id text not null references catalogue_products(id) on delete cascade,
  title_id bigint not null,
  release text,
  release_key text,
  edition text,
  source text not null,
  raw_name text not null,
  raw_version text,
  first_seen timestamptz not null,
  primary key (device_id, product_id)
);
create index licence_installs_product on licence_installs (product_id);

create table entitlements (
  id uuid primary key,
  product_id text not null references catalogue_products(id),
  description text,
  metric text not null check (metric in ('device', 'user', 'core', 'concurrent', 'site', 'subscription')),
  quantity integer,
  release text,
  release_key text,
  downgrade_rights boolean not null default false,
  editions text[],
  min_cores_per_processor integer,
  min_cores_per_device integer,
  term_start date,
  term_end date,
  unit_cost numeric(14, 2),
  currency text not null default 'EUR',
  vendor text,
  contract text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index entitlements_product on entitlements (product_id);

-- Licence keys, sealed with the master key; the API accepts them and never answers them.
create table entitlement_keys (
  entitlement_id uuid not null references entitlements(id) on delete cascade,
  position integer not null,
  sealed text not null,
  primary key (entitlement_id, position)
);

create table entitlement_allocations (
  id uuid primary key,
  entitlement_id uuid not null references entitlements(id) on delete cascade,
  target_kind text not null check (target_kind in ('device', 'user', 'department')),
  target text not null,
  created_at timestamptz not null default now(),
  unique (entitlement_id, target_kind, target)
);
create index entitlement_allocations_target on entitlement_allocations (target_kind, lower(target));

create table licence_positions (
  product_id text primary key references catalogue_products(id) on delete cascade,
  metric text not null,
  entitled numeric,
  consumed numeric not null,
  covered numeric not null,
  shortfall numeric not null,
  surplus numeric,
  shortfall_cost numeric(16, 2),
  currency text,
  installs integer not null,
  unlicensed integer not null,
  shelfware integer not null,
  entitlements jsonb not null default '[]',
  computed_at timestamptz not null
);

create table licence_position_history (
  time timestamptz not null,
  product_id text not null,
  metric text not null,
  entitled numeric,
  consumed numeric not null,
  shortfall numeric not null,
  surplus numeric,
  shortfall_cost numeric(16, 2),
  installs integer not null,
  unlicensed integer not null,
  primary key (product_id, time)
);
create index licence_position_history_time on licence_position_history (time);

-- The installs the last computation left without a licence.
create table licence_unlicensed (
  product_id text not null references catalogue_products(id) on delete cascade,
  device_id uuid not null references devices(id) on delete cascade,
  units numeric not null,
  primary key (product_id, device_id)
);
create index licence_unlicensed_device on licence_unlicensed (device_id);

-- Which register asset a discovered device is; manual links are never replaced by matching.
create table device_asset_links (
  device_id uuid primary key references devices(id) on delete cascade,
  asset_id uuid not null,
  method text not null check (method in ('auto', 'manual')),
  key text not null,
  confidence real not null,
  linked_at timestamptz not null default now(),
  linked_by text
);
create index device_asset_links_asset on device_asset_links (asset_id);

-- Usable identifiers of every device (junk values left out), so matching finds candidates by index.
create table device_identity_keys (
  device_id uuid not null references devices(id) on delete cascade,
  -- The device's kind: a MAC on two agents is a shared adapter, on an agent and an SNMP view one machine.
  kind text not null,
  key text not null check (key in ('hardware_uuid', 'serial', 'mac', 'fqdn', 'hostname')),
  value text not null,
  vendor text,
  primary key (device_id, key, value)
);
create index device_identity_keys_value on device_identity_keys (key, value);

-- Devices whose strongest key points at several assets: a person decides.
create table device_match_reviews (
  device_id uuid primary key references devices(id) on delete cascade,
  key text not null,
  candidates uuid[] not null
);

-- Manufacturer names as one key: "Hewlett-Packard", "HP Inc." and "HP" are the same maker.
create function reconcile_vendor_key(name text) returns text language sql immutable parallel safe as $fn$
  select case
    when k = '' then null
    when k like 'hewlettpackard%' or k = 'hp' or k like 'hpinc%' or k like 'hpe%' or k like 'hpenterprise%' then 'hp'
    when k like 'dell%' then 'dell'
    when k like 'lenovo%' or k = 'ibmlenovo' then 'lenovo'
    when k like 'microsoft%' then 'microsoft'
    when k like 'apple%' then 'apple'
    when k like 'asustek%' or k like 'asus%' then 'asus'
    when k like 'acer%' then 'acer'
    when k like 'fujitsu%' then 'fujitsu'
    when k like 'toshiba%' or k like 'dynabook%' then 'toshiba'
    when k like 'samsung%' then 'samsung'
    when k like 'supermicro%' then 'supermicro'
    when k like 'vmware%' then 'vmware'
    when k like 'cisco%' then 'cisco'
    when k like 'juniper%' then 'juniper'
    else regexp_replace(k, '(incorporated|inc|corporation|corp|company|limited|ltd|gmbh|coltd|co|sa|ag|llc|bv|srl)$', '')
  end
  from (select regexp_replace(lower(coalesce(name, '')), '[^a-z0-9]+', '', 'g') as k) s
$fn$;

create table findings (
  id uuid primary key,
  key text not null unique,
  type text not null check (type in ('unregistered', 'missing', 'mismatch', 'ambiguous')),
  subtype text,
  state text not null default 'open' check (state in ('open', 'acknowledged', 'resolved', 'dismissed')),
  device_id uuid,
  asset_id uuid,
  summary text not null,
  details jsonb not null default '{}',
  reason text,
  first_detected timestamptz not null default now(),
  last_detected timestamptz not null default now(),
  resolved_at timestamptz,
  updated_by text,
  updated_at timestamptz not null default now()
);
create index findings_type_state on findings (type, state);
create index findings_device on findings (device_id);
create index findings_asset on findings (asset_id);

-- Work shared between collectors: whoever locks a row (FOR UPDATE SKIP LOCKED) does it.
create table reconcile_queue (
  device_id uuid primary key,
  queued_at timestamptz not null default now()
);
create table reconcile_product_queue (
  product_id text primary key,
  queued_at timestamptz not null default now()
);

do $$
begin
  if exists (select 1 from pg_extension where extname = 'timescaledb') then
    perform create_hypertable('licence_position_history', 'time', chunk_time_interval => interval '30 days', if_not_exists => true);
  end if;
end
$$;
`;
