import { deviceMerge, finding, keptApartAnswer, type DeviceMerge, type Finding } from '@steward/shared';
import type { ApiClient } from './api-client.js';

/** Folds the finding's device into the other one it may duplicate; the finding is answered as it stands after. */
export async function mergeDuplicate(api: ApiClient, found: Finding, otherDeviceId: string): Promise<{ merge: DeviceMerge; finding: Finding }> {
  const merge = await api.request(deviceMerge, '/api/v1/devices/merges', { method: 'POST', body: { keepDeviceId: otherDeviceId, mergeDeviceId: found.deviceId } });
  return { merge, finding: await api.request(finding, `/api/v1/findings/${encodeURIComponent(found.id)}`) };
}

export async function keepDuplicateApart(api: ApiClient, found: Finding, otherDeviceId: string): Promise<Finding> {
  await api.request(keptApartAnswer, '/api/v1/devices/keep-apart', { method: 'POST', body: { deviceId: found.deviceId, otherDeviceId } });
  return api.request(finding, `/api/v1/findings/${encodeURIComponent(found.id)}`);
}
