import { z } from 'zod';

/**
 * Text as PostgreSQL can store it: no NUL characters (text and jsonb refuse them) and a bounded
 * length, so one oversized field is refused with its name instead of failing the whole insert.
 */
export function text(max = 1024) {
  return z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000'), { message: 'must not contain NUL characters' });
}

/** An optional text that an agent may not know; empty strings mean "unknown" too. */
export function optionalText(max = 1024) {
  return text(max).optional();
}

function isWebAddress(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * A link people will click in the dashboard: http or https only, so `javascript:` and `data:`
 * never reach an href. Empty means none.
 */
export function optionalWebLink(max = 1024) {
  return text(max).refine((v) => v === '' || isWebAddress(v), { message: 'must be an http:// or https:// address' }).nullable().optional();
}

const MAC = /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/;

/** A MAC address in canonical form (lower case, colon separated); dashes and dots are accepted. */
export const macAddress = z.preprocess((v) => {
  if (typeof v !== 'string') return v;
  const hex = v.toLowerCase().replace(/[^0-9a-f]/g, '');
  return hex.length === 12 ? hex.match(/../g)!.join(':') : v;
}, z.string().regex(MAC, 'must be a MAC address such as 00:1a:2b:3c:4d:5e'));

/** Years PostgreSQL takes from ISO text: it has no year 0000, and four digits end at 9999. */
const storableYear = (value: string) => Number(value.slice(0, 4)) >= 1;

/** PostgreSQL refuses UTC offsets beyond ±15:59. */
const storableOffset = (value: string) => {
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(value);
  return !offset || Number(offset[2]) * 60 + Number(offset[3]) <= 15 * 60 + 59;
};

/** A calendar date (YYYY-MM-DD) the database can hold. */
export const isoDate = z.iso.date().refine(storableYear, { message: 'year must be between 0001 and 9999' });

/** A date and time with its offset, which the database can hold. */
export const isoDateTime = z.iso
  .datetime({ offset: true })
  .refine(storableYear, { message: 'year must be between 0001 and 9999' })
  .refine(storableOffset, { message: 'UTC offset must be within ±15:59' });

/** Turns zod issues into a list of "path: message" strings that name the offending field. */
export function describeIssues(error: z.ZodError, limit = 20): string[] {
  return error.issues.slice(0, limit).map((issue) => {
    const path = issue.path.map(String).join('.');
    return `${path || '(body)'}: ${issue.message}`;
  });
}
