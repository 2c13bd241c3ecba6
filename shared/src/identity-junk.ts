/**
 * Values that look like an identity but identify nothing: what firmware, BIOS setup tools and SNMP
 * agents print where a field was never filled in. Kept would make unrelated machines share a serial
 * or a model, so both the agent and SNMP identification drop them.
 */
const PLACEHOLDERS = new Set([
  '', '-', '--', '?', 'n/a', 'na', 'n.a.', 'none', 'null', 'nil', 'unknown', 'undefined', 'unavailable', 'not set',
  'not specified', 'not available', 'not applicable', 'not present', 'not provided', 'not defined', 'not supported',
  'default string', 'default', 'to be filled by o.e.m.', 'to be filled by oem', 'o.e.m.', 'oem', 'oem oem',
  'system serial number', 'system product name', 'system manufacturer', 'system version', 'chassis serial number',
  'chassis manufacture', 'base board serial number', 'baseboard serial number', 'type1productconfigid', 'type1family',
  'sku', 'chassis', 'stack', 'network element', 'invalid', '<bad index>', '<out of spec>', 'no enclosure', 'serial number', 'serialnumber', 'no serial',
  'model number', 'modelnumber', 'model name', 'product model',
  // The UUID that many boards built on one firmware reference ship with: it identifies no machine.
  '03000200-0400-0500-0006-000700080009', '123456789', '0123456789', '1234567890', 'xxxxxxxxxx', 'empty', 'no asset tag',
]);

/** A serial, UUID or number made only of zeros, Fs, Xs, hashes, dashes, dots and spaces identifies nothing. */
const BLANK_ID = /^[\s0.\-]*$|^[\sfF\-]*$|^[\sxX\-]*$|^[\s#\-]*$/;
/** A word in angle brackets stands in for a value an agent or an export left out ("<private>", "<hostname>"). */
const BRACKETED = /^<[^<>]*>$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\ufffd]+/g;
// eslint-disable-next-line no-control-regex
const LEADING_BINARY = /^[\u0000-\u001f\u007f-\u00bf\u00d7\u00f7\u00fe\u00ff\ufeff\ufffd\s]+/;

/** True when the text is a placeholder or a blank identifier rather than a value. */
export function isIdentityPlaceholder(text: string): boolean {
  return PLACEHOLDERS.has(text.trim().toLowerCase()) || BLANK_ID.test(text) || BRACKETED.test(text.trim());
}

/**
 * An identity field's value with binary bytes in front, control characters and surrounding blanks
 * removed; undefined when what is left is a placeholder or nothing.
 */
export function identityValue(value: string | number | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value).replace(LEADING_BINARY, '').replace(CONTROL, ' ').replace(/\s{2,}/g, ' ').trim();
  return isIdentityPlaceholder(text) ? undefined : text;
}

/**
 * Drops every field whose value an earlier field (in the order given) already holds, compared
 * without case: a version copied into the model, a model copied into the serial.
 */
export function withoutRepeatedValues<T extends Record<string, unknown>>(fields: T, order: ReadonlyArray<keyof T>): T {
  const seen = new Set<string>();
  const kept = { ...fields };
  for (const key of order) {
    const value = kept[key];
    if (typeof value !== 'string') continue;
    const norm = value.trim().toLowerCase();
    if (seen.has(norm)) delete kept[key];
    else seen.add(norm);
  }
  return kept;
}
