/**
 * The foundation: agents, devices and what they report, users and their sessions, and the first
 * time series. Time-series tables carry their time column in every unique key so that TimescaleDB
 * can turn them into hypertables (see 0002).
 */
export const sql = /* sql */ `
create table settings (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);

create table users (
  id uuid primary key,
  username text not null unique,
  password_hash text not null,
  role text not null check (role in ('admin', 'itadmin', 'compliance', 'helpdesk', 'auditor')),
  display_name text,
  disabled boolean not null default false,
  created_at timestamptz not null default now()
);

create table api_sessions (
  token_hash text primary key,
  user_id uuid not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index api_sessions_user on api_sessions (user_id);

create table devices (
  id uuid primary key,
  kind text not null check (kind in ('agent', 'snmp')),
  hostname text not null,
  fqdn text,
  hardware_uuid text,
  serial_number text,
  manufacturer text,
  model text,
  os_name text,
  os_version text,
  mac_addresses text[] not null default '{}',
  hardware jsonb,
  os jsonb,
  software_count integer not null default 0,
  first_seen timestamptz not null default now(),
  last_seen timestamptz not null default now(),
  last_report_id uuid,
  last_collected_at timestamptz
);
create index devices_hostname on devices (lower(hostname));
create index devices_last_seen on devices (last_seen);
create index devices_serial on devices (serial_number);
create index devices_hardware_uuid on devices (hardware_uuid);

create table agents (
  id uuid primary key,
  device_id uuid references devices(id) on delete set null,
  hostname text not null,
  hardware_uuid text,
  platform text not null,
  agent_version text not null,
  token_hash text not null unique,
  enrolled_at timestamptz not null default now(),
  last_seen_at timestamptz,
  last_address text,
  revoked_at timestamptz
);
create index agents_device on agents (device_id);

create table device_software (
  device_id uuid not null references devices(id) on delete cascade,
  source text not null,
  name text not null,
  version text,
  publisher text,
  arch text,
  install_date text,
  install_location text,
  product_code text,
  first_seen timestamptz not null
);
create index device_software_device on device_software (device_id);
create index device_software_name on device_software (name);

-- Every report ever accepted, by id: the key to idempotent, at-least-once delivery.
create table agent_reports (
  report_id uuid primary key,
  agent_id uuid not null references agents(id) on delete cascade,
  device_id uuid not null references devices(id) on delete cascade,
  body_sha256 text not null,
  collected_at timestamptz not null,
  received_at timestamptz not null default now(),
  software_count integer not null,
  -- False when a newer report had already been applied: kept for the record, not applied.
  applied boolean not null
);
create index agent_reports_device on agent_reports (device_id, collected_at desc);

create table agent_heartbeats (
  time timestamptz not null,
  agent_id uuid not null,
  uptime_seconds double precision
);
create index agent_heartbeats_agent on agent_heartbeats (agent_id, time desc);

create table software_changes (
  time timestamptz not null,
  device_id uuid not null,
  change text not null check (change in ('added', 'removed', 'upgraded')),
  source text not null,
  name text not null,
  arch text,
  old_version text,
  new_version text
);
create index software_changes_device on software_changes (device_id, time desc);
`;
