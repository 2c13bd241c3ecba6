/**
 * Hosts without an agent, read over SSH: credential sets (their secrets sealed with the master key,
 * tried in their order), the host key pinned per host and port on first contact (and a different
 * key a host later offered, waiting for a person to accept it), the outcome of each host's last
 * scan, and the scans themselves. SSH-scanned hosts are devices of their own kind.
 */
export const sql = /* sql */ `
alter table devices drop constraint devices_kind_check;
alter table devices add constraint devices_kind_check check (kind in ('agent', 'snmp', 'ssh'));

create table ssh_credentials (
  id uuid primary key,
  name text not null unique,
  position integer not null,
  kind text not null check (kind in ('key', 'password')),
  username text not null,
  sealed_secrets text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table ssh_host_keys (
  host text not null,
  port integer not null,
  key_type text not null,
  fingerprint_sha256 text not null,
  pinned_at timestamptz not null default now(),
  pinned_by text not null,
  offered_key_type text,
  offered_fingerprint_sha256 text,
  offered_at timestamptz,
  primary key (host, port)
);

create table ssh_hosts (
  host text not null,
  port integer not null,
  device_id uuid references devices(id) on delete set null,
  credential_id uuid references ssh_credentials(id) on delete set null,
  status text not null check (status in ('ok', 'error')),
  error_code text,
  error_message text,
  scanned_at timestamptz not null,
  last_success_at timestamptz,
  primary key (host, port)
);
create index ssh_hosts_device on ssh_hosts (device_id);

create table ssh_scans (
  id uuid primary key,
  status text not null check (status in ('running', 'finished', 'failed', 'interrupted')),
  include text[] not null,
  exclude text[] not null default '{}',
  ports integer[] not null,
  started_by text not null,
  run_by text not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  total integer not null default 0,
  done integer not null default 0,
  scanned integer not null default 0,
  errors jsonb not null default '[]'
);
`;
