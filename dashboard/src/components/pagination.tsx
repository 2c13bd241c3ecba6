import { Icon } from './icon.js';
import { pageRange } from './page-range.js';

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  pageSizes: readonly number[];
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
  /** What is being counted, for "1–50 of 1,204 devices". */
  noun: string;
  /** The server stopped counting at `total`: there are more, and the last page is not known. */
  totalCapped?: boolean;
}

export function Pagination({ page, pageSize, total, pageSizes, onPage, onPageSize, noun, totalCapped = false }: PaginationProps) {
  const range = pageRange(page, pageSize, total, noun, totalCapped);
  return (
    <nav class="pagination" aria-label={`Pages of ${noun}`}>
      <p class="pagination-range" aria-live="polite">{range.label}</p>
      <label class="pagination-size">
        <span>Rows per page</span>
        <select value={String(pageSize)} onChange={(event) => onPageSize(Number(event.currentTarget.value))}>
          {pageSizes.map((size) => <option key={size} value={String(size)}>{size}</option>)}
        </select>
      </label>
      <div class="pagination-buttons">
        <PageButton icon="chevrons-left" label="First page" disabled={page <= 1} onClick={() => onPage(1)} />
        <PageButton icon="chevron-left" label="Previous page" disabled={page <= 1} onClick={() => onPage(page - 1)} />
        <span class="pagination-page">{range.pageLabel}</span>
        <PageButton icon="chevron-right" label="Next page" disabled={!range.hasNext} onClick={() => onPage(page + 1)} />
        <PageButton icon="chevrons-right" label="Last page" disabled={range.lastPage === null || page >= range.lastPage} onClick={() => range.lastPage && onPage(range.lastPage)} />
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
