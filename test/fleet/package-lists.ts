import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { SoftwareEntry } from '@steward/shared';
import { collectDpkg, parseDpkgQuery } from '../../agent/src/collectors/dpkg.js';
import { parseRpmQuery } from '../../agent/src/collectors/rpm.js';

/** Real package lists captured elsewhere, read in place when this machine has them. */
const CAPTURED = '/work/shared/fixtures/inventory/linux-packages';

/**
 * The package lists simulated agents start from: this machine's own dpkg database and, when present,
 * package lists captured on real machines. At least one list is always found on a Debian host.
 */
export async function basePackageLists(): Promise<SoftwareEntry[][]> {
  const lists: SoftwareEntry[][] = [];
  const own = await collectDpkg().catch(() => []);
  if (own.length) lists.push(own);
  if (existsSync(`${CAPTURED}/dpkg`)) lists.push(parseDpkgQuery(readFileSync(`${CAPTURED}/dpkg`, 'utf8')));
  if (existsSync(`${CAPTURED}/rpm`)) lists.push(parseRpmQuery(readFileSync(`${CAPTURED}/rpm`, 'utf8')));
  const usable = lists.filter((list) => list.length > 0);
  if (!usable.length) throw new Error('no package list found: the simulator needs dpkg on this machine or captured lists');
  return usable;
}

/** A number in [0, 1) fixed by the text, so one agent's variations are the same on every run. */
function unit(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32;
}

/**
 * One agent's own list: a base list with about 3% of it left out, some versions moved on and a
 * few packages of its own, so no two agents hold quite the same software.
 */
export function packagesFor(agentIndex: number, bases: SoftwareEntry[][]): SoftwareEntry[] {
  const base = bases[agentIndex % bases.length]!;
  const mine = base
    .filter((entry) => unit(`${agentIndex}:skip:${entry.name}`) >= 0.03)
    .map((entry) => (entry.version && unit(`${agentIndex}:bump:${entry.name}`) < 0.02 ? { ...entry, version: `${entry.version}+local${agentIndex % 5}` } : entry));
  for (let i = 0; i < 1 + (agentIndex % 4); i++) {
    mine.push({ name: `site-tool-${(agentIndex * 7 + i) % 300}`, version: `1.${agentIndex % 9}.${i}`, publisher: 'Site IT', source: base[0]?.source ?? 'dpkg' });
  }
  return mine;
}

/** The list after `count` upgrades: what a delta of that many packages carries. */
export function upgradeSome(software: SoftwareEntry[], count: number, round: number): SoftwareEntry[] {
  const step = Math.max(1, Math.floor(software.length / count));
  return software.map((entry, i) => (i % step === 0 && i / step < count ? { ...entry, version: `${entry.version ?? '0'}.u${round}` } : entry));
}
