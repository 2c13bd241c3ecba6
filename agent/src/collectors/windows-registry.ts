import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCommand } from './run-command.js';
import { parseRegExport, type RegKey } from './reg-export.js';

/**
 * Exports a registry key with `reg export` into a temporary file and parses it. The export is the
 * same UTF-16LE .reg text whatever the locale, unlike `reg query`, whose output follows the
 * console code page. /reg:64 reads the 64-bit view even from a 32-bit process.
 */
export async function exportRegistryKey(key: string): Promise<RegKey[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'steward-reg-'));
  const file = path.join(dir, 'export.reg');
  try {
    const done = await runCommand('reg', ['export', key, file, '/y', '/reg:64'], { timeoutMs: 60_000 });
    if (done === null) return [];
    return parseRegExport(await readFile(file));
  } catch {
    return [];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The user hives loaded under HKEY_USERS (`reg query HKU`), without their _Classes companions. */
export function parseUserHives(output: string): string[] {
  return output.split(/\r?\n/).map((line) => line.trim())
    .filter((line) => /^HKEY_USERS\\S-1-5-21-[\d-]+$/i.test(line))
    .map((line) => line.slice('HKEY_USERS\\'.length));
}

export async function loadedUserHives(): Promise<string[]> {
  const output = await runCommand('reg', ['query', 'HKU'], { timeoutMs: 15_000 });
  return output === null ? [] : parseUserHives(output);
}
