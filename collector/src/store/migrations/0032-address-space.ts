/**
 * The IP address space as discovery sees it: every address a device has been seen holding, on
 * which MAC, first and last seen. Rows are kept when the device stops reporting the address, so
 * the history of who held an address survives a DHCP lease moving on.
 */
export const sql = /* sql */ `
create table ip_sightings (
  address inet not null,
  mac text not null default '',
  device_id uuid not null references devices(id) on delete cascade,
  first_seen timestamptz not null,
  last_seen timestamptz not null,
  primary key (address, device_id, mac)
);
create index ip_sightings_device on ip_sightings (device_id);

-- What devices and users type as addresses is not always one: a text that is not an address is
-- skipped rather than failing the whole refresh.
create function steward_try_inet(value text) returns inet language plpgsql immutable as $$
begin
  return value::inet;
exception when others then
  return null;
end $$;
create function steward_try_cidr(value text) returns cidr language plpgsql immutable as $$
begin
  return value::cidr;
exception when others then
  return null;
end $$;
`;
