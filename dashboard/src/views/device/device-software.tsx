import type { SoftwareEntry } from '@steward/shared';
import { useMemo, useState } from 'preact/hooks';
import { Icon } from '../../components/icon.js';
import { EmptyState } from '../../components/notices.js';
import { Pagination } from '../../components/pagination.js';
import { SortableHeader } from '../../components/sortable-header.js';
import { selectSoftware, softwareSources, type SoftwareView } from './software-table-state.js';

const PAGE_SIZES = [50, 100, 250] as const;
const dash = <span class="muted">—</span>;

/** The device's installed software, with its own filter: this list is read whole, so it filters in place. */
export function DeviceSoftwarePanel({ software }: { software: readonly SoftwareEntry[] }) {
  const [view, setView] = useState<SoftwareView>({ text: '', source: '', sort: 'name', order: 'asc' });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState<number>(100);
  const sources = useMemo(() => softwareSources(software), [software]);
  const rows = useMemo(() => selectSoftware(software, view), [software, view]);
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const shownPage = Math.min(page, pages);
  const visible = rows.slice((shownPage - 1) * pageSize, shownPage * pageSize);
  const update = (change: Partial<SoftwareView>) => {
    setView({ ...view, ...change });
    setPage(1);
  };

  if (software.length === 0) return <EmptyState title="No software reported">This device has not reported installed software.</EmptyState>;
  const header = { current: view.sort, order: view.order, onSort: (sort: SoftwareView['sort'], order: 'asc' | 'desc') => update({ sort, order }) };
  return (
    <section class="card card-flush" aria-labelledby="software-title">
      <div class="card-head card-title-padded">
        <h2 id="software-title" class="card-title">Installed software</h2>
        <div class="filters">
          <div class="search-field">
            <Icon name="search" />
            <label for="software-filter" class="visually-hidden">Filter software</label>
            <input
              id="software-filter"
              type="search"
              placeholder="Filter by name, version, publisher…"
              value={view.text}
              maxLength={256}
              onInput={(event) => update({ text: event.currentTarget.value })}
            />
          </div>
          <label class="select-field">
            <span>Source</span>
            <select value={view.source} onChange={(event) => update({ source: event.currentTarget.value })}>
              <option value="">All sources</option>
              {sources.map((source) => <option key={source} value={source}>{source}</option>)}
            </select>
          </label>
        </div>
      </div>
      {rows.length === 0 ? (
        <EmptyState icon="search" title="No software matches this filter" />
      ) : (
        <>
          <div class="table-wrap table-scroll">
            <table class="data-table" data-testid="software-table">
              <caption class="visually-hidden">Installed software</caption>
              <thead>
                <tr>
                  <SortableHeader column="name" {...header}>Name</SortableHeader>
                  <SortableHeader column="version" {...header}>Version</SortableHeader>
                  <SortableHeader column="publisher" class="optional" {...header}>Publisher</SortableHeader>
                  <SortableHeader column="source" {...header}>Source</SortableHeader>
                  <th scope="col" class="optional">Architecture</th>
                  <SortableHeader column="installDate" {...header}>Installed</SortableHeader>
                </tr>
              </thead>
              <tbody>
                {visible.map((entry, index) => (
                  <tr key={`${entry.source}:${entry.name}:${entry.version ?? ''}:${entry.arch ?? ''}:${index}`}>
                    <td class="cell-primary">{entry.name}</td>
                    <td class="mono">{entry.version ?? dash}</td>
                    <td class="optional">{entry.publisher ?? dash}</td>
                    <td><span class="tag">{entry.source}</span></td>
                    <td class="optional">{entry.arch ?? dash}</td>
                    <td>{entry.installDate ?? dash}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            noun={rows.length === software.length ? 'packages' : `packages (filtered from ${software.length.toLocaleString('en')})`}
            page={shownPage}
            pageSize={pageSize}
            total={rows.length}
            pageSizes={PAGE_SIZES}
            onPage={setPage}
            onPageSize={(size) => { setPageSize(size); setPage(1); }}
          />
        </>
      )}
    </section>
  );
}
