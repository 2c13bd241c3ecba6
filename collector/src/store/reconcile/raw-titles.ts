/**
 * What a device has installed, as raw titles: its software rows, plus its operating system as a
 * title of source `os` (Windows and enterprise Linux are licensed too). `deviceFilter` gives a
 * condition on the device id, or `true` for every device; `unlinkedOnly` keeps only the software
 * rows stored without their title's id (see scanEstate).
 */
export function rawTitlesSql(deviceFilter: (column: string) => string, unlinkedOnly = false): string {
  return `(
    select ds.device_id, ds.source, ds.name, coalesce(ds.publisher, '') as publisher, coalesce(ds.version, '') as version, ds.first_seen
      from device_software ds where ${deviceFilter('ds.device_id')}${unlinkedOnly ? ' and ds.title_id is null' : ''}
    union all
    select d.id, 'os', d.os_name, '', coalesce(d.os_version, ''), d.first_seen
      from devices d where d.os_name is not null and d.os_name <> '' and ${deviceFilter('d.id')}
  )`;
}

/** The join from raw titles (alias r) to their normalised title (alias t). */
export const TITLE_JOIN = 't.name = r.name and t.source = r.source and t.publisher = r.publisher and t.version = r.version';
