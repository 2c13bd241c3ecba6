/**
 * Who uses each device and where it belongs, as licensing counts them, kept in a narrow table as
 * the register changes instead of joined out of devices, links, assets, people and departments at
 * every computation: at 100,000 devices that join was most of the time a single entitlement change
 * took to recompute its product's position.
 *
 * The user is the assignee's username (else e-mail, else name) when the register names a person,
 * else the last user the device reported; the department is the asset's, else the department the
 * asset is assigned to, else its person's. Triggers keep each row as the join would give it: on a
 * device's arrival and on a change of its last user or processor counts, on its link to an asset,
 * on a change of the asset's assignment or department, and of the person or department named.
 */
export const sql = /* sql */ `
create table licence_device_context (
  device_id uuid primary key references devices(id) on delete cascade,
  asset_id uuid,
  person_id uuid,
  department_id uuid,
  user_key text,
  department text,
  cores integer not null,
  sockets integer not null
);
create index licence_device_context_person on licence_device_context (person_id) where person_id is not null;
create index licence_device_context_department on licence_device_context (department_id) where department_id is not null;

create function refresh_licence_device_context(ids uuid[]) returns void language sql as $$
  insert into licence_device_context as c (device_id, asset_id, person_id, department_id, user_key, department, cores, sockets)
  select d.id, dal.asset_id, rp.id, rd.id, coalesce(lower(coalesce(rp.username, rp.email, rp.name)), d.last_user), rd.name,
         d.licence_cores, d.licence_sockets
    from devices d
    left join device_asset_links dal on dal.device_id = d.id
    left join register_assets ra on ra.id = dal.asset_id
    left join register_people rp on ra.assigned_type = 'person' and rp.id = ra.assigned_id
    left join register_departments rd on rd.id = coalesce(ra.department_id, case when ra.assigned_type = 'department' then ra.assigned_id end, rp.department_id)
   where d.id = any(ids)
  on conflict (device_id) do update set asset_id = excluded.asset_id, person_id = excluded.person_id, department_id = excluded.department_id,
     user_key = excluded.user_key, department = excluded.department, cores = excluded.cores, sockets = excluded.sockets
   where (c.asset_id, c.person_id, c.department_id, c.user_key, c.department, c.cores, c.sockets)
         is distinct from (excluded.asset_id, excluded.person_id, excluded.department_id, excluded.user_key, excluded.department, excluded.cores, excluded.sockets)
$$;

select refresh_licence_device_context(array(select id from devices));

-- Devices arrive in bulk (an SNMP sweep, a merge, an import): one refresh per statement.
create function licence_context_devices_added() returns trigger language plpgsql as $$
begin
  perform refresh_licence_device_context(array(select id from licence_context_added));
  return null;
end $$;
create trigger licence_context_devices_added after insert on devices
  referencing new table as licence_context_added for each statement execute function licence_context_devices_added();

create function licence_context_device_changed() returns trigger language plpgsql as $$
begin
  perform refresh_licence_device_context(array[new.id]);
  return null;
end $$;
create trigger licence_context_device_changed after update on devices for each row
  when ((old.last_user, old.licence_cores, old.licence_sockets) is distinct from (new.last_user, new.licence_cores, new.licence_sockets))
  execute function licence_context_device_changed();

-- Matching links thousands of devices in one statement after a register import: one refresh per statement.
create function licence_context_links_added() returns trigger language plpgsql as $$
begin
  perform refresh_licence_device_context(array(select device_id from licence_context_links_new));
  return null;
end $$;
create function licence_context_links_removed() returns trigger language plpgsql as $$
begin
  perform refresh_licence_device_context(array(select device_id from licence_context_links_old));
  return null;
end $$;
create function licence_context_links_changed() returns trigger language plpgsql as $$
begin
  perform refresh_licence_device_context(array(select device_id from licence_context_links_old union select device_id from licence_context_links_new));
  return null;
end $$;
create trigger licence_context_links_added after insert on device_asset_links
  referencing new table as licence_context_links_new for each statement execute function licence_context_links_added();
create trigger licence_context_links_removed after delete on device_asset_links
  referencing old table as licence_context_links_old for each statement execute function licence_context_links_removed();
create trigger licence_context_links_changed after update on device_asset_links
  referencing old table as licence_context_links_old new table as licence_context_links_new
  for each statement execute function licence_context_links_changed();

create function licence_context_asset_changed() returns trigger language plpgsql as $$
begin
  perform refresh_licence_device_context(array(select device_id from device_asset_links where asset_id = new.id));
  return null;
end $$;
create trigger licence_context_asset_changed after update on register_assets for each row
  when ((old.assigned_type, old.assigned_id, old.department_id) is distinct from (new.assigned_type, new.assigned_id, new.department_id))
  execute function licence_context_asset_changed();

-- A person's devices are those of the assets assigned to them, whether or not the person existed
-- when the asset was assigned (an assignment names a person by id alone).
create function licence_context_person_changed() returns trigger language plpgsql as $$
declare
  changed_id uuid := case when tg_op = 'DELETE' then old.id else new.id end;
begin
  perform refresh_licence_device_context(array(
    select dal.device_id from register_assets ra join device_asset_links dal on dal.asset_id = ra.id
     where ra.assigned_type = 'person' and ra.assigned_id = changed_id));
  return null;
end $$;
create trigger licence_context_person_added after insert or delete on register_people for each row
  execute function licence_context_person_changed();
create trigger licence_context_person_changed after update on register_people for each row
  when ((old.username, old.email, old.name, old.department_id) is distinct from (new.username, new.email, new.name, new.department_id))
  execute function licence_context_person_changed();

-- A department is named through an asset, an assignment or a person: every device whose row names
-- it, and on its arrival every device that reaches it.
create function licence_context_department_changed() returns trigger language plpgsql as $$
declare
  changed_id uuid := case when tg_op = 'DELETE' then old.id else new.id end;
begin
  perform refresh_licence_device_context(array(
    select device_id from licence_device_context where department_id = changed_id
    union
    select dal.device_id from register_assets ra join device_asset_links dal on dal.asset_id = ra.id
      left join register_people rp on ra.assigned_type = 'person' and rp.id = ra.assigned_id
     where tg_op = 'INSERT' and changed_id in (ra.department_id, case when ra.assigned_type = 'department' then ra.assigned_id end, rp.department_id)));
  return null;
end $$;
create trigger licence_context_department_added after insert or delete on register_departments for each row
  execute function licence_context_department_changed();
create trigger licence_context_department_renamed after update on register_departments for each row
  when (old.name is distinct from new.name)
  execute function licence_context_department_changed();
`;
