import path from 'node:path';
import type { SoftwareEntry } from '@steward/shared/protocol';
import { entriesOf, softwareEntry } from './software-entry.js';
import { listDir } from './read-sys.js';

/** Where Homebrew lives on Apple silicon and on Intel Macs. */
export const BREW_PREFIXES = ['/opt/homebrew', '/usr/local'];

/** `brew list --versions` (or `--cask --versions`): "name version [version...]", every installed version an entry. */
export function parseBrewListVersions(output: string, location?: string): SoftwareEntry[] {
  return entriesOf(output.split(/\r?\n/).flatMap((line) => {
    const [name, ...versions] = line.trim().split(/\s+/);
    if (!name) return [];
    return (versions.length ? versions : [undefined]).map((version) => softwareEntry({
      name, version, productCode: name, installLocation: location && version ? path.posix.join(location, name, version) : undefined, source: 'homebrew',
    }));
  }));
}

interface BrewInfo {
  formulae?: Array<{ name?: string; full_name?: string; tap?: string; installed?: Array<{ version?: string }> }>;
  casks?: Array<{ token?: string; full_token?: string; name?: string[]; tap?: string; installed?: string | null; version?: string }>;
}

/** `brew info --json=v2 --installed`: formulae with their installed versions, casks with their display names. */
export function parseBrewInfoJson(json: string): SoftwareEntry[] {
  let info: BrewInfo;
  try {
    info = JSON.parse(json) as BrewInfo;
  } catch {
    return [];
  }
  const formulae = (info.formulae ?? []).flatMap((f) => (f.installed?.length ? f.installed : [{}]).map((i) =>
    softwareEntry({ name: f.name, version: i.version, publisher: f.tap, productCode: f.full_name ?? f.name, source: 'homebrew' })));
  const casks = (info.casks ?? []).map((c) => softwareEntry({
    name: c.name?.[0] ?? c.token, version: c.installed ?? c.version, publisher: c.tap, productCode: c.full_token ?? c.token, source: 'homebrew',
  }));
  return entriesOf([...formulae, ...casks]);
}

/**
 * Reads Homebrew's Cellar and Caskroom directories (<prefix>/Cellar/<name>/<version>) instead of
 * running brew, which refuses to run as root, as the agent does, and takes a second to start.
 */
export async function collectHomebrew(prefixes = BREW_PREFIXES): Promise<SoftwareEntry[]> {
  const lists = await Promise.all(prefixes.flatMap((prefix) => ['Cellar', 'Caskroom'].map(async (room) => {
    const dir = `${prefix}/${room}`;
    const names = (await listDir(dir)).filter((n) => !n.startsWith('.'));
    const lines = await Promise.all(names.map(async (name) => `${name} ${(await listDir(`${dir}/${name}`)).filter((v) => !v.startsWith('.')).join(' ')}`));
    return parseBrewListVersions(lines.join('\n'), dir);
  })));
  return lists.flat();
}
