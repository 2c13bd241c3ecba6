import { useCallback, useEffect, useState } from 'preact/hooks';
import type { LiveEvent } from '@steward/shared';
import { downloadDevices, fetchDevices } from '../../api/devices.js';
import { listQuery } from '../../api/devices-query.js';
import { saveFile } from '../../api/save-file.js';
import { useApp } from '../../app/app-context.js';
import { ErrorNotice, EmptyState, LoadingRow } from '../../components/notices.js';
import { PageHeader } from '../../components/page-header.js';
import { Pagination } from '../../components/pagination.js';
import { formatDateTime } from '../../format/time.js';
import { useLiveRefresh } from '../../hooks/use-live-refresh.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useRecentChanges } from '../../hooks/use-recent-changes.js';
import { useSubmit } from '../../hooks/use-submit.js';
import { devicesHref, PAGE_SIZES, type DevicesListState } from '../../routing/routes.js';
import { navigate } from '../../routing/use-route.js';
import { DeviceFilters } from './device-filters.js';
import { DevicesTable } from './devices-table.js';

const affectsDevices = (event: LiveEvent) => event.type === 'device.changed' || event.type === 'agent.connection';

/** One page of devices at a time, as the collector pages them: 100,000 devices cost the same as 100. */
export function DevicesView({ list }: { list: DevicesListState }) {
  const { api } = useApp();
  const query = listQuery(list);
  const key = JSON.stringify(query);
  const devices = useLoader(key, useCallback((signal: AbortSignal) => fetchDevices(api, query, signal), [api, key]));
  const [refreshedAt, setRefreshedAt] = useState<string | null>(null);
  const exporting = useSubmit();
  const changes = useRecentChanges();
  useLiveRefresh(affectsDevices, devices.reload);

  useEffect(() => {
    if (devices.data) setRefreshedAt(new Date().toISOString());
  }, [devices.data]);

  // A page past the end (devices removed, or an old link): go to the last one that exists.
  const total = devices.data?.total;
  useEffect(() => {
    if (total === undefined || total === 0) return;
    const lastPage = Math.ceil(total / list.pageSize);
    if (list.page > lastPage) navigate(devicesHref({ ...list, page: lastPage }), { replace: true });
  }, [total, list]);

  const shown = devices.data ?? devices.previousData;
  const go = (change: Partial<DevicesListState>, replace = false) => {
    navigate(devicesHref({ ...list, ...change }), { replace });
  };

  return (
    <>
      <PageHeader
        title="Devices"
        subtitle={shown ? `${shown.total.toLocaleString('en')} ${list.search || list.kind ? 'matching ' : ''}device${shown.total === 1 ? '' : 's'}` : 'Every machine and network device Steward knows.'}
      />
      <div class="toolbar">
        <DeviceFilters
          search={list.search}
          kind={list.kind}
          onSearch={(search) => go({ search, page: 1 }, true)}
          onKind={(kind) => go({ kind, page: 1 })}
        />
        <p class="toolbar-status" data-testid="list-status">
          {devices.loading && shown ? 'Refreshing…' : refreshedAt ? <>Updated <time dateTime={refreshedAt}>{formatDateTime(refreshedAt)}</time></> : null}
        </p>
        <button type="button" class="button" disabled={exporting.busy || !shown?.total} onClick={() => void exporting.run(async () => saveFile(await downloadDevices(api, query)))}>
          {exporting.busy ? 'Exporting…' : 'Export CSV'}
        </button>
      </div>
      {devices.error ? <ErrorNotice error={devices.error} onRetry={devices.reload} /> : null}
      {exporting.error ? <ErrorNotice error={exporting.error} /> : null}
      {!shown && !devices.error ? <LoadingRow text="Loading devices…" /> : null}
      {shown && shown.total === 0 ? (
        <EmptyState icon="search" title={list.search || list.kind ? 'No device matches these filters' : 'No devices yet'}>
          {list.search || list.kind
            ? <p><a href={devicesHref()}>Clear the filters</a> to see every device.</p>
            : <p>Devices appear here as agents report and SNMP sweeps find them.</p>}
        </EmptyState>
      ) : null}
      {shown && shown.total > 0 ? (
        <div class="card card-flush">
          <DevicesTable
            devices={shown.items}
            sort={list.sort}
            order={list.order}
            onSort={(sort, order) => go({ sort, order, page: 1 })}
            changes={changes}
            busy={devices.loading}
          />
          <Pagination
            noun="devices"
            page={list.page}
            pageSize={list.pageSize}
            total={shown.total}
            pageSizes={PAGE_SIZES}
            onPage={(page) => go({ page })}
            onPageSize={(pageSize) => go({ pageSize, page: 1 })}
          />
        </div>
      ) : null}
    </>
  );
}
