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

-- How many installs of a title (name and publisher, null publisher as '') a device has now: exact
-- look-ups in the (name, publisher, device_id) index, whatever the table's size, so that the plans
-- the trigger below keeps for a session stay cheap as the table grows.
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
    insert into software_count_changes (name, publisher, version, installs, devices)
    select v.name, v.publisher, v.version, v.installs, coalesce(h.devices, 0)
      from (select name, coalesce(publisher, '') as publisher, coalesce(version, '') as version, count(*) as installs,
                   row_number() over (partition by name, coalesce(publisher, '') order by coalesce(version, '')) as nth
              from software_added group by 1, 2, 3) v
      left join (
        select k.name, k.publisher, count(*) as devices
          from (select device_id, name, coalesce(publisher, '') as publisher, count(*) as n from software_added group by 1, 2, 3) k
          -- Counted once per device: the count in the select list of a grouped query cannot be moved into a loop.
          join (select a.device_id, count(*) as added, (select count(*) from device_software ds where ds.device_id = a.device_id) as stored
                  from software_added a group by a.device_id) d on d.device_id = k.device_id
         -- A device whose only installs are these (a first inventory) holds each of their titles anew.
         where d.stored = d.added or software_installs_held(k.device_id, k.name, k.publisher) = k.n
         group by 1, 2) h
        on v.nth = 1 and h.name = v.name and h.publisher = v.publisher;
  elsif tg_op = 'DELETE' then
    insert into software_count_changes (name, publisher, version, installs, devices)
    select v.name, v.publisher, v.version, -v.installs, -coalesce(h.devices, 0)
      from (select name, coalesce(publisher, '') as publisher, coalesce(version, '') as version, count(*) as installs,
                   row_number() over (partition by name, coalesce(publisher, '') order by coalesce(version, '')) as nth
              from software_removed group by 1, 2, 3) v
      left join (
        select k.name, k.publisher, count(*) as devices
          from (select distinct device_id, name, coalesce(publisher, '') as publisher from software_removed) k
          join (select r.device_id, (select count(*) from device_software ds where ds.device_id = r.device_id) as stored
                  from software_removed r group by r.device_id) d on d.device_id = k.device_id
         -- A device with no installs left (deleted) holds none of the titles any more.
         where d.stored = 0 or software_installs_held(k.device_id, k.name, k.publisher) = 0
         group by 1, 2) h
        on v.nth = 1 and h.name = v.name and h.publisher = v.publisher;
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
