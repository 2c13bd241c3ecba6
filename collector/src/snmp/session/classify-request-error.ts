import snmp from 'net-snmp';
import { SnmpRequestError } from '../snmp-error.js';
import type { SnmpTiming } from './timing.js';

const AUTH_CODES = new Set(['EAuthFailure', 'ECouldNotDecrypt', 'ENotInTimeWindow']);

/** Turns whatever net-snmp handed back into one of the problem codes the engine reports. */
export function classifyRequestError(error: Error, timing: SnmpTiming, lastUnreadable?: string): SnmpRequestError {
  if (error instanceof SnmpRequestError) return error;
  if (error instanceof snmp.RequestTimedOutError) {
    const tries = timing.retries + 1;
    if (lastUnreadable) {
      return new SnmpRequestError('invalid-response', `answers could not be decoded (${lastUnreadable})`);
    }
    return new SnmpRequestError('timeout', `no answer within ${timing.timeoutMs} ms after ${tries} ${tries === 1 ? 'try' : 'tries'}`);
  }
  if (error instanceof snmp.ResponseInvalidError) {
    const codeName = lookupName(snmp.ResponseInvalidCode, error.code);
    const code = AUTH_CODES.has(codeName) ? 'auth' : 'invalid-response';
    return new SnmpRequestError(code, error.message);
  }
  if (error instanceof snmp.RequestFailedError) {
    return new SnmpRequestError('request-failed', `agent answered with error ${error.message}`, error.status);
  }
  return new SnmpRequestError('socket', error.message);
}

function lookupName(table: Record<string, number>, value: number): string {
  for (const [name, v] of Object.entries(table)) if (v === value && Number.isNaN(Number(name))) return name;
  return String(value);
}
