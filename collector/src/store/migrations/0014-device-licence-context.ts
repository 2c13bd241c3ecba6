/**
 * What licensing reads of every device, kept beside it instead of taken out of its hardware and
 * operating-system documents on each reconciliation: those documents are large on real machines,
 * and a full reconciliation read them for every device in every lane. A count that is not a small
 * whole number counts as one (a cast of anything larger would fail the whole run).
 */
export const sql = /* sql */ `
alter table devices
  add column licence_cores integer generated always as (
    case when hardware->'cpu'->>'cores' ~ '^[0-9]{1,6}$' then (hardware->'cpu'->>'cores')::integer else 1 end) stored,
  add column licence_sockets integer generated always as (
    case when hardware->'cpu'->>'sockets' ~ '^[1-9][0-9]{0,5}$' then (hardware->'cpu'->>'sockets')::integer else 1 end) stored,
  add column last_user text generated always as (
    lower(nullif(regexp_replace(coalesce(os->'users'->>'lastLoggedOn', ''), '^.*\\\\', ''), ''))) stored;
`;
