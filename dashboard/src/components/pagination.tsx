import { formatCount } from '../format/numbers.js';
import { Icon } from './icon.js';

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  pageSizes: readonly number[];
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
  /** What is being counted, for "1–50 of 1,204 devices". */
  noun: string;
}

export function Pagination({ page, pageSize, total, pageSizes, onPage, onPageSize, noun }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav class="pagination" aria-label={`Pages of ${noun}`}>
      <p class="pagination-range" aria-live="polite">
        {total === 0 ? `No ${noun}` : `${formatCount(first)}–${formatCount(last)} of ${formatCount(total)} ${noun}`}
      </p>
      <label class="pagination-size">
        <span>Rows per page</span>
        <select value={String(pageSize)} onChange={(event) => onPageSize(Number(event.currentTarget.value))}>
          {pageSizes.map((size) => <option key={size} value={String(size)}>{size}</option>)}
        </select>
      </label>
      <div class="pagination-buttons">
        <PageButton icon="chevrons-left" label="First page" disabled={page <= 1} onClick={() => onPage(1)} />
        <PageButton icon="chevron-left" label="Previous page" disabled={page <= 1} onClick={() => onPage(page - 1)} />
        <span class="pagination-page">Page {formatCount(Math.min(page, pages))} of {formatCount(pages)}</span>
        <PageButton icon="chevron-right" label="Next page" disabled={page >= pages} onClick={() => onPage(page + 1)} />
        <PageButton icon="chevrons-right" label="Last page" disabled={page >= pages} onClick={() => onPage(pages)} />
      </div>
    </nav>
  );
}

interface PageButtonProps {
  icon: 'chevrons-left' | 'chevron-left' | 'chevron-right' | 'chevrons-right';
  label: string;
  disabled: boolean;
  onClick: () => void;
}

function PageButton({ icon, label, disabled, onClick }: PageButtonProps) {
  return (
    <button type="button" class="button button-icon" aria-label={label} title={label} disabled={disabled} onClick={onClick}>
      <Icon name={icon} />
    </button>
  );
}
