import type { Queryable } from './database.js';

/**
 * One device_software row as the protocol's canonical JSON of its entry (keys sorted, absent
 * fields left out), built in SQL so a delta's new digest needs no row to leave the database.
 * The licence object is left out: rows carrying one are digested by the caller instead.
 */
const CANONICAL_ENTRY = `'{' || concat_ws(',',
    case when arch is not null then '"arch":' || to_json(arch)::text end,
    case when install_date is not null then '"installDate":' || to_json(install_date)::text end,
    case when install_location is not null then '"installLocation":' || to_json(install_location)::text end,
    '"name":' || to_json(name)::text,
    case when product_code is not null then '"productCode":' || to_json(product_code)::text end,
    case when publisher is not null then '"publisher":' || to_json(publisher)::text end,
    '"source":' || to_json(source)::text,
    case when system_component is not null then '"systemComponent":' || case when system_component then 'true' else 'false' end end,
    case when version is not null then '"version":' || to_json(version)::text end
  ) || '}'`;

/**
 * The software digest of what a device holds, computed where the rows are: the canonical lines
 * sorted bytewise and hashed. Undefined when a row carries a licence. Bytewise order is the
 * protocol's order for every character below U+10000; a caller whose hash does not match
 * recomputes the digest from the rows before concluding anything.
 */
export async function storedSoftwareDigest(db: Queryable, deviceId: string): Promise<{ digest: string; count: number } | undefined> {
  const { rows } = await db.query<{ digest: string; count: number; licensed: boolean | null }>(
    `select encode(sha256(convert_to(coalesce(string_agg(line, E'\\n' order by line collate "C"), ''), 'UTF8')), 'hex') as digest,
            count(*)::int as count, bool_or(licensed) as licensed
       from (select ${CANONICAL_ENTRY} as line, licence is not null as licensed from device_software where device_id = $1) entries`,
    [deviceId],
  );
  const row = rows[0];
  if (!row || row.licensed) return undefined;
  return { digest: row.digest, count: row.count };
}
