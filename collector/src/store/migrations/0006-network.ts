/**
 * Network discovery: SNMP credential sets (secrets sealed), the polling schedule of each discovered
 * device with the lease that lets several collectors share it, what the last probe of each device
 * found (interfaces, addresses, neighbours, forwarding entries, printer supplies, hardware modules),
 * sweeps with their results, and the counter and reachability time series.
 */
export const sql = /* sql */ `
create table snmp_credentials (
  id uuid primary key,
  name text not null unique,
  position integer not null,
  version text not null check (version in ('1', '2c', '3')),
  username text,
  level text check (level in ('noAuthNoPriv', 'authNoPriv', 'authPriv')),
  auth_protocol text,
  priv_protocol text,
  context text,
  -- The community, or the v3 keys, as sealed JSON: never stored or answered in the clear.
  sealed_secrets text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- One row per discovered device: how to reach it, what it said last, and when it is polled next.
create table snmp_targets (
  device_id uuid primary key references devices(id) on delete cascade,
  host text not null,
  port integer not null,
  credential_id uuid references snmp_credentials(id) on delete set null,
  sys_object_id text,
  sys_name text,
  system jsonb not null,
  identity jsonb not null,
  problems jsonb not null default '[]',
  probed_at timestamptz not null,
  poll_interval_seconds integer not null check (poll_interval_seconds > 0),
  next_poll_at timestamptz not null default now(),
  lease_until timestamptz,
  leased_by text,
  up boolean,
  last_polled_at timestamptz,
  last_error text,
  -- The previous counter sample, from which the next poll's rates are computed.
  last_sample jsonb
);
create index snmp_targets_due on snmp_targets (next_poll_at);
create index snmp_targets_address on snmp_targets (host, port);
create index snmp_targets_identity on snmp_targets (sys_object_id, sys_name);
create index snmp_targets_credential on snmp_targets (credential_id);

create table snmp_interfaces (
  device_id uuid not null references devices(id) on delete cascade,
  if_index integer not null,
  name text,
  descr text,
  alias text,
  type integer,
  mtu integer,
  speed_bps bigint,
  mac text,
  admin_status text,
  oper_status text,
  primary key (device_id, if_index)
);

create table snmp_addresses (
  device_id uuid not null references devices(id) on delete cascade,
  family text not null,
  address text not null,
  prefix_length integer,
  if_index integer
);
create index snmp_addresses_device on snmp_addresses (device_id);
create index snmp_addresses_address on snmp_addresses (address);

create table snmp_neighbours (
  device_id uuid not null references devices(id) on delete cascade,
  protocol text not null,
  local_if_index integer,
  local_port text,
  remote_chassis_id text,
  remote_port_id text,
  remote_port_descr text,
  remote_sys_name text,
  remote_sys_descr text,
  remote_platform text,
  remote_address text
);
create index snmp_neighbours_device on snmp_neighbours (device_id, local_if_index);

create table snmp_forwarding (
  device_id uuid not null references devices(id) on delete cascade,
  source text not null,
  mac text not null,
  bridge_port integer not null,
  if_index integer,
  if_name text,
  vlan integer,
  status text,
  seen_at timestamptz not null
);
create index snmp_forwarding_device_port on snmp_forwarding (device_id, bridge_port);
create index snmp_forwarding_mac on snmp_forwarding (mac);
-- Which known device owns a MAC a switch learned: answered from every device's MAC list at once.
create index devices_mac_addresses on devices using gin (mac_addresses);

create table snmp_printer_supplies (
  device_id uuid not null references devices(id) on delete cascade,
  supply_index text not null,
  description text,
  type text,
  unit text,
  max_capacity integer,
  level integer,
  percent double precision,
  primary key (device_id, supply_index)
);

create table snmp_entities (
  device_id uuid not null references devices(id) on delete cascade,
  ent_index integer not null,
  class text,
  descr text,
  name text,
  model text,
  serial text,
  hardware_rev text,
  firmware_rev text,
  software_rev text,
  manufacturer text,
  contained_in integer,
  is_fru boolean,
  primary key (device_id, ent_index)
);
create index snmp_entities_serial on snmp_entities (serial);

create table snmp_sweeps (
  id uuid primary key,
  status text not null check (status in ('running', 'finished', 'failed', 'cancelled', 'interrupted')),
  include text[] not null,
  exclude text[] not null,
  port integer not null,
  credential_ids uuid[] not null,
  started_by text not null,
  -- The collector running it, which keeps heartbeat_at fresh while it does.
  run_by text not null,
  started_at timestamptz not null default now(),
  heartbeat_at timestamptz not null default now(),
  finished_at timestamptz,
  total integer not null,
  done integer not null default 0,
  identified integer not null default 0,
  no_response integer not null default 0,
  errors integer not null default 0,
  devices_created integer not null default 0,
  devices_updated integer not null default 0,
  error text
);
create index snmp_sweeps_running on snmp_sweeps (status) where status = 'running';

create table snmp_sweep_results (
  sweep_id uuid not null references snmp_sweeps(id) on delete cascade,
  position integer not null,
  outcome jsonb not null,
  device_id uuid references devices(id) on delete set null,
  primary key (sweep_id, position)
);

create table snmp_interface_counters (
  time timestamptz not null,
  device_id uuid not null,
  if_index integer not null,
  in_octets numeric(20, 0),
  out_octets numeric(20, 0),
  in_packets numeric(20, 0),
  out_packets numeric(20, 0),
  in_errors numeric(20, 0),
  out_errors numeric(20, 0),
  in_discards numeric(20, 0),
  out_discards numeric(20, 0),
  high_capacity boolean not null,
  oper_status text,
  in_bps double precision,
  out_bps double precision
);
create index snmp_interface_counters_device on snmp_interface_counters (device_id, time desc);

create table snmp_reachability (
  time timestamptz not null,
  device_id uuid not null,
  up boolean not null,
  rtt_ms double precision,
  polled_by text
);
create index snmp_reachability_device on snmp_reachability (device_id, time desc);

do $$
begin
  if exists (select 1 from pg_extension where extname = 'timescaledb') then
    perform create_hypertable('snmp_interface_counters', 'time', chunk_time_interval => interval '1 day', if_not_exists => true);
    perform create_hypertable('snmp_reachability', 'time', chunk_time_interval => interval '7 days', if_not_exists => true);
    execute 'alter table snmp_interface_counters set (timescaledb.compress, timescaledb.compress_segmentby = ''device_id, if_index'')';
    perform add_compression_policy('snmp_interface_counters', interval '7 days', if_not_exists => true);
    perform add_retention_policy('snmp_interface_counters', interval '90 days', if_not_exists => true);
    perform add_retention_policy('snmp_reachability', interval '365 days', if_not_exists => true);
  end if;
end
$$;
`;
