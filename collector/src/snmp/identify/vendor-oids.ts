import snmp from 'net-snmp';
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
  return [...own, ...entries.filter((entry) => entry.enterprise === undefined)];
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
        const text = field === 'serial' ? serialText(answers.get(oidOf(source)), cells) : cells.text(answers.get(oidOf(source)), field, 256);
        const value = text && typeof source !== 'string' && source.pattern ? text.match(new RegExp(source.pattern))?.groups?.value : text;
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

/** Some makers state the serial number as an unsigned number (Unsigned32, which shares Gauge32's tag) rather than as text. */
function serialText(vb: Varbind | undefined, cells: CellReader): string | undefined {
  if (vb && typeof vb.value === 'number' && vb.type === snmp.ObjectType.Gauge) return String(vb.value);
  return cells.text(vb, 'serial', 256);
}

function oidOf(source: OidSource): string {
  return typeof source === 'string' ? source : source.oid;
}
