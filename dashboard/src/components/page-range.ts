import { formatCount } from '../format/numbers.js';

export interface PageRange {
  /** "1–50 of 1,204 devices", or "… of more than 10,000 devices" when the server stopped counting. */
  label: string;
  /** "Page 2 of 25", or "Page 2 of more than 200". */
  pageLabel: string;
  /** The page that holds the last counted row, or null when the end is not known. */
  lastPage: number | null;
  hasNext: boolean;
}

/** What a list's pager says and allows, from the server's count (possibly capped) and the page shown. */
export function pageRange(page: number, pageSize: number, total: number, noun: string, totalCapped = false): PageRange {
  const counted = Math.max(1, Math.ceil(total / pageSize));
  const more = totalCapped ? 'more than ' : '';
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = totalCapped ? page * pageSize : Math.min(total, page * pageSize);
  return {
    label: total === 0 ? `No ${noun}` : `${formatCount(first)}–${formatCount(last)} of ${more}${formatCount(total)} ${noun}`,
    pageLabel: `Page ${formatCount(totalCapped ? page : Math.min(page, counted))} of ${more}${formatCount(counted)}`,
    lastPage: totalCapped ? null : counted,
    // Past a capped count, the server answers pages until its rows run out.
    hasNext: totalCapped || page < counted,
  };
}
