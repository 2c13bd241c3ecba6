import type { ComparedField } from '../../../../collector/src/snmp/recorded/reference-agreement.js';

/**
 * Disagreements with the reference where the recording shows Steward right: the OID named holds
 * the value Steward gave (the test reads it from the recording), and `why` says why that object,
 * not the reference's value, identifies the device.
 */
export interface StewardRight {
  recording: string;
  field: Exclude<ComparedField, 'vendor'>;
  oid: string;
  why: string;
}

export const STEWARD_RIGHT: StewardRight[] = [];
