import { repairText } from './text-repair.js';

/**
 * Values firmware and tools print where a field was never filled in. They look like data but would
 * make unrelated machines share a serial number or a model, so they are dropped.
 */
const PLACEHOLDERS = new Set([
  '', '-', 'n/a', 'na', 'none', 'null', 'unknown', 'undefined', 'not specified', 'not available', 'not applicable',
  'not present', 'not provided', 'not defined', 'default string', 'default', 'to be filled by o.e.m.',
  'to be filled by oem', 'o.e.m.', 'oem', 'oem oem', 'system serial number', 'system product name',
  'system manufacturer', 'system version', 'chassis serial number', 'chassis manufacture', 'base board serial number',
  'baseboard serial number', 'type1productconfigid', 'type1family', 'sku', 'invalid', '<bad index>',
  '<out of spec>', 'no enclosure',
  // The UUID that many boards built on one firmware reference ship with: it identifies no machine.
  '03000200-0400-0500-0006-000700080009', '123456789', '0123456789', '1234567890', 'xxxxxxxxxx', 'empty', 'no asset tag',
]);

/** A serial or UUID made only of zeros, Fs, dashes and spaces identifies nothing. */
const BLANK_ID = /^[\s0-]*$|^[\sfF-]*$/;

/** The value with placeholders, blank identifiers and surrounding spaces removed; undefined when nothing is left. */
export function known(value: string | number | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = repairText(String(value)).trim();
  if (PLACEHOLDERS.has(text.toLowerCase()) || BLANK_ID.test(text)) return undefined;
  return text;
}

/** A positive finite number, or undefined. */
export function positive(n: number | undefined | null): number | undefined {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
}
