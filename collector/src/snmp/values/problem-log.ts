import type { SnmpProblem } from '@steward/shared';

const MAX_PROBLEMS = 200;

/**
 * Problems met with one device. A broken agent repeats the same fault on every row, so each
 * (phase, code, field) is kept once, and the log stops growing at a fixed size.
 */
export class ProblemLog {
  private readonly seen = new Set<string>();
  private readonly kept: SnmpProblem[] = [];

  add(problem: SnmpProblem, key = `${problem.phase}|${problem.code}|${problem.message}`): void {
    if (this.seen.has(key) || this.kept.length >= MAX_PROBLEMS) return;
    this.seen.add(key);
    this.kept.push({ ...problem, message: problem.message.slice(0, 1024) });
  }

  /** A value whose SNMP type is not the one its MIB defines; the field is left out. */
  wrongType(device: string, phase: string, field: string, oid: string, expected: string, got: number): void {
    this.add(
      { phase, code: 'wrong-type', message: `${device}: ${phase}: ${field} (${oid}) should be ${expected}, agent sent type ${got}; ignored` },
      `${phase}|wrong-type|${field}`,
    );
  }

  /** A text longer than the field holds; it is kept, cut to size. */
  tooLong(device: string, phase: string, field: string, length: number, max: number): void {
    this.add(
      { phase, code: 'value-too-long', message: `${device}: ${phase}: ${field} is ${length} characters, kept the first ${max}` },
      `${phase}|value-too-long|${field}`,
    );
  }

  list(): SnmpProblem[] {
    return [...this.kept];
  }

  has(code: SnmpProblem['code']): boolean {
    return this.kept.some((p) => p.code === code);
  }
}
