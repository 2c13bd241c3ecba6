/**
 * Enrolment secrets that can be rotated and expire (several may be valid at once during a
 * rotation), and what the collector knows of an agent's clock.
 */
export const sql = /* sql */ `
create table enrollment_secrets (
  id uuid primary key,
  label text not null,
  secret_hash text not null unique,
  created_at timestamptz not null default now(),
  created_by text not null,
  expires_at timestamptz,
  revoked_at timestamptz
);

alter table agents add column revoked_by text;
alter table agents add column clock_skew_seconds double precision;
`;
