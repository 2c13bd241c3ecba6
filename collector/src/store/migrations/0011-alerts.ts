/**
 * Alerts and what they are sent through: rules, alerts (one open alert per rule and subject),
 * webhooks, helpdesk connectors with their sealed secrets and the tickets they opened, a delivery
 * queue that is also the delivery log, notification settings, service tokens for systems that call
 * the collector, scheduled reports, and the job leases that let several collectors share the work.
 * Nothing here references tables of other areas by foreign key: subjects are named by id and key.
 */
export const sql = /* sql */ `
create table alert_rules (
  id uuid primary key,
  name text not null,
  kind text not null,
  enabled boolean not null default true,
  severity text not null check (severity in ('info', 'warning', 'critical')),
  params jsonb not null default '{}',
  routing jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table alerts (
  id uuid primary key,
  rule_id uuid not null references alert_rules(id) on delete cascade,
  subject_type text not null,
  subject_id text,
  subject_key text not null,
  state text not null default 'open' check (state in ('open', 'acknowledged', 'resolved')),
  severity text not null,
  summary text not null,
  details jsonb not null default '{}',
  first_detected timestamptz not null,
  last_detected timestamptz not null,
  acknowledged_at timestamptz,
  acknowledged_by text,
  snoozed_until timestamptz,
  resolved_at timestamptz
);
-- The de-duplication: at most one alert per rule and subject that is not resolved.
create unique index alerts_live on alerts (rule_id, subject_key) where state <> 'resolved';
create index alerts_state on alerts (state, first_detected desc);
create index alerts_subject on alerts (subject_id);

create table alert_webhooks (
  id uuid primary key,
  name text not null,
  url text not null,
  sealed_secret text not null,
  enabled boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table alert_integrations (
  id uuid primary key,
  kind text not null check (kind in ('servicenow', 'jira', 'glpi', 'zammad')),
  name text not null,
  base_url text not null,
  enabled boolean not null default true,
  auto_close boolean not null default true,
  settings jsonb not null default '{}',
  -- Field name to sealed value; the API says which are set, never what they are.
  sealed_secrets jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table alert_tickets (
  id uuid primary key,
  integration_id uuid not null references alert_integrations(id) on delete cascade,
  -- A deleted rule takes its alerts and their ticket records along; the helpdesk keeps its tickets.
  alert_id uuid references alerts(id) on delete cascade,
  finding_id uuid,
  -- The register asset or discovered device the ticket is about, for the helpdesk lookup.
  asset_id uuid,
  device_id uuid,
  about text not null,
  external_id text,
  external_key text,
  url text,
  state text not null default 'opening' check (state in ('opening', 'open', 'closed', 'failed')),
  opened_at timestamptz not null default now(),
  closed_at timestamptz,
  check ((alert_id is not null) or (finding_id is not null))
);
create unique index alert_tickets_alert on alert_tickets (integration_id, alert_id) where alert_id is not null;
create unique index alert_tickets_finding on alert_tickets (integration_id, finding_id) where finding_id is not null and state <> 'closed';
create index alert_tickets_asset on alert_tickets (asset_id) where state in ('opening', 'open');
create index alert_tickets_device on alert_tickets (device_id) where state in ('opening', 'open');

-- The delivery queue and, once sent, the delivery log.
create table alert_deliveries (
  id bigint generated always as identity primary key,
  channel text not null check (channel in ('email', 'webhook', 'ticket')),
  event text not null,
  alert_id uuid references alerts(id) on delete set null,
  target_id text,
  payload jsonb not null,
  state text not null default 'pending' check (state in ('pending', 'sending', 'delivered', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz default now(),
  lease_until timestamptz,
  last_error text,
  response_status integer,
  created_at timestamptz not null default now(),
  delivered_at timestamptz
);
create index alert_deliveries_due on alert_deliveries (next_attempt_at) where state in ('pending', 'sending');
create index alert_deliveries_alert on alert_deliveries (alert_id);
create index alert_deliveries_created on alert_deliveries (created_at desc);

create table notification_settings (
  id boolean primary key default true check (id),
  smtp jsonb,
  smtp_sealed_password text,
  digest jsonb not null default '{}',
  updated_at timestamptz not null default now()
);

create table service_tokens (
  id uuid primary key,
  name text not null,
  token_hash text not null unique,
  scopes text[] not null,
  created_by text not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

create table report_schedules (
  id uuid primary key,
  name text not null,
  report text not null,
  params jsonb not null default '{}',
  format text not null check (format in ('csv', 'pdf')),
  cron text not null,
  timezone text not null default 'UTC',
  recipients text[] not null,
  enabled boolean not null default true,
  next_run_at timestamptz,
  last_run_at timestamptz,
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index report_schedules_due on report_schedules (next_run_at) where enabled;

-- One row per shared job: whoever moves lease_until forward (UPDATE ... WHERE lease_until < now)
-- runs it; the others see no row returned and skip.
create table job_leases (
  name text primary key,
  lease_until timestamptz not null,
  holder text,
  last_run_at timestamptz
);
`;
