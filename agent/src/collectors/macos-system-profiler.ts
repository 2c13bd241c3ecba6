import type { Filesystem } from '@steward/shared/protocol';
import { known } from './placeholder-values.js';
import { runCommand } from './run-command.js';
import { repairDeep } from './text-repair.js';

const indentOf = (line: string) => line.length - line.trimStart().length;

/** "494,38 GB (494 384 795 648 bytes)": the exact count in brackets, whatever the locale's separators. */
function bytesOf(text: string | undefined): number | undefined {
  const digits = /\(([\d\s.,\u00a0\u202f']+)\s*bytes\)/.exec(text ?? '')?.[1]?.replace(/\D/g, '');
  return digits ? Number(digits) : undefined;
}

/** The "Key: value" lines of the block of equal indent around line `at`, and the heading above it. */
function blockAround(lines: string[], at: number): { heading?: string; fields: Map<string, string> } {
  const indent = indentOf(lines[at]!);
  const inBlock = (line: string | undefined) => line !== undefined && line.trim() !== '' && indentOf(line) >= indent;
  let start = at;
  while (inBlock(lines[start - 1])) start--;
  let end = at;
  while (inBlock(lines[end + 1])) end++;
  const fields = new Map<string, string>();
  for (const line of lines.slice(start, end + 1)) {
    const match = indentOf(line) === indent ? /^\s*([^:]+):\s?(.*)$/.exec(line) : null;
    if (match && !fields.has(match[1]!)) fields.set(match[1]!, match[2]!.trim());
  }
  let heading = start - 1;
  while (heading >= 0 && lines[heading]!.trim() === '') heading--;
  const title = heading >= 0 ? /^\s*(.+):\s*$/.exec(lines[heading]!)?.[1] : undefined;
  return { heading: title, fields };
}

/**
 * The mounted volumes of a system_profiler text report: SPStorageDataType's volumes (macOS 10.7 and
 * later) and the Volumes lists under each drive in older reports, wherever a block states a mount
 * point and a capacity. Automounter entries (no capacity) are left out; a volume listed twice once.
 */
export function parseSystemProfilerVolumes(text: string): Filesystem[] {
  const lines = text.split(/\r?\n/);
  const volumes = new Map<string, Filesystem>();
  lines.forEach((line, i) => {
    if (!/^\s*Mount Point:/.test(line)) return;
    const { heading, fields } = blockAround(lines, i);
    const mountPoint = known(fields.get('Mount Point'));
    const sizeBytes = bytesOf(fields.get('Capacity'));
    if (!mountPoint || sizeBytes === undefined || volumes.has(mountPoint)) return;
    const bsd = known(fields.get('BSD Name'));
    volumes.set(mountPoint, {
      mountPoint,
      type: known(fields.get('File System')) ?? known(fields.get('Type')),
      sizeBytes,
      freeBytes: bytesOf(fields.get('Free') ?? fields.get('Available')),
      device: bsd ? `/dev/${bsd}` : undefined,
      label: known(heading),
      uuid: known(fields.get('Volume UUID')),
    });
  });
  return repairDeep([...volumes.values()]);
}

export interface MacosSoftware {
  name?: string;
  version?: string;
  build?: string;
  kernel?: string;
}

/** SPSoftwareDataType's "System Version: macOS 14.5 (23F79)" and "Kernel Version: Darwin 23.5.0". */
export function parseSoftwareOverview(text: string): MacosSoftware {
  const field = (name: string) => new RegExp(`^\\s*${name}:\\s*(.+)$`, 'm').exec(text)?.[1]?.trim();
  const system = /^(.*?)\s+(\d+(?:\.\d+)+)\s*(?:\(([^)]+)\))?$/.exec(field('System Version') ?? '');
  return { name: known(system?.[1]), version: known(system?.[2]), build: known(system?.[3]), kernel: known(field('Kernel Version')) };
}

let recent: { at: number; report: Promise<string> } | undefined;

/**
 * One run for both data types, shared by the OS and hardware collectors of one collection:
 * system_profiler starts slowly, and each run would pay that again.
 */
export function readSystemProfiler(): Promise<string> {
  if (!recent || recent.at < Date.now() - 60_000) {
    recent = { at: Date.now(), report: runCommand('system_profiler', ['SPSoftwareDataType', 'SPStorageDataType'], { timeoutMs: 60_000 }).then((out) => out ?? '') };
  }
  return recent.report;
}

/** The account the login window offers next: the last one to log in at the console. */
export async function readLastUserName(): Promise<string | undefined> {
  const output = await runCommand('defaults', ['read', '/Library/Preferences/com.apple.loginwindow', 'lastUserName'], { timeoutMs: 5000 });
  return known(output?.trim());
}
