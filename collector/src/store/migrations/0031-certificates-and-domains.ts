/**
 * What discovery finds beyond agents and SNMP: the TLS certificates hosts present (one row per
 * certificate, wherever it is presented; one row per host and port for where it is presented now)
 * and the organisation's domains as their registry describes them over RDAP. A certificate or a
 * domain kept in the register points to its asset; the register stays the one place for owners.
 */
export const sql = /* sql */ `
create table tls_certificates (
  id uuid primary key,
  fingerprint_sha256 text not null unique,
  subject text not null,
  issuer text not null,
  serial_number text not null,
  common_name text,
  subject_alt_names text[] not null default '{}',
  key_type text not null,
  key_bits integer,
  signature_algorithm text not null,
  self_signed boolean not null,
  not_before timestamptz not null,
  not_after timestamptz not null,
  chain jsonb not null default '[]',
  pem text not null,
  asset_id uuid references register_assets(id) on delete set null,
  first_seen timestamptz not null default now(),
  last_seen timestamptz not null default now()
);
create index tls_certificates_not_after on tls_certificates (not_after);
create index tls_certificates_asset on tls_certificates (asset_id);

create table tls_endpoints (
  host text not null,
  port integer not null,
  protocol text not null check (protocol in ('tls', 'smtp', 'imap', 'pop3', 'ldap')),
  certificate_id uuid not null references tls_certificates(id) on delete cascade,
  trusted boolean not null,
  trust_error text,
  name_matches boolean not null,
  first_seen timestamptz not null default now(),
  last_seen timestamptz not null default now(),
  primary key (host, port)
);
create index tls_endpoints_certificate on tls_endpoints (certificate_id);

create table tls_scans (
  id uuid primary key,
  status text not null check (status in ('running', 'finished', 'failed', 'interrupted')),
  include text[] not null,
  exclude text[] not null default '{}',
  ports jsonb not null,
  started_by text not null,
  run_by text not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  total integer not null default 0,
  done integer not null default 0,
  presented integer not null default 0,
  errors jsonb not null default '[]'
);

create table domains (
  name text primary key,
  registrar text,
  registered_on timestamptz,
  expires_on timestamptz,
  name_servers text[] not null default '{}',
  statuses text[] not null default '{}',
  rdap_url text,
  asset_id uuid references register_assets(id) on delete set null,
  added_by text not null,
  added_at timestamptz not null default now(),
  checked_at timestamptz,
  last_good_at timestamptz,
  last_error text
);
create index domains_expires on domains (expires_on);
`;
