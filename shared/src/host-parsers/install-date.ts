/** Install dates normalised to YYYY-MM-DD where the source's form can be read without guessing. */

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A calendar date from its parts, or undefined when the parts are not a real date. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < 1970 || year > 2200) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Seconds since the epoch (rpm, pkgutil, apk) as a UTC calendar date. */
export function dateFromEpochSeconds(seconds: number | string | undefined): string | undefined {
  const n = typeof seconds === 'string' ? Number(seconds.trim()) : seconds;
  if (n === undefined || !Number.isFinite(n) || n <= 0) return undefined;
  return new Date(n * 1000).toISOString().slice(0, 10);
}

/**
 * Reads the date forms installers write: YYYYMMDD (Windows Uninstall keys), YYYY-MM-DD or
 * YYYY/MM/DD, an ISO date-time, or a WMI datetime (YYYYMMDDhhmmss.ffffff+zzz). Anything else is
 * kept as the source states it, since the schema allows that.
 */
export function normaliseDate(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const compact = /^(\d{4})(\d{2})(\d{2})(?:\d{6}(?:\.\d+)?(?:[+-]\d+)?)?$/.exec(text);
  if (compact) return isoDate(Number(compact[1]), Number(compact[2]), Number(compact[3])) ?? text;
  const separated = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(text);
  if (separated) return isoDate(Number(separated[1]), Number(separated[2]), Number(separated[3])) ?? text;
  return text;
}

/** M/D/YYYY, the form wmic prints InstalledOn in whatever the locale. */
export function dateFromUsShort(value: string | undefined): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value?.trim() ?? '');
  return match ? isoDate(Number(match[3]), Number(match[1]), Number(match[2])) : undefined;
}
