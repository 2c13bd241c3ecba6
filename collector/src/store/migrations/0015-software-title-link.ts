/**
 * Each installed-software row names its title by id, set when the row is stored, so a full
 * reconciliation joins millions of rows to their titles on an integer instead of on four text
 * columns. Rows stored before keep working through the text join; this links them once. No
 * foreign key: titles are never deleted, and a check per stored row would slow every report.
 */
export const sql = /* sql */ `
alter table device_software add column title_id bigint;

insert into software_titles (source, name, publisher, version, first_seen)
select source, name, coalesce(publisher, ''), coalesce(version, ''), min(first_seen)
  from device_software group by 1, 2, 3, 4
on conflict do nothing;

update device_software ds set title_id = t.id
  from software_titles t
 where t.name = ds.name and t.source = ds.source and t.publisher = coalesce(ds.publisher, '') and t.version = coalesce(ds.version, '');
`;
