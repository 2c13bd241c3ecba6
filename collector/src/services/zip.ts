import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  content: Buffer;
}

/** DOS date and time, as zip headers keep them (local time fields, two-second steps). */
function dosStamp(at: Date): { time: number; date: number } {
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

/** A header: a signature, then little-endian fields of 2 or 4 bytes. */
function header(fields: Array<[2 | 4, number]>): Buffer {
  const out = Buffer.alloc(fields.reduce((n, [size]) => n + size, 0));
  let at = 0;
  for (const [size, value] of fields) {
    at = size === 2 ? out.writeUInt16LE(value, at) : out.writeUInt32LE(value, at);
  }
  return out;
}

const VERSION = 20;
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;

/**
 * A zip archive of the files, each deflated, names in UTF-8: enough for a handful of report tables,
 * which is all it is for (no zip64, so each file and the whole stay under 4 GiB).
 */
export function zipFiles(entries: ZipEntry[], at = new Date()): Buffer {
  const { time, date } = dosStamp(at);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = deflateRawSync(entry.content);
    const common: Array<[2 | 4, number]> = [
      [2, UTF8_NAMES], [2, DEFLATE], [2, time], [2, date], [4, crc32(entry.content)], [4, data.length], [4, entry.content.length], [2, name.length],
    ];
    const local = header([[4, 0x04034b50], [2, VERSION], ...common, [2, 0]]);
    // Made by, needed, the common fields, then extra, comment, disk, attributes and the local header's offset.
    centrals.push(header([[4, 0x02014b50], [2, VERSION], [2, VERSION], ...common, [2, 0], [2, 0], [2, 0], [2, 0], [4, 0], [4, offset]]), name);
    locals.push(local, name, data);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = header([[4, 0x06054b50], [2, 0], [2, 0], [2, entries.length], [2, entries.length], [4, directory.length], [4, offset], [2, 0]]);
  return Buffer.concat([...locals, directory, end]);
}
