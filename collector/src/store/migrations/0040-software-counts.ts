/**
 * Estate-wide software search answers with how many devices hold each title and how many installs
 * of each version there are. Counting them from millions of installs at every search took seconds
 * for a broad term, so the counts are kept as installs come and go:
 *
 * - Every statement that adds, removes or changes installs appends what it changed to
 *   `software_count_changes` (statement triggers over the rows it touched). Appending takes no lock
 *   that another report could wait for, so reports of the same titles never queue behind each other.
 * - A fold adds those changes into `software_version_counts` and `software_title_holders` now and
 *   then; a search reads the counts plus the changes not folded yet, so its figures are exact at
 *   any moment, folded or not.
 *
 * Publisher and version are kept as '' where an install has none, as the search shows them.
 * A device holds a title (name and publisher) while it has at least one install of it, whatever
 * the version: "devices" counts each device once.
 */
export const sql = /* sql */ `
-- No index: every row is written once, read by the searches of the few seconds until it is folded,
-- and deleted; an index would cost every report more than it saves those searches.
create table software_count_changes (
  name text not null,
  publisher text not null,
  version text not null,
  installs integer not null,
  devices integer not null
);

-- The trigger below looks titles up on their device as soon as the first reports arrive, and the
-- plans a session keeps are made then, when the table's sizes are not known yet: a look-up by the
-- device's index alone would read all of the device's installs for each title. With the title in
-- this index, a look-up by either index is exact.
create index device_software_device_title on device_software (device_id, name, publisher);
drop index device_software_device;

create table software_version_counts (
  name text not null,
  publisher text not null,
  version text not null,
  installs bigint not null,
  primary key (name, publisher, version)
);

create table software_title_holders (
  name text not null,
  publisher text not null,
  devices bigint not null,
  installs bigint not null,
  primary key (name, publisher)
);

-- How many installs of a title (name and publisher, null publisher as '') a device has now, for
-- the rare statements that change rows in place (a migration's, a merge's).
create function software_installs_held(d uuid, n text, p text) returns bigint language sql stable as $$
  select (select count(*) from device_software ds where ds.name = n and ds.publisher = p and ds.device_id = d)
       + case when p = '' then (select count(*) from device_software ds where ds.name = n and ds.publisher is null and ds.device_id = d) else 0 end
$$;

-- The change a statement made: installs per version, and per title the devices that came to hold it
-- or stopped (carried on the title's first version row, to write one row per version, not two).
-- Before the statement a device held a title if it holds it now less what the statement added plus
-- what it removed.
create function software_count_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    with came as (
      -- The device holds the title anew when all its installs of it are rows this statement added:
      -- exact look-ups in the (name, publisher, device_id) index, whatever the device holds.
      select k.name, k.publisher, count(*) as devices
        from (select device_id, name, coalesce(publisher, '') as publisher, count(*) as n from software_added group by 1, 2, 3) k
       where k.n = (select count(*) from device_software ds where ds.name = k.name and ds.publisher = k.publisher and ds.device_id = k.device_id)
                 + case when k.publisher = '' then (select count(*) from device_software ds
                                                      where ds.name = k.name and ds.publisher is null and ds.device_id = k.device_id) else 0 end
       group by 1, 2
    )
    insert into software_count_changes (name, publisher, version, installs, devices)
    select v.name, v.publisher, v.version, v.installs, coalesce(c.devices, 0)
      from (select name, coalesce(publisher, '') as publisher, coalesce(version, '') as version, count(*) as installs,
                   row_number() over (partition by name, coalesce(publisher, '') order by coalesce(version, '')) as nth
              from software_added group by 1, 2, 3) v
      left join came c on v.nth = 1 and c.name = v.name and c.publisher = v.publisher;
  elsif tg_op = 'DELETE' then
    with gone as (
      -- The device holds the title no more when none of its installs of it is left.
      select k.name, k.publisher, count(*) as devices
        from (select distinct device_id, name, coalesce(publisher, '') as publisher from software_removed) k
       where not exists (select 1 from device_software ds where ds.name = k.name and ds.publisher = k.publisher and ds.device_id = k.device_id)
         and not (k.publisher = '' and exists (select 1 from device_software ds
                                                where ds.name = k.name and ds.publisher is null and ds.device_id = k.device_id))
       group by 1, 2
    )
    insert into software_count_changes (name, publisher, version, installs, devices)
    select v.name, v.publisher, v.version, -v.installs, -coalesce(g.devices, 0)
      from (select name, coalesce(publisher, '') as publisher, coalesce(version, '') as version, count(*) as installs,
                   row_number() over (partition by name, coalesce(publisher, '') order by coalesce(version, '')) as nth
              from software_removed group by 1, 2, 3) v
      left join gone g on v.nth = 1 and g.name = v.name and g.publisher = v.publisher;
  else
    insert into software_count_changes (name, publisher, version, installs, devices)
    select name, publisher, version, sum(n), 0 from (
      select name, coalesce(publisher, '') as publisher, coalesce(version, '') as version, 1 as n from software_added
      union all select name, coalesce(publisher, ''), coalesce(version, ''), -1 from software_removed) c
     group by 1, 2, 3 having sum(n) <> 0;
    insert into software_count_changes (name, publisher, version, installs, devices)
    select name, publisher, '', 0, sum(case when held > 0 then 1 else 0 end - case when held - added + removed > 0 then 1 else 0 end)
      from (select device_id, name, publisher, sum(a) as added, sum(r) as removed,
                   software_installs_held(device_id, name, publisher) as held
              from (select device_id, name, coalesce(publisher, '') as publisher, 1 as a, 0 as r from software_added
                    union all select device_id, name, coalesce(publisher, ''), 0, 1 from software_removed) c
             group by 1, 2, 3) k
     group by 1, 2
    having sum(case when held > 0 then 1 else 0 end - case when held - added + removed > 0 then 1 else 0 end) <> 0;
  end if;
  return null;
end $$;

create trigger device_software_counts_added after insert on device_software
  referencing new table as software_added for each statement execute function software_count_change();
create trigger device_software_counts_removed after delete on device_software
  referencing old table as software_removed for each statement execute function software_count_change();
create trigger device_software_counts_changed after update on device_software
  referencing old table as software_removed new table as software_added for each statement execute function software_count_change();

-- The estate as it stands.
insert into software_version_counts (name, publisher, version, installs)
select name, coalesce(publisher, ''), coalesce(version, ''), count(*) from device_software group by 1, 2, 3;
insert into software_title_holders (name, publisher, devices, installs)
select name, coalesce(publisher, ''), count(distinct device_id), count(*) from device_software group by 1, 2;
`;
