import { isIdentityPlaceholder } from '../identity-junk.js';
import { repairText } from './text-repair.js';

/** The value with placeholders, blank identifiers and surrounding spaces removed; undefined when nothing is left. */
export function known(value: string | number | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = repairText(String(value)).trim();
  if (isIdentityPlaceholder(text)) return undefined;
  return text;
}

/** A positive finite number, or undefined. */
export function positive(n: number | undefined | null): number | undefined {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
}
