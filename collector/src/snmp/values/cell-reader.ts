import snmp from 'net-snmp';
import type { Varbind } from 'net-snmp';
import { counterFromValue } from './counter-value.js';
import { clipText, decodeOctetText } from './decode-text.js';
import { macFromBytes } from './mac-address.js';
import type { ProblemLog } from './problem-log.js';

const T = snmp.ObjectType;
const INTEGER_TYPES = new Set([T.Integer, T.Counter, T.Gauge, T.TimeTicks]);

/**
 * Reads typed values out of varbinds for one device and phase. A value of the wrong SNMP type
 * yields undefined and one 'wrong-type' problem, never an exception, so one bad column cannot
 * spoil the rest of a probe.
 */
export class CellReader {
  constructor(
    readonly device: string,
    readonly phase: string,
    private readonly problems: ProblemLog,
  ) {}

  text(vb: Varbind | undefined, field: string, max: number): string | undefined {
    if (!vb) return undefined;
    if (!Buffer.isBuffer(vb.value) || vb.type !== T.OctetString) return this.wrong(vb, field, 'OCTET STRING');
    const text = decodeOctetText(vb.value);
    if (text === '') return undefined;
    if (text.length > max) this.problems.tooLong(this.device, this.phase, field, text.length, max);
    return clipText(text, max);
  }

  /** Integer32, Counter32, Gauge32, TimeTicks as a number. */
  integer(vb: Varbind | undefined, field: string): number | undefined {
    if (!vb) return undefined;
    if (typeof vb.value !== 'number' || !INTEGER_TYPES.has(vb.type)) return this.wrong(vb, field, 'an integer');
    return vb.value;
  }

  /** A non-negative integer, for fields that cannot be negative. */
  count(vb: Varbind | undefined, field: string): number | undefined {
    const n = this.integer(vb, field);
    return n !== undefined && n >= 0 ? n : undefined;
  }

  /** Counter32 or Counter64 (or a Gauge some agents use instead) as bigint. */
  counter(vb: Varbind | undefined, field: string): bigint | undefined {
    if (!vb) return undefined;
    if (vb.type !== T.Counter64 && !INTEGER_TYPES.has(vb.type)) return this.wrong(vb, field, 'a counter');
    return counterFromValue(vb.value);
  }

  oid(vb: Varbind | undefined, field: string): string | undefined {
    if (!vb) return undefined;
    if (vb.type !== T.OID || typeof vb.value !== 'string') return this.wrong(vb, field, 'an OBJECT IDENTIFIER');
    return vb.value;
  }

  mac(vb: Varbind | undefined, field: string): string | undefined {
    if (!vb) return undefined;
    if (!Buffer.isBuffer(vb.value) || vb.type !== T.OctetString) return this.wrong(vb, field, 'a MAC address');
    return macFromBytes(vb.value);
  }

  /** Raw bytes of an OCTET STRING, for values whose meaning depends on another column. */
  bytes(vb: Varbind | undefined, field: string): Buffer | undefined {
    if (!vb) return undefined;
    if (!Buffer.isBuffer(vb.value) || vb.type !== T.OctetString) return this.wrong(vb, field, 'OCTET STRING');
    return vb.value;
  }

  ipAddress(vb: Varbind | undefined, field: string): string | undefined {
    if (!vb) return undefined;
    if (vb.type !== T.IpAddress || typeof vb.value !== 'string') return this.wrong(vb, field, 'an IpAddress');
    return vb.value;
  }

  private wrong(vb: Varbind, field: string, expected: string): undefined {
    if (snmp.isVarbindError(vb)) return undefined;
    this.problems.wrongType(this.device, this.phase, field, vb.oid, expected, vb.type);
    return undefined;
  }
}
