import type { AssetStatus } from '@steward/shared';
import { isRealDate } from '../custom-fields.js';

export type Parsed<T> = { value: T } | { error: string };

/** Dates as spreadsheets and Snipe-IT write them: 2024-03-31, 2024/03/31, 2024-03-31 10:22:00. Day-first forms are ambiguous and refused. */
export function parseDate(cell: string): Parsed<string> {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(cell);
  if (m) {
    const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    if (isRealDate(date)) return { value: date };
  }
  return { error: `"${cell}" is not a date; write it as YYYY-MM-DD` };
}

/** Amounts with an optional currency sign and thousands separators: 1299, 1,299.00, €1299.5, 1299.00 EUR. */
export function parseAmount(cell: string): Parsed<number> {
  const cleaned = cell.replace(/^[^\d-]+|[^\d]+$/g, '').replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return { error: `"${cell}" is not an amount` };
  const value = Number(cleaned);
  return value < 0 || value > 1e12 ? { error: `"${cell}" is out of range` } : { value: Math.round(value * 100) / 100 };
}

export function parseWholeNumber(cell: string): Parsed<number> {
  return /^\d{1,4}$/.test(cell.trim()) ? { value: Number(cell) } : { error: `"${cell}" is not a whole number` };
}

/** Our statuses by their names, and the status labels Snipe-IT ships with. */
const STATUS_WORDS: Record<string, AssetStatus> = {
  requested: 'requested', approved: 'approved', ordered: 'ordered', received: 'received',
  in_stock: 'in_stock', instock: 'in_stock', 'in stock': 'in_stock', deployed: 'deployed', in_repair: 'in_repair', 'in repair': 'in_repair',
  retired: 'retired', lost: 'lost', stolen: 'stolen',
  'ready to deploy': 'in_stock', deployable: 'in_stock', available: 'in_stock', pending: 'received',
  'out for repair': 'in_repair', 'out for diagnostics': 'in_repair', 'broken - not fixable': 'retired', broken: 'in_repair',
  archived: 'retired', undeployable: 'retired', 'lost/stolen': 'lost',
};

export function parseStatus(cell: string): Parsed<AssetStatus> {
  const word = cell.trim().toLowerCase().replace(/\s+/g, ' ');
  // Snipe-IT writes a checked-out item as "Deployed" or "Ready to Deploy (Deployed)".
  const status = STATUS_WORDS[word] ?? (/\(deployed\)$/.test(word) ? 'deployed' : undefined);
  if (status) return { value: status };
  if (word === 'disposed') return { error: 'disposed assets need a sanitisation record: import them as retired, then dispose of them' };
  return { error: `"${cell}" is not a status (use e.g. in_stock, deployed, in_repair, retired, lost)` };
}

export const CURRENCY = /^[A-Z]{3}$/;
