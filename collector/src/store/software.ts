import { createHash } from 'node:crypto';
import type { SoftwareEntry } from '@steward/shared';
import type { Queryable } from './database.js';

export interface InstalledSoftware extends SoftwareEntry {
  firstSeen: Date;
}

export interface SoftwareChange {
  change: 'added' | 'removed' | 'upgraded';
  source: string;
  name: string;
  arch?: string;
  oldVersion?: string;
  newVersion?: string;
}

/** A stored row, with its physical address so it can be deleted without a key of its own. */
export interface StoredSoftware extends InstalledSoftware {
  rowId: string;
}

/** A device_software row as the columns of a SoftwareEntry. */
export interface SoftwareEntryRow {
  source: SoftwareEntry['source'];
  name: string;
  version: string | null;
  publisher: string | null;
  arch: string | null;
  install_date: string | null;
  install_location: string | null;
  product_code: string | null;
  system_component: boolean | null;
  licence: SoftwareEntry['licence'] | null;
}

export const SOFTWARE_ENTRY_COLUMNS = 'source, name, version, publisher, arch, install_date, install_location, product_code, system_component, licence';

export function toSoftwareEntry(r: SoftwareEntryRow): SoftwareEntry {
  return {
    source: r.source,
    name: r.name,
    version: r.version ?? undefined,
    publisher: r.publisher ?? undefined,
    arch: r.arch ?? undefined,
    installDate: r.install_date ?? undefined,
    installLocation: r.install_location ?? undefined,
    productCode: r.product_code ?? undefined,
    systemComponent: r.system_component ?? undefined,
    licence: r.licence ?? undefined,
  };
}

interface SoftwareRow extends SoftwareEntryRow {
  ctid: string;
  first_seen: Date;
}

/** Packages by their key columns: (source, name, arch), arch '' where there is none. */
export interface PackageKeys {
  source: string[];
  name: string[];
  arch: string[];
}

/**
 * Reads a device's software for a diff: all of it, or only the rows of the packages named (what a
 * delta touches). Call it under the device's lock (lockAgentDevice): the row addresses it returns
 * stay valid only while nobody else writes that device's rows.
 */
export async function readInstalledSoftware(db: Queryable, deviceId: string, packages?: PackageKeys): Promise<StoredSoftware[]> {
  const { rows } = packages
    ? await db.query<SoftwareRow>(
      `select ctid::text as ctid, ${SOFTWARE_ENTRY_COLUMNS}, first_seen from device_software
        where device_id = $1 and (source, name, coalesce(arch, '')) in (select * from unnest($2::text[], $3::text[], $4::text[]))`,
      [deviceId, packages.source, packages.name, packages.arch],
    )
    : await db.query<SoftwareRow>(
      `select ctid::text as ctid, ${SOFTWARE_ENTRY_COLUMNS}, first_seen from device_software where device_id = $1`,
      [deviceId],
    );
  return rows.map((r) => ({ ...toSoftwareEntry(r), rowId: r.ctid, firstSeen: new Date(r.first_seen) }));
}

/**
 * Rows written or deleted per statement. A statement holds the embedded database's thread until it
 * ends, and a pause between statements lets health checks and other work in: 2,500 rows take a
 * few hundred milliseconds there (the software counts' trigger included), and cost nothing extra
 * on PostgreSQL next to one statement.
 */
const ROWS_PER_STATEMENT = 2500;

function inSlices<T>(items: readonly T[]): T[][] {
  const slices: T[][] = [];
  for (let start = 0; start < items.length; start += ROWS_PER_STATEMENT) slices.push(items.slice(start, start + ROWS_PER_STATEMENT));
  return slices;
}

