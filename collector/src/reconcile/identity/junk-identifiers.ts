import { readFileSync } from 'node:fs';
import { z } from 'zod';

const FILE = new URL('../../../data/catalogue/junk-identifiers.json', import.meta.url);

const junkFile = z.object({
  serials: z.array(z.string()),
  uuids: z.array(z.string()),
  virtualMacPrefixes: z.record(z.string(), z.string()),
  hostnames: z.array(z.string()),
  models: z.array(z.string()),
});

/** Identifier values that identify nothing, in the forms the matching SQL compares against. */
export interface JunkIdentifiers {
  /** Upper case, trimmed. */
  serials: string[];
  /** Lower case hex without dashes. */
  uuids: string[];
  /** Lower case, colon separated, 2 or 3 octets. */
  macPrefixes: string[];
  hostnames: string[];
  /** Upper case: placeholder model names. */
  models: string[];
}

let cached: JunkIdentifiers | undefined;

export function junkIdentifiers(): JunkIdentifiers {
  if (cached) return cached;
  const raw = junkFile.parse(JSON.parse(readFileSync(FILE, 'utf8')));
  cached = {
    serials: raw.serials.map((s) => s.trim().toUpperCase()),
    uuids: raw.uuids.map((u) => u.toLowerCase().replace(/-/g, '')),
    macPrefixes: Object.keys(raw.virtualMacPrefixes).map((p) => p.toLowerCase()),
    hostnames: raw.hostnames.map((h) => h.toLowerCase()),
    models: raw.models.map((m) => m.trim().toUpperCase()),
  };
  return cached;
}
