import { readFile } from 'node:fs/promises';
import type { HardwareInfo } from '@steward/shared/protocol';
import { listDir, readSysText } from './read-sys.js';
import { known } from './placeholder-values.js';
import { repairText } from './text-repair.js';

type Monitor = NonNullable<HardwareInfo['monitors']>[number];

const HEADER = [0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00];

/**
 * Reads a monitor's EDID base block (VESA E-EDID 1.x): the three-letter manufacturer id, the
 * monitor name and serial descriptors (the numeric serial when no descriptor has one), the year of
 * manufacture and the screen size. A block with a bad header or checksum is refused.
 */
export function parseEdid(bytes: Uint8Array, connector?: string): Monitor | undefined {
  if (bytes.length < 128 || HEADER.some((b, i) => bytes[i] !== b)) return undefined;
  if (bytes.subarray(0, 128).reduce((sum, b) => (sum + b) & 0xff, 0) !== 0) return undefined;
  const id = (bytes[8]! << 8) | bytes[9]!;
  const letter = (shift: number) => String.fromCharCode(64 + ((id >> shift) & 0x1f));
  const descriptors = new Map<number, string>();
  for (let at = 54; at < 126; at += 18) {
    if (bytes[at] === 0 && bytes[at + 1] === 0 && bytes[at + 2] === 0) {
      const text = new TextDecoder('latin1').decode(bytes.subarray(at + 5, at + 18)).split('\n')[0]!;
      descriptors.set(bytes[at + 3]!, repairText(text).trim());
    }
  }
  const serialNumber = (bytes[12]! | (bytes[13]! << 8) | (bytes[14]! << 16) | (bytes[15]! << 24)) >>> 0;
  const year = bytes[17]! + 1990;
  return {
    manufacturer: `${letter(10)}${letter(5)}${letter(0)}`,
    // Laptop panels carry no name descriptor; their last text descriptor is the panel's part number.
    model: known(descriptors.get(0xfc)) ?? known(descriptors.get(0xfe)),
    serial: known(descriptors.get(0xff)) ?? (serialNumber ? String(serialNumber) : undefined),
    manufactureYear: bytes[16] === 0xff ? year : year > 1990 ? year : undefined,
    widthMm: bytes[21] ? bytes[21] * 10 : undefined,
    heightMm: bytes[22] ? bytes[22] * 10 : undefined,
    connector,
  };
}

/** Connected outputs under /sys/class/drm (card0-HDMI-A-1...) that expose their monitor's EDID. */
export async function readDrmMonitors(root = '/sys/class/drm'): Promise<Monitor[]> {
  const outputs = (await listDir(root)).filter((name) => /^card\d+-/.test(name));
  const monitors = await Promise.all(outputs.map(async (name) => {
    if ((await readSysText(`${root}/${name}/status`)) !== 'connected') return undefined;
    const edid = await readFile(`${root}/${name}/edid`).catch(() => undefined);
    return edid?.length ? parseEdid(edid, name.replace(/^card\d+-/, '')) : undefined;
  }));
  return monitors.filter((m): m is Monitor => m !== undefined);
}
