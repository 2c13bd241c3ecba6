/**
 * One machine, one device: the evidence each device presents (hardware UUID, serial, physical
 * MACs, OS machine id), what a person is asked when that evidence is not conclusive, merges that
 * can be undone, agents retired when a new one takes their machine over, revocation that covers
 * the machine and not only the token, and enrolment secrets with quotas.
 */
export const sql = /* sql */ `
create table device_identity_evidence (
  device_id uuid not null references devices(id) on delete cascade,
  key text not null check (key in ('hardware_uuid', 'serial', 'machine_id', 'mac')),
  value text not null,
  primary key (device_id, key, value)
);
create index device_identity_evidence_lookup on device_identity_evidence (key, value);

create table device_identity_reviews (
  id uuid primary key,
  kind text not null check (kind in ('possible-duplicate', 'claimed')),
  device_id uuid not null,
  other_device_id uuid,
  agent_id uuid,
  rule text not null,
  evidence jsonb not null default '{}',
  state text not null default 'open' check (state in ('open', 'kept-apart', 'merged', 'accepted')),
  created_at timestamptz not null default now(),
  decided_at timestamptz,
  decided_by text,
  reason text
);
create unique index device_identity_reviews_pair on device_identity_reviews (kind, device_id, coalesce(other_device_id, agent_id));
create index device_identity_reviews_other on device_identity_reviews (other_device_id);

create table device_merges (
  id uuid primary key,
  kept_device_id uuid not null,
  merged_device_id uuid not null,
  merged_hostname text not null,
  merged_at timestamptz not null default now(),
  merged_by text not null,
  -- Everything the merged device held that the merge removed or moved, to be put back by an un-merge.
  snapshot jsonb not null,
  unmerged_at timestamptz,
  unmerged_by text
);
create index device_merges_kept on device_merges (kept_device_id);
create index device_merges_merged on device_merges (merged_device_id);

alter table agents add column retired_at timestamptz;
alter table agents add column replaced_by uuid;
alter table agents add column reenrol_allowed_at timestamptz;
alter table agents add column reenrol_allowed_by text;

create table revoked_machine_evidence (
  agent_id uuid not null references agents(id) on delete cascade,
  key text not null,
  value text not null,
  primary key (agent_id, key, value)
);
create index revoked_machine_evidence_lookup on revoked_machine_evidence (key, value);

alter table enrollment_secrets add column max_uses integer;
alter table enrollment_secrets add column uses integer not null default 0;

alter table findings drop constraint findings_type_check;
alter table findings add constraint findings_type_check check (type in ('unregistered', 'missing', 'mismatch', 'ambiguous', 'duplicate'));
`;
