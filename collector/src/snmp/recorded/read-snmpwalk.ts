import type { Varbind } from 'net-snmp';
import { T } from './object-type.js';
import { counter64Bytes } from './read-snmprec.js';
const START = /^\.?(\d+(?:\.\d+)+) = (?:([\w -]+): ?)?(.*)$/;
const TYPES: Record<string, number | undefined> = {
  STRING: T.OctetString, 'Hex-STRING': T.OctetString, BITS: T.OctetString, Opaque: T.Opaque,
  INTEGER: T.Integer, Counter32: T.Counter, Gauge32: T.Gauge, Unsigned32: T.Gauge, Timeticks: T.TimeTicks,
  Counter64: T.Counter64, OID: T.OID, IpAddress: T.IpAddress, 'Network Address': T.IpAddress,
};

/**
 * Varbinds of `snmpwalk -ObentU` output (numeric OIDs, enums and timeticks, no units). A quoted
 * string or a hex string may run over several lines; lines that do not start a varbind continue
 * the one before.
 */
export function readSnmpwalk(text: string): Varbind[] {
  const entries: Array<{ oid: string; type: string; value: string }> = [];
  for (const line of text.split(/\r?\n/)) {
    const m = line.match(START);
    if (m) entries.push({ oid: m[1]!, type: m[2] ?? '', value: m[3]! });
    else if (entries.length > 0) entries.at(-1)!.value += `\n${line}`;
  }
  return entries.flatMap((e) => varbindOf(e.oid, e.type, e.value) ?? []);
}

function varbindOf(oid: string, typeName: string, raw: string): Varbind | undefined {
  if (typeName === '' && raw.trim() === '""') return { oid, type: T.OctetString, value: Buffer.alloc(0) };
  const type = TYPES[typeName];
  if (type === undefined) return undefined;
  const value = raw.trim();
  if (type === T.OctetString || type === T.Opaque) {
    if (typeName === 'STRING') return { oid, type, value: Buffer.from(unquote(raw), 'utf8') };
    return { oid, type, value: Buffer.from(value.replace(/[^0-9a-f]/gi, ''), 'hex') };
  }
  if (type === T.Counter64) return { oid, type, value: counter64Bytes(value) };
  if (type === T.OID) return { oid, type, value: value.replace(/^\./, '') };
  if (type === T.IpAddress) return { oid, type, value };
  // An enum printed with its label ("up(1)") still carries its number.
  const n = Number(value.match(/-?\d+/)?.[0]);
  return { oid, type, value: Number.isFinite(n) ? n : 0 };
}

function unquote(raw: string): string {
  const text = raw.trim();
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text;
  return text.slice(1, -1).replace(/\\(["\\])/g, '$1');
}
