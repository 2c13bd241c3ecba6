import { alertSeverity, deviceStatistics, licenceTrend, networkDeviceList, positionList, type AlertSeverity, type FindingType, type LicenceTrendPoint } from '@steward/shared';
import { fetchAlerts } from './alerts.js';
import type { ApiClient } from './api-client.js';
import { fetchDevices } from './devices.js';
import { fetchFindings } from './findings.js';
import { STATISTICS_PATH } from './devices-query.js';

/** The overview's figures: each a bounded, estate-wide answer of the collector, never a page to add up. */

export function fetchStatistics(api: ApiClient, signal?: AbortSignal) {
  return api.request(deviceStatistics, STATISTICS_PATH, { signal });
}

export function fetchRecentDevices(api: ApiClient, signal?: AbortSignal) {
  return fetchDevices(api, { sort: 'lastSeen', order: 'desc', limit: 8 }, signal);
}

export interface NetworkReachability {
  up: number;
  down: number;
  total: number;
}

/** Network devices answering their polls and not; the rest have not been polled yet. */
export async function fetchNetworkReachability(api: ApiClient, signal?: AbortSignal): Promise<NetworkReachability> {
  const count = (up?: 'true' | 'false') => api.request(networkDeviceList, '/api/v1/network/devices', { signal, query: { up, limit: 1 } });
  const [up, down, all] = await Promise.all([count('true'), count('false'), count()]);
  return { up: up.total, down: down.total, total: all.total };
}

export const FINDING_TYPES: readonly FindingType[] = ['unregistered', 'missing', 'mismatch', 'ambiguous'];

/** Open findings of each type: the review queue's size at a glance. */
export async function fetchOpenFindingCounts(api: ApiClient, signal?: AbortSignal): Promise<Record<FindingType, number>> {
  const totals = await Promise.all(FINDING_TYPES.map((type) => fetchFindings(api, { type, state: 'open', limit: 1, offset: 0 }, signal).then((list) => list.total)));
  return Object.fromEntries(FINDING_TYPES.map((type, index) => [type, totals[index]!])) as Record<FindingType, number>;
}

/** Live alerts (open or acknowledged, not snoozed) by severity, from one count per severity. */
export async function fetchLiveAlertCounts(api: ApiClient, signal?: AbortSignal): Promise<Record<AlertSeverity, number>> {
  const severities = alertSeverity.options;
  const totals = await Promise.all(severities.map((severity) =>
    fetchAlerts(api, { state: 'open,acknowledged', severity, hideSnoozed: 'true', limit: 1, offset: 0 }, signal).then((list) => list.total)));
  return Object.fromEntries(severities.map((severity, index) => [severity, totals[index]!])) as Record<AlertSeverity, number>;
}

export interface LicenceGlance {
  productsInShortfall: number;
  unlicensedInstalls: number;
  shortfallCost: number;
  /** Products short of licences with no price, and their unlicensed installs: what the cost leaves out. */
  unpricedProducts: number;
  unpricedInstalls: number;
}

/** The overview's licence figures: the position screen's totals, as the collector sums them. */
export async function fetchLicenceGlance(api: ApiClient, signal?: AbortSignal): Promise<LicenceGlance> {
  const { totals } = await api.request(positionList, '/api/v1/licenses/position', { signal });
  return {
    productsInShortfall: totals.productsShort,
    unlicensedInstalls: totals.unlicensed,
    shortfallCost: totals.shortfallCost,
    unpricedProducts: totals.unpricedProducts,
    unpricedInstalls: totals.unpricedInstalls,
  };
}

export type TrendPoint = LicenceTrendPoint;

/** The estate's whole licence position at the end of each of the last `days` days. */
export async function fetchLicenceTrend(api: ApiClient, days = 30, signal?: AbortSignal): Promise<TrendPoint[]> {
  const from = new Date(Date.now() - days * 86_400_000).toISOString();
  return (await api.request(licenceTrend, '/api/v1/licenses/trend', { signal, query: { from, granularity: 'day' } })).items;
}
