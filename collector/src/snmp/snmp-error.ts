import type { SnmpProblem } from '@steward/shared';

export type SnmpProblemCode = SnmpProblem['code'];

/**
 * A failure tied to one device and one phase of talking to it ("first-contact", "walk:ifTable"...),
 * so a sweep can report it against that device and carry on with the others.
 */
export class SnmpDeviceError extends Error {
  override readonly name = 'SnmpDeviceError';

  constructor(
    readonly device: string,
    readonly phase: string,
    readonly code: SnmpProblemCode,
    detail: string,
  ) {
    super(`${device}: ${phase}: ${detail}`);
  }

  toProblem(): SnmpProblem {
    return { phase: this.phase, code: this.code, message: this.message.slice(0, 1024) };
  }
}

/** A request that failed before the walker could judge its answer; the walker adds device and phase. */
export class SnmpRequestError extends Error {
  override readonly name = 'SnmpRequestError';

  constructor(
    readonly code: SnmpProblemCode,
    message: string,
    /** For "request-failed": the SNMP error-status number (1 tooBig, 2 noSuchName...). */
    readonly status?: number,
  ) {
    super(message);
  }
}
