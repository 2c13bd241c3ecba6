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
create table software_count_changes (
  id bigint generated always as identity primary key,
  name text not null,
  publisher text not null,
  version text not null,
  installs integer not null,
  devices integer not null
);
create index software_count_changes_name on software_count_changes (name);

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

-- The change a statement made: installs per version, and per title the devices that came to hold it
-- (all its installs of the title are rows the statement added) or stopped (none left), counted on
-- the touched devices' own rows as they are after the statement.
create function software_count_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    insert into software_count_changes (name, publisher, version, installs, devices)
    select name, coalesce(publisher, ''), coalesce(version, ''), count(*), 0 from software_added group by 1, 2, 3;
    insert into software_count_changes (name, publisher, version, installs, devices)
    select k.name, k.publisher, '', 0, count(*)
      from (select device_id, name, coalesce(publisher, '') as publisher, count(*) as n from software_added group by 1, 2, 3) k
      join (select ds.device_id, ds.name, coalesce(ds.publisher, '') as publisher, count(*) as n from device_software ds
             where ds.device_id in (select device_id from software_added) group by 1, 2, 3) h
        on h.device_id = k.device_id and h.name = k.name and h.publisher = k.publisher
     where h.n = k.n
     group by 1, 2;
  elsif tg_op = 'DELETE' then
    insert into software_count_changes (name, publisher, version, installs, devices)
    select name, coalesce(publisher, ''), coalesce(version, ''), -count(*), 0 from software_removed group by 1, 2, 3;
    insert into software_count_changes (name, publisher, version, installs, devices)
    select k.name, k.publisher, '', 0, -count(*)
      from (select distinct device_id, name, coalesce(publisher, '') as publisher from software_removed) k
      left join (select distinct ds.device_id, ds.name, coalesce(ds.publisher, '') as publisher from device_software ds
                  where ds.device_id in (select device_id from software_removed)) h
        on h.device_id = k.device_id and h.name = k.name and h.publisher = k.publisher
     where h.device_id is null
     group by 1, 2;
  else
    insert into software_count_changes (name, publisher, version, installs, devices)
    select name, publisher, version, sum(n), 0 from (
      select name, coalesce(publisher, '') as publisher, coalesce(version, '') as version, 1 as n from software_added
      union all select name, coalesce(publisher, ''), coalesce(version, ''), -1 from software_removed) c
     group by 1, 2, 3 having sum(n) <> 0;
    -- Before the statement a device held a title if it holds it now less what was added plus what was removed.
    insert into software_count_changes (name, publisher, version, installs, devices)
    select k.name, k.publisher, '', 0, sum(case when h.n > 0 then 1 else 0 end - case when coalesce(h.n, 0) - k.added + k.removed > 0 then 1 else 0 end)
      from (select device_id, name, publisher, sum(a) as added, sum(r) as removed from (
              select device_id, name, coalesce(publisher, '') as publisher, 1 as a, 0 as r from software_added
              union all select device_id, name, coalesce(publisher, ''), 0, 1 from software_removed) c group by 1, 2, 3) k
      left join (select ds.device_id, ds.name, coalesce(ds.publisher, '') as publisher, count(*) as n from device_software ds
                  where ds.device_id in (select device_id from software_added union select device_id from software_removed)
                  group by 1, 2, 3) h
        on h.device_id = k.device_id and h.name = k.name and h.publisher = k.publisher
     group by 1, 2
    having sum(case when h.n > 0 then 1 else 0 end - case when coalesce(h.n, 0) - k.added + k.removed > 0 then 1 else 0 end) <> 0;
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
