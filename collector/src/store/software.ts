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

export async function readInstalledSoftware(db: Queryable, deviceId: string): Promise<InstalledSoftware[]> {
  const { rows } = await db.query<{ source: SoftwareEntry['source']; name: string; version: string | null; arch: string | null; first_seen: Date }>(
    'select source, name, version, arch, first_seen from device_software where device_id = $1',
    [deviceId],
  );
  return rows.map((r) => ({ source: r.source, name: r.name, version: r.version ?? undefined, arch: r.arch ?? undefined, firstSeen: r.first_seen }));
}

const column = <T>(items: T[], pick: (item: T) => string | undefined | null) => items.map((i) => pick(i) ?? null);

/** Replaces a device's software list with one statement for the whole list, however long. */
export async function replaceInstalledSoftware(db: Queryable, deviceId: string, software: InstalledSoftware[]): Promise<void> {
  await db.query('delete from device_software where device_id = $1', [deviceId]);
  if (software.length === 0) return;
  await db.query(
    `insert into device_software (device_id, source, name, version, publisher, arch, install_date, install_location, product_code, first_seen)
     select $1, * from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[])`,
    [
      deviceId,
      column(software, (s) => s.source),
      column(software, (s) => s.name),
      column(software, (s) => s.version),
      column(software, (s) => s.publisher),
      column(software, (s) => s.arch),
      column(software, (s) => s.installDate),
      column(software, (s) => s.installLocation),
      column(software, (s) => s.productCode),
      software.map((s) => s.firstSeen.toISOString()),
    ],
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
