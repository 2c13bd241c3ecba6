import type { DeviceSummary } from '@steward/shared';
import type { ApiClient } from '../../api/api-client.js';
import { fetchDevices } from '../../api/devices.js';
import { summarizeDevices, type DeviceSampleSummary } from './summarize-devices.js';

/** How many of the most recently seen devices the overview's breakdowns read: one bounded request. */
export const OVERVIEW_SAMPLE_LIMIT = 500;

export interface DeviceCounts {
  total: number;
  agents: number;
  snmp: number;
}

export interface DeviceSample {
  /** `complete` when the sample holds every device, so its figures are exact. */
  summary: DeviceSampleSummary & { complete: boolean };
  recent: DeviceSummary[];
}

/** Exact counts by kind, from the devices API's totals (one-row pages). */
export async function loadDeviceCounts(api: ApiClient, signal: AbortSignal): Promise<DeviceCounts> {
  const [agents, snmp] = await Promise.all([
    fetchDevices(api, { kind: 'agent', limit: 1 }, signal),
    fetchDevices(api, { kind: 'snmp', limit: 1 }, signal),
  ]);
  return { total: agents.total + snmp.total, agents: agents.total, snmp: snmp.total };
}

/**
 * Breakdowns (operating systems, online agents, software installs) over the most recently seen
 * devices: exact for estates up to the sample size, and labelled as a sample beyond it.
 */
export async function loadDeviceSample(api: ApiClient, signal: AbortSignal): Promise<DeviceSample> {
  const page = await fetchDevices(api, { sort: 'lastSeen', order: 'desc', limit: OVERVIEW_SAMPLE_LIMIT }, signal);
  return {
    summary: { ...summarizeDevices(page.items), complete: page.items.length >= page.total },
    recent: page.items.slice(0, 8),
  };
}
