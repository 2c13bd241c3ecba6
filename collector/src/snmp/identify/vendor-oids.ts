import type { Varbind } from 'net-snmp';
import { identityValue } from '@steward/shared';
import type { CellReader } from '../values/cell-reader.js';
import { VENDOR_OID_FIELDS, vendorOidTable, type OidSource, type VendorOidEntry } from './data-tables.js';

export type VendorOidField = (typeof VENDOR_OID_FIELDS)[number];
export type VendorOidFindings = Partial<Record<VendorOidField, string>>;

/**
 * Entries of the vendor OID table that apply to these enterprises, the vendor's own first; an entry
 * narrowed to a product line applies only when the sysObjectID falls under it, and comes first.
 */
export function vendorOidEntries(enterprises: number[], sysObjectID: string | undefined): VendorOidEntry[] {
  const oid = sysObjectID?.replace(/^\./, '');
  const applies = (entry: VendorOidEntry) => !entry.sysObjectIDPrefix || (oid !== undefined && `${oid}.`.startsWith(`${entry.sysObjectIDPrefix}.`));
  const entries = vendorOidTable().entries.filter(applies);
  const own = enterprises.flatMap((e) => entries.filter((entry) => entry.enterprise === e));
  own.sort((a, b) => Number(b.sysObjectIDPrefix !== undefined) - Number(a.sysObjectIDPrefix !== undefined));
  return [...own, ...entries.filter((entry) => entry.enterprise === undefined)].flatMap((entry) => underThisProduct(entry, oid));
}

/** The entry with its product-relative sources placed under this sysObjectID; none of them without one. */
function underThisProduct(entry: VendorOidEntry, sysObjectID: string | undefined): VendorOidEntry[] {
  if (!VENDOR_OID_FIELDS.some((field) => entry[field]?.some((s) => typeof s !== 'string' && s.underSysObjectID))) return [entry];
  const placed: VendorOidEntry = { ...entry };
  for (const field of VENDOR_OID_FIELDS) {
    placed[field] = entry[field]?.flatMap((s) => {
      if (typeof s === 'string' || !s.underSysObjectID) return [s];
      return sysObjectID ? [{ ...s, oid: `${sysObjectID}.${s.oid}`, underSysObjectID: false }] : [];
    });
  }
  return [placed];
}

/** Scalars to GET, and table columns whose first row to read with GETNEXT. */
export function oidsToRead(entries: VendorOidEntry[]): { scalars: string[]; columns: string[] } {
  const scalars = new Set<string>();
  const columns = new Set<string>();
  for (const entry of entries) {
    for (const field of VENDOR_OID_FIELDS) {
      for (const s of entry[field] ?? []) (typeof s !== 'string' && s.firstRow ? columns : scalars).add(oidOf(s));
    }
  }
  return { scalars: [...scalars], columns: [...columns] };
}

/** The first non-empty value per field, in table order, through each source's pattern when it has one. */
export function readVendorOids(entries: VendorOidEntry[], answers: Map<string, Varbind>, cells: CellReader): VendorOidFindings {
  const found: VendorOidFindings = {};
  for (const field of VENDOR_OID_FIELDS) {
    for (const entry of entries) {
      for (const source of entry[field] ?? []) {
        const answer = answers.get(oidOf(source));
        // Some makers state a serial number or build as an unsigned integer rather than a string.
        const text = typeof answer?.value === 'number' ? String(answer.value) : cells.text(answer, field, 256);
        const read = text && typeof source !== 'string' && source.pattern ? text.match(new RegExp(source.pattern))?.groups?.value : text;
        const value = read && typeof source !== 'string' && source.template ? source.template.replace('{value}', read) : read;
        const kept = identityValue(value);
        if (kept) {
          found[field] = kept.slice(0, 128);
          break;
        }
      }
      if (found[field]) break;
    }
  }
  return found;
}

function oidOf(source: OidSource): string {
  return typeof source === 'string' ? source : source.oid;
}
