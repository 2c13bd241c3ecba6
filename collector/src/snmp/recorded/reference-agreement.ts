import { isIdentityPlaceholder, type SnmpDeviceIdentity } from '@steward/shared';
import { z } from 'zod';
import { osFamilyTable } from '../identify/data-tables.js';

const osFamilyNames = () => osFamilyTable().families;

export const COMPARED_FIELDS = ['vendor', 'model', 'serial', 'os', 'version'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];
export type Verdict = 'agree' | 'wrong' | 'empty';

const value = z.union([z.string(), z.number()]).nullish().transform((v) => {
  const text = v === null || v === undefined ? '' : String(v).trim();
  // Values the reference withheld ("private") or never had (a placeholder such as "<serial>", "N/A"
  // or all zeros, which Steward itself never keeps) are no reference at all.
  return text && !/^<?private>?$/i.test(text) && !isIdentityPlaceholder(text) ? text : undefined;
});
const referenceEntry = z.object({
  vendor: value, model: value, hardware: value, serial: value, os: value, version: value,
}).transform((e) => ({ vendor: e.vendor, model: e.model ?? e.hardware, serial: e.serial, os: e.os, version: e.version }));
/** A reference file: `{ devices: { NAME: {...} } }`, `{ NAME: {...} }` or `[{ name, ... }]`. */
export const referenceFile = z.union([
  z.object({ devices: z.record(z.string(), referenceEntry) }).transform((f) => f.devices),
  z.array(z.object({ name: z.string() }).passthrough()).transform((list) =>
    Object.fromEntries(list.map((e) => [e.name, referenceEntry.parse(e)]))),
  z.record(z.string(), referenceEntry),
]);
export type Reference = Record<string, Partial<Record<ComparedField, string>>>;

/** What Steward says for each compared field. */
export function stewardValues(identity: SnmpDeviceIdentity): Partial<Record<ComparedField, string>> {
  return {
    vendor: identity.vendor,
    model: identity.model,
    serial: identity.serial,
    os: identity.os,
    version: identity.osVersion ?? identity.firmware,
  };
}

/** Agreement of one field: undefined where the reference holds no value. */
export function verdict(field: ComparedField, reference: string | undefined, steward: Partial<Record<ComparedField, string>>): Verdict | undefined {
  if (!reference) return undefined;
  const ours = steward[field];
  if (!ours) return 'empty';
  return AGREES[field](reference, ours, steward) ? 'agree' : 'wrong';
}

const letters = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** One names the other when either holds the other whole (both at least two characters). */
function contains(a: string, b: string): boolean {
  const x = letters(a);
  const y = letters(b);
  if (x.length < 2 || y.length < 2) return x === y && x !== '';
  return x.includes(y) || y.includes(x);
}

/**
 * Versions agree when equal, when the one holds the other as a whole version number (a reference
 * often decorates the number: "Build 5.01.B65", "CAT9K_IOSXE 17.15.2", "AOS v3.5.9 / App v3.5.6"),
 * when the reference names the release and Steward adds its build number ("Server 2003 (NT 5.2)" for 5.2.3790),
 * or when the reference is Steward's version with a build code in brackets after it ("250 (180821PL1736)").
 */
function sameVersion(reference: string, ours: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/^(?:version|ver\.?|v)\s*/, '').replace(/\s+/g, ' ').trim();
  const x = norm(reference);
  const y = norm(ours);
  if (x === y) return true;
  if (x.startsWith(`${y} (`) && x.endsWith(')') && /\d/.test(y)) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  if (/\d[.\-_]\d/.test(short) && holdsWholeNumber(long, short)) return true;
  const releases = [...x.matchAll(/(?:^|[^\w.])v?(\d+(?:\.\d+)+)(?![.\w])/g)].flatMap((m) => (m[1] ? [m[1]] : []));
  return releases.some((release) => y.startsWith(`${release}.`) && /^\d+$/.test(y.slice(release.length + 1)));
}

/** `long` holds `short` as a whole number: neither run on by a digit, nor preceded by a letter other than a 'v' prefix. */
function holdsWholeNumber(long: string, short: string): boolean {
  for (let at = long.indexOf(short); at >= 0; at = long.indexOf(short, at + 1)) {
    const before = long.charAt(at - 1);
    const prefixed = before === 'v' && !/[a-z0-9]/.test(long.charAt(at - 2));
    const after = long.slice(at + short.length, at + short.length + 2);
    if ((prefixed || !/[a-z0-9]/.test(before)) && !/^\d|^[.\-_]\d/.test(after)) return true;
  }
  return false;
}

/**
 * A reference OS may be a family key (a product or the maker's name, "airos", "dsm", "ios"):
 * it agrees with the OS named, or with the maker where gear has no OS name of its own.
 */
function sameOs(reference: string, ours: string, steward: Partial<Record<ComparedField, string>>): boolean {
  if (osFamilyNames()[reference]?.some((name) => letters(name) === letters(ours))) return true;
  const family = reference.split(/[-_ ]/)[0]!;
  return [ours, `${steward.vendor ?? ''} ${ours}`].some((name) => contains(name, reference) || (family.length >= 3 && letters(name).includes(letters(family))));
}

const AGREES: Record<ComparedField, (reference: string, ours: string, steward: Partial<Record<ComparedField, string>>) => boolean> = {
  vendor: (r, o) => contains(r, o),
  model: (r, o) => contains(r, o),
  serial: (r, o) => letters(r) === letters(o),
  os: sameOs,
  version: (r, o) => sameVersion(r, o),
};
