import type { DeviceListQuery } from '@steward/shared';
import type { DevicesListState } from '../routing/routes.js';
import type { QueryValue } from './query-string.js';

export type DevicesQuery = Partial<DeviceListQuery>;

export const DEVICES_PATH = '/api/v1/devices';
export const STATISTICS_PATH = '/api/v1/devices/statistics';

/** The devices API's parameters in one order, so the same list always has the same address. */
export function devicesQuery(query: DevicesQuery): Record<string, QueryValue> {
  return { search: query.search, kind: query.kind, sort: query.sort, order: query.order, limit: query.limit, offset: query.offset };
}

/** The page of the devices API a list on screen shows. */
export function listQuery(list: DevicesListState): DevicesQuery {
  return {
    search: list.search || undefined,
    kind: list.kind,
    sort: list.sort,
    order: list.order,
    limit: list.pageSize,
    offset: (list.page - 1) * list.pageSize,
  };
}
