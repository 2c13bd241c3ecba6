import {
  deviceDetail, deviceHistory, deviceList, switchPortLocation, type DeviceDetail, type DeviceHistory, type DeviceList, type SwitchPortLocation,
} from '@steward/shared';
import type { ApiClient, DownloadedFile } from './api-client.js';
import { DEVICES_PATH, devicesQuery, type DevicesQuery } from './devices-query.js';

export type { DevicesQuery };


export function fetchDevices(api: ApiClient, query: DevicesQuery, signal?: AbortSignal): Promise<DeviceList> {
  return api.request(deviceList, DEVICES_PATH, { signal, query: devicesQuery(query) });
}

/** Every device the list's filters find, in its order, as CSV. */
export function downloadDevices(api: ApiClient, query: Pick<DevicesQuery, 'search' | 'kind' | 'sort' | 'order'>): Promise<DownloadedFile> {
  return api.download('/api/v1/devices/export', { query: { search: query.search, kind: query.kind, sort: query.sort, order: query.order } });
}

export function fetchDevice(api: ApiClient, id: string, signal?: AbortSignal): Promise<DeviceDetail> {
  return api.request(deviceDetail, `/api/v1/devices/${encodeURIComponent(id)}`, { signal });
}

export function fetchDeviceHistory(api: ApiClient, id: string, signal?: AbortSignal): Promise<DeviceHistory> {
  return api.request(deviceHistory, `/api/v1/devices/${encodeURIComponent(id)}/history`, { signal, query: { limit: 200 } });
}

export function fetchSwitchPort(api: ApiClient, id: string, signal?: AbortSignal): Promise<SwitchPortLocation> {
  return api.request(switchPortLocation, `/api/v1/devices/${encodeURIComponent(id)}/switch-port`, { signal });
}
