/**
 * YYYY-MM-DD out of an SNMP DateAndTime: 8 or 11 raw bytes (year in two bytes), or the text form
 * "2014-5-6,11:4:44.0" that some agents and recorders send instead.
 */
export function dateFromDateAndTime(bytes: Buffer): string | undefined {
  const asText = bytes.toString('latin1').match(/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[,\s]|$)/);
  if (asText) return formatDate(Number(asText[1]), Number(asText[2]), Number(asText[3]));
  if (bytes.length !== 8 && bytes.length !== 11) return undefined;
  return formatDate(bytes.readUInt16BE(0), bytes[2]!, bytes[3]!);
}

function formatDate(year: number, month: number, day: number): string | undefined {
  if (year < 1970 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
