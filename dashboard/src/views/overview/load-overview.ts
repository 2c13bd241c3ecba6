import type { DeviceSummary } from '@steward/shared';
import type { ApiClient } from '../../api/api-client.js';
import { fetchDevices } from '../../api/devices.js';
import { summarizeDevices, type DeviceSampleSummary } from './summarize-devices.js';

/** The largest page the devices API gives; the overview never reads more than one. */
export const OVERVIEW_SAMPLE_LIMIT = 1000;

export interface OverviewFigures {
  total: number;
  agents: number;
  snmp: number;
  /** Drawn from the most recently seen devices; `complete` when that is every device. */
  sample: DeviceSampleSummary & { complete: boolean };
  recent: DeviceSummary[];
}

/**
 * Counts by kind are exact (the API's totals). The rest comes from one page of the most recently
 * seen devices, so the overview stays one bounded request however large the estate.
 */
export async function loadOverview(api: ApiClient, signal: AbortSignal): Promise<OverviewFigures> {
  const [agents, snmp, recent] = await Promise.all([
    fetchDevices(api, { kind: 'agent', limit: 1 }, signal),
    fetchDevices(api, { kind: 'snmp', limit: 1 }, signal),
    fetchDevices(api, { sort: 'lastSeen', order: 'desc', limit: OVERVIEW_SAMPLE_LIMIT }, signal),
  ]);
  return {
    total: recent.total,
    agents: agents.total,
    snmp: snmp.total,
    sample: { ...summarizeDevices(recent.items), complete: recent.items.length >= recent.total },
    recent: recent.items.slice(0, 8),
  };
}