export async function deleteInstalledSoftware(db: Queryable, deviceId: string, rows: StoredSoftware[]): Promise<void> {
  for (const slice of inSlices(rows)) {
    await db.query('delete from device_software where device_id = $1 and ctid = any($2::tid[])', [deviceId, slice.map((r) => r.rowId)]);
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A JSON array of the mapped items, written a slice at a time with the event loop let in between:
 * the text of 100,000 rows would otherwise hold every other request while it is written.
 */
async function jsonInSlices<T>(items: readonly T[], map: (item: T) => unknown, slice = 5000): Promise<string> {
  const parts: string[] = [];
  for (let start = 0; start < items.length; start += slice) {
    if (start > 0) await nextTurn();
    const text = JSON.stringify(items.slice(start, start + slice).map(map));
    parts.push(text.slice(1, -1));
  }
  return `[${parts.filter((p) => p.length > 0).join(',')}]`;
}

const column = <T>(items: T[], pick: (item: T) => string | undefined | null) => items.map((i) => pick(i) ?? null);

/** The title of a software row (alias r, publisher and version possibly null) as alias t. */
const TITLE_OF_ROW = (r: string) =>
  `t.name = ${r}.name and t.source = ${r}.source and t.publisher = coalesce(${r}.publisher, '') and t.version = coalesce(${r}.version, '')`;

/** The order in which the database makes titles (md5 of their unique key), computed alike here. */
function titleOrderKey(s: InstalledSoftware): string {
  return createHash('md5').update([s.source, s.name, s.publisher ?? '', s.version ?? ''].join('\x1f')).digest('hex');
}

/**
 * Inserts software rows, ROWS_PER_STATEMENT at a time. Each row is linked to its title, which
 * reconciliation joins by id; titles not known yet are made in the order of their unique key,
 * within each statement and, the rows being sorted by that key first, across statements too, so
 * two reports bringing the same new titles wait for each other instead of deadlocking. A title
 * another report is making at the same moment is left unlinked, and reconciliation finds it by
 * its text.
 */
export async function insertInstalledSoftware(db: Queryable, deviceId: string, software: InstalledSoftware[]): Promise<void> {
  if (software.length <= ROWS_PER_STATEMENT) return insertSoftwareRows(db, deviceId, software);
  const keyed = await titleOrderKeys(software);
  await nextTurn();
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const slice of inSlices(keyed)) await insertSoftwareRows(db, deviceId, slice.map((k) => k.s));
}

/**
 * Each row with its title's order key, a slice at a time: hashing 100,000 rows in one pass held
 * health checks for over half a second, with the garbage collection it brings.
 */
async function titleOrderKeys(software: InstalledSoftware[]): Promise<Array<{ s: InstalledSoftware; key: string }>> {
  const keyed: Array<{ s: InstalledSoftware; key: string }> = [];
  for (const slice of inSlices(software)) {
    if (keyed.length > 0) await nextTurn();
    for (const s of slice) keyed.push({ s, key: titleOrderKey(s) });
  }
  return keyed;
}

/**
 * One statement of software rows: they travel as one JSON parameter, which both back ends parse
 * far faster than one array parameter per column.
 */
async function insertSoftwareRows(db: Queryable, deviceId: string, software: InstalledSoftware[]): Promise<void> {
  if (software.length === 0) return;
  const rows = await jsonInSlices(software, (s) => ({
    source: s.source, name: s.name, version: s.version, publisher: s.publisher, arch: s.arch,
    install_date: s.installDate, install_location: s.installLocation, product_code: s.productCode,
    system_component: s.systemComponent, licence: s.licence, first_seen: s.firstSeen,
  }));
  await db.query(
    `with incoming as materialized (
       select r.*, t.id as title_id
         from json_to_recordset($2::json) as r(source text, name text, version text, publisher text, arch text,
              install_date text, install_location text, product_code text, system_component boolean, licence jsonb, first_seen timestamptz)
         left join software_titles t on ${TITLE_OF_ROW('r')}
     ), added as (
       insert into software_titles (source, name, publisher, version, first_seen)
       select source, name, publisher, version, first_seen from (
         select r.source, r.name, coalesce(r.publisher, '') as publisher, coalesce(r.version, '') as version, min(r.first_seen) as first_seen
           from incoming r where r.title_id is null group by 1, 2, 3, 4) n
        order by md5(source || chr(31) || name || chr(31) || publisher || chr(31) || version)
       on conflict do nothing
       returning id, source, name, publisher, version
     )
     insert into device_software (device_id, source, name, version, publisher, arch, install_date, install_location, product_code,
                                  system_component, licence, first_seen, title_id)
     select $1, r.source, r.name, r.version, r.publisher, r.arch, r.install_date, r.install_location, r.product_code,
            r.system_component, r.licence, r.first_seen, coalesce(r.title_id, t.id)
       from incoming r left join added t on r.title_id is null and ${TITLE_OF_ROW('r')}`,
    [deviceId, rows],
  );
}

export async function insertSoftwareChanges(db: Queryable, deviceId: string, at: Date, changes: SoftwareChange[]): Promise<void> {
  if (changes.length === 0) return;
  await db.query(
    `insert into software_changes (time, device_id, change, source, name, arch, old_version, new_version)
     select $1, $2, * from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`,
    [
      at,
      deviceId,
      column(changes, (c) => c.change),
      column(changes, (c) => c.source),
      column(changes, (c) => c.name),
      column(changes, (c) => c.arch),
      column(changes, (c) => c.oldVersion),
      column(changes, (c) => c.newVersion),
    ],
  );
}

export interface SoftwareChangeRow extends SoftwareChange {
  time: Date;
}

/** A device's software changes, newest first; the index on (device_id, time desc) serves it. */
export async function listSoftwareChanges(db: Queryable, deviceId: string, limit: number): Promise<SoftwareChangeRow[]> {
  const { rows } = await db.query<{ time: Date; change: SoftwareChange['change']; source: string; name: string; arch: string | null; old_version: string | null; new_version: string | null }>(
    `select time, change, source, name, arch, old_version, new_version from software_changes
      where device_id = $1 order by time desc, name limit $2`,
    [deviceId, limit],
  );
  return rows.map((r) => ({
    time: r.time, change: r.change, source: r.source, name: r.name,
    arch: r.arch ?? undefined, oldVersion: r.old_version ?? undefined, newVersion: r.new_version ?? undefined,
  }));
}
