import type { Varbind } from 'net-snmp';
import { T } from './object-type.js';

/**
 * Varbinds of a snmprec recording (snmpsim's format: one `OID|TAG|VALUE` a line, TAG the BER type
 * number, `x` after it for a hex value, `e` for a Python-escaped one). The text is read as Latin-1
 * so that every byte of a plain value is kept as recorded.
 */
export function readSnmprec(text: string): Varbind[] {
  const found: Varbind[] = [];
  for (const line of text.split('\n')) {
    const first = line.indexOf('|');
    const second = line.indexOf('|', first + 1);
    if (first <= 0 || second < 0 || line.startsWith('#')) continue;
    const oid = line.slice(0, first).replace(/^\./, '');
    const tag = line.slice(first + 1, second);
    const raw = line.slice(second + 1).replace(/\r$/, '');
    const vb = varbindOf(oid, tag, raw);
    if (vb) found.push(vb);
  }
  return found;
}

function varbindOf(oid: string, tag: string, raw: string): Varbind | undefined {
  const type = Number(tag.match(/^\d+/)?.[0]);
  const encoding = tag.slice(String(type).length);
  const bytes = () => (encoding.includes('x') ? Buffer.from(raw.replace(/[^0-9a-f]/gi, ''), 'hex') : encoding.includes('e') ? unescape(raw) : Buffer.from(raw, 'latin1'));
  switch (type) {
    case T.Integer: case T.Counter: case T.Gauge: case T.TimeTicks:
      return { oid, type, value: Number(raw) || 0 };
    case T.Counter64:
      return { oid, type, value: counter64Bytes(raw) };
    case T.OctetString: case T.Opaque:
      return { oid, type, value: bytes() };
    case T.OID:
      return { oid, type, value: raw.replace(/^\./, '') };
    case T.IpAddress:
      return { oid, type, value: encoding.includes('x') ? [...bytes()].join('.') : raw };
    case T.Null:
      return { oid, type, value: null };
    default:
      return undefined;
  }
}

/** Counter64 as net-snmp hands it over: big-endian bytes without leading zeros. */
export function counter64Bytes(text: string): Buffer {
  let n: bigint;
  try {
    n = BigInt(text.trim() || '0');
  } catch {
    n = 0n;
  }
  const hex = n.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
}

/** Python string escapes (\xHH, \n, \t, \r, \\, \', \"), the rest taken byte for byte. */
function unescape(raw: string): Buffer {
  const out: number[] = [];
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, '\\': 92, "'": 39, '"': 34, '0': 0 };
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '\\' && raw[i + 1] === 'x' && /^[0-9a-f]{2}$/i.test(raw.slice(i + 2, i + 4))) {
      out.push(parseInt(raw.slice(i + 2, i + 4), 16));
      i += 3;
    } else if (c === '\\' && raw[i + 1]! in simple) {
      out.push(simple[raw[i + 1]!]!);
      i++;
    } else out.push(raw.charCodeAt(i) & 0xff);
  }
  return Buffer.from(out);
}
