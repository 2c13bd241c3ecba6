import type { DepreciationProfile } from '@steward/shared';

/** Whole calendar months from `from` to `to` (YYYY-MM-DD); a month counts once its day is reached. */
export function wholeMonthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split('-').map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

/** The date `months` calendar months after `date`, kept within the target month (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

const cents = (n: number) => Math.round(n * 100) / 100;

export interface Valuation {
  bookValue: number;
  accumulatedDepreciation: number;
  salvageValue: number;
  fullyDepreciatedOn: string;
}

/**
 * Book value on a date. Depreciation runs in whole months from the purchase date.
 * Straight line: (cost − salvage) spread evenly over the useful life.
 * Declining balance: each year loses rate × its opening value, rate = factor ÷ life in years,
 * months within a year pro rata; never below salvage, and exactly salvage once the life is over.
 */
export function valueOn(cost: number, purchaseDate: string, profile: DepreciationProfile, on: string): Valuation {
  const life = profile.usefulLifeMonths;
  const salvage = cents(cost * (profile.salvagePercent ?? 0) / 100);
  const months = Math.min(Math.max(wholeMonthsBetween(purchaseDate, on), 0), life);
  let value: number;
  if (months >= life) value = salvage;
  else if (profile.method === 'straight_line') value = cost - (cost - salvage) * months / life;
  else {
    const rate = Math.min((profile.decliningFactor ?? 2) / (life / 12), 1);
    const opening = cost * (1 - rate) ** Math.floor(months / 12);
    value = Math.max(opening - opening * rate * (months % 12) / 12, salvage);
  }
  const bookValue = cents(value);
  return { bookValue, accumulatedDepreciation: cents(cost - bookValue), salvageValue: salvage, fullyDepreciatedOn: addMonths(purchaseDate, life) };
}
