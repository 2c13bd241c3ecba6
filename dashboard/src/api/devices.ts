import {
  deviceDetail, deviceList, type DeviceDetail, type DeviceList, type DeviceListQuery,
} from '@steward/shared';
import type { ApiClient } from './api-client.js';

export type DevicesQuery = Partial<DeviceListQuery>;

export function fetchDevices(api: ApiClient, query: DevicesQuery, signal?: AbortSignal): Promise<DeviceList> {
  return api.request(deviceList, '/api/v1/devices', {
    signal,
    query: {
      search: query.search,
      kind: query.kind,
      sort: query.sort,
      order: query.order,
      limit: query.limit,
      offset: query.offset,
    },
  });
}

export function fetchDevice(api: ApiClient, id: string, signal?: AbortSignal): Promise<DeviceDetail> {
  return api.request(deviceDetail, `/api/v1/devices/${encodeURIComponent(id)}`, { signal });
}
