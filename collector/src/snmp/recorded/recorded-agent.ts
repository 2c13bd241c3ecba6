import type { Varbind } from 'net-snmp';
import { T } from './object-type.js';
import type { SnmpAgent } from '../session/snmp-agent.js';
import { compareOids } from '../walk/oid-order.js';

/**
 * A device answered from a recorded walk held in memory: GET, GETNEXT and GETBULK over the
 * recording's OIDs in SNMP order, so that the code reading a live device reads a recording unchanged.
 */
export class RecordedAgent implements SnmpAgent {
  readonly usesBulk = true;
  private readonly sorted: Varbind[];
  private readonly byOid: Map<string, Varbind>;

  constructor(readonly device: string, varbinds: Iterable<Varbind>) {
    this.byOid = new Map();
    for (const vb of varbinds) this.byOid.set(vb.oid, vb);
    this.sorted = [...this.byOid.values()].sort((a, b) => compareOids(a.oid, b.oid));
  }

  get size(): number {
    return this.sorted.length;
  }

  /** Every recorded varbind, in SNMP order: what the recording holds, for checks that read it all. */
  get varbinds(): readonly Varbind[] {
    return this.sorted;
  }

  /** The recorded varbind at exactly this OID. */
  lookup(oid: string): Varbind | undefined {
    return this.byOid.get(oid.replace(/^\./, ''));
  }

  get(oids: string[]): Promise<Varbind[]> {
    return Promise.resolve(oids.map((oid) => this.byOid.get(oid) ?? { oid, type: T.NoSuchObject, value: null }));
  }

  getNext(oids: string[]): Promise<Varbind[]> {
    return Promise.resolve(oids.map((oid) => this.sorted[this.after(oid)] ?? endOfMib(oid)));
  }

  getBulk(oids: string[], maxRepetitions: number): Promise<Varbind[][]> {
    return Promise.resolve(oids.map((oid) => {
      const from = this.after(oid);
      const found = this.sorted.slice(from, from + maxRepetitions);
      return found.length < maxRepetitions ? [...found, endOfMib(found.at(-1)?.oid ?? oid)] : found;
    }));
  }

  close(): void {}

  /** Index of the first recorded OID strictly after oid. */
  private after(oid: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareOids(this.sorted[mid]!.oid, oid) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function endOfMib(oid: string): Varbind {
  return { oid, type: T.EndOfMibView, value: null };
}
