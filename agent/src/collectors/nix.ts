import type { SoftwareEntry } from '@steward/shared/protocol';
import { runCommand } from './run-command.js';
import { onPath } from './executable-path.js';
import { softwareEntry } from './software-entry.js';

/** A store path: /nix/store/<32-character hash>-<name>. */
const STORE_PATH = /^\/nix\/store\/[0-9a-z]{32}-(.+)$/;

/** Store paths that are build inputs, not installed software. */
const NOT_PACKAGES = /\.(drv|tar|tar\.gz|tgz|tar\.bz2|tar\.xz|tar\.zst|zip|patch|diff|sh|conf|lock)$/;

/** The extra outputs of a multi-output package: the same package as its main output. */
const OUTPUT_SUFFIX = /-(dev|bin|lib|out|man|doc|devdoc|info|debug|static|tools)$/;

/**
 * Splits a store name as Nix does (the version starts at the first dash followed by a non-letter),
 * then accepts it only when every dash-separated part of the version starts with a digit: this
 * keeps "1.0.9" and "unstable-2019-01-01"-style dates out of names, and configuration files such as
 * "fc-52-nixos-default-fonts.conf" out of the list.
 */
export function splitNixName(storeName: string): { name: string; version: string } | undefined {
  if (NOT_PACKAGES.test(storeName)) return undefined;
  const base = storeName.replace(OUTPUT_SUFFIX, '');
  const at = base.search(/-[^a-zA-Z-]/);
  if (at <= 0) return undefined;
  const name = base.slice(0, at);
  const version = base.slice(at + 1);
  if (!version.split('-').every((part) => /^\d[0-9A-Za-z.+_~]*$/.test(part))) return undefined;
  return { name, version };
}

/** Parses `nix-store --gc --print-live`: one store path a line; a package reached by several outputs is listed once. */
export function parseNixStorePaths(output: string): SoftwareEntry[] {
  const seen = new Set<string>();
  const entries: SoftwareEntry[] = [];
  for (const line of output.split(/\r?\n/)) {
    const storeName = STORE_PATH.exec(line.trim())?.[1];
    const parsed = storeName ? splitNixName(storeName) : undefined;
    if (!parsed || seen.has(`${parsed.name}\0${parsed.version}`)) continue;
    seen.add(`${parsed.name}\0${parsed.version}`);
    const entry = softwareEntry({ ...parsed, source: 'nix' });
    if (entry) entries.push(entry);
  }
  return entries;
}

export async function collectNix(): Promise<SoftwareEntry[]> {
  if (!onPath('nix-store')) return [];
  const output = await runCommand('nix-store', ['--gc', '--print-live'], { timeoutMs: 60_000 });
  return output === null ? [] : parseNixStorePaths(output);
}
