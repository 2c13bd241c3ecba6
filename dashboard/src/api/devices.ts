import {
  deviceDetail, deviceList, type DeviceDetail, type DeviceList,
} from '@steward/shared';
import type { ApiClient } from './api-client.js';
import { DEVICES_PATH, devicesQuery, type DevicesQuery } from './devices-query.js';

export type { DevicesQuery };


export function fetchDevices(api: ApiClient, query: DevicesQuery, signal?: AbortSignal): Promise<DeviceList> {
  return api.request(deviceList, DEVICES_PATH, { signal, query: devicesQuery(query) });
}

export function fetchDevice(api: ApiClient, id: string, signal?: AbortSignal): Promise<DeviceDetail> {
  return api.request(deviceDetail, `/api/v1/devices/${encodeURIComponent(id)}`, { signal });
}
