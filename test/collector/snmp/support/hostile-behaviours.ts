import { endOfMibView, integer, octets, oid as oidValue, type AnswerVarbind, type Request } from './ber.js';
import type { Behaviour } from './tiny-agent.js';

const GET = 0xa0;
const GETNEXT = 0xa1;

/** The system group every stand-in agent answers, so that first contact succeeds. */
function systemAnswer(oids: string[], sysDescr: string): AnswerVarbind[] {
  return oids.map((oid) => {
    if (oid === '1.3.6.1.2.1.1.2.0') return { oid, value: oidValue('1.3.6.1.4.1.9.1.1') };
    if (oid === '1.3.6.1.2.1.1.1.0') return { oid, value: octets(sysDescr) };
    if (oid === '1.3.6.1.2.1.1.5.0') return { oid, value: octets('broken') };
    if (oid === '1.3.6.1.2.1.1.3.0') return { oid, value: integer(100, 0x43) };
    return { oid, value: Buffer.from([0x80, 0]) };
  });
}

/**
 * Builds a behaviour around a rule for the rows of a walk: row(n) is the n-th answer below a walked
 * root (n from 1), or undefined for "no more". The agent remembers which root each OID it handed
 * out belongs to, so it can continue a walk from any of them.
 */
function walker(rowNumber: (n: number) => number | undefined, valueOf: (n: number) => Buffer = () => octets('row')): Behaviour {
  const issued = new Map<string, { root: string; n: number }>();
  return (request: Request) => {
    if (request.pduType === GET) return systemAnswer(request.oids, 'Broken Agent 1.0');
    if (request.pduType === GETNEXT && request.oids.length > 1) {
      // The probe's table scan: every table has a row.
      return request.oids.map((oid) => ({ oid: `${oid}.2.1`, value: octets('x') }));
    }
    const reps = request.pduType === GETNEXT ? 1 : Math.max(1, request.maxRepetitions);
    return request.oids.flatMap((asked) => {
      const from = issued.get(asked) ?? { root: asked, n: 0 };
      const out: AnswerVarbind[] = [];
      for (let i = 1; i <= reps; i++) {
        const k = rowNumber(from.n + i);
        if (k === undefined) {
          out.push({ oid: asked, value: endOfMibView() });
          break;
        }
        const oid = `${from.root}.${k}`;
        issued.set(oid, { root: from.root, n: from.n + i });
        out.push({ oid, value: valueOf(k) });
      }
      return out;
    });
  };
}

/** Every walk gets the same row back for ever: a loop. */
export const looping = (): Behaviour => walker(() => 7);

/** Rows 1, 2, 3, then 1 again: OIDs that go backwards and repeat. */
export const backwards = (): Behaviour => walker((n) => ((n - 1) % 3) + 1);

/** A table without end, with rows of some size. */
export const endless = (): Behaviour => walker((n) => n, (n) => octets(`row ${n} `.repeat(16)));

/** Answers first contact and a few requests more, then never again: a device that dies mid-walk. */
export function silentMidWalk(): Behaviour {
  const rows = endless();
  return (request, count) => (count < 4 ? rows(request, count) : null);
}

/** Answers first contact, then only bytes no SNMP decoder accepts. */
export function garbage(): Behaviour {
  return (request, count) => (request.pduType === GET ? systemAnswer(request.oids, 'Broken Agent 1.0') : count >= 0 ? Buffer.from([0x30, 0x82, 0xff, 0xff, 0x02, 0x01]) : null);
}

/** A well-behaved agent with the system group and no tables. */
export function healthy(): Behaviour {
  return (request) => (request.pduType === GET
    ? systemAnswer(request.oids, 'Linux healthy 6.1.0 #1 SMP x86_64')
    : request.oids.map((oid) => ({ oid, value: endOfMibView() })));
}
