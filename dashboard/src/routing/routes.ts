import type { DeviceListQuery } from '@steward/shared';

export type DeviceSortKey = DeviceListQuery['sort'];
/**
 * The sort keys the devices API takes (its `deviceSort`), written out so that reading an address
 * needs no schema library: this module runs before the app's other code, to send the first requests.
 */
export const DEVICE_SORT_KEYS: readonly DeviceSortKey[] = ['hostname', 'lastSeen', 'softwareCount', 'os'];
export type SortOrder = 'asc' | 'desc';
export type DeviceKindFilter = 'agent' | 'snmp' | 'ssh' | undefined;

/** The devices list as the address bar keeps it, so reloads, links and Back all land on the same page. */
export interface DevicesListState {
  search: string;
  kind: DeviceKindFilter;
  sort: DeviceSortKey;
  order: SortOrder;
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [25, 50, 100, 200] as const;
export const DEFAULT_DEVICES_STATE: DevicesListState = {
  search: '', kind: undefined, sort: 'hostname', order: 'asc', page: 1, pageSize: 50,
};

/** Screens the collector backs, each a single address loaded on first visit. */
export const SCREEN_SECTIONS = ['software', 'findings', 'reports', 'licences', 'register', 'network', 'alerts', 'settings'] as const;
export type ScreenSection = (typeof SCREEN_SECTIONS)[number];

export const DEVICE_TABS = ['summary', 'hardware', 'network', 'software', 'history'] as const;
export type DeviceTab = (typeof DEVICE_TABS)[number];

export type Route =
  | { name: 'overview' }
  | { name: 'devices'; list: DevicesListState }
  | { name: 'device'; id: string; tab: DeviceTab }
  | { name: 'screen'; section: ScreenSection }
  | { name: 'asset'; id: string }
  | { name: 'account' }
  | { name: 'help'; topic: string | null }
  | { name: 'not-found'; path: string };

/** Reads an address such as `/devices?kind=agent&page=3` (path and query as `location` gives them). */
export function parseRoute(pathname: string, search = ''): Route {
  const pathPart = pathname || '/';
  const queryPart = search.replace(/^\?/, '');
  const segments = pathPart.split('/').filter(Boolean).map(safeDecode);
  const [first, second, ...rest] = segments;
  if (!first) return { name: 'overview' };
  if (first === 'devices' && second === undefined) return { name: 'devices', list: parseDevicesState(new URLSearchParams(queryPart)) };
  if (first === 'devices' && second && rest.length === 0) {
    return { name: 'device', id: second, tab: parseDeviceTab(new URLSearchParams(queryPart).get('tab')) };
  }
  if (first === 'register' && second && rest.length === 0) return { name: 'asset', id: second };
  if (first === 'account' && !second) return { name: 'account' };
  if (first === 'help' && !second) return { name: 'help', topic: new URLSearchParams(queryPart).get('topic') };
  if (!second && isScreenSection(first)) return { name: 'screen', section: first };
  return { name: 'not-found', path: pathPart };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'overview': return '/';
    case 'devices': return `/devices${devicesQueryString(route.list)}`;
    case 'device': return `/devices/${encodeURIComponent(route.id)}${route.tab === 'summary' ? '' : `?tab=${route.tab}`}`;
    case 'asset': return `/register/${encodeURIComponent(route.id)}`;
    case 'account': return '/account';
    case 'help': return route.topic ? `/help?topic=${encodeURIComponent(route.topic)}` : '/help';
    case 'screen': return `/${route.section}`;
    case 'not-found': return route.path;
  }
}

export function devicesHref(list: Partial<DevicesListState> = {}): string {
  return routeHref({ name: 'devices', list: { ...DEFAULT_DEVICES_STATE, ...list } });
}

export function deviceHref(id: string, tab: DeviceTab = 'summary'): string {
  return routeHref({ name: 'device', id, tab });
}

export function assetHref(id: string): string {
  return routeHref({ name: 'asset', id });
}

/** The register listing what one person holds. */
export function holderHref(personId: string): string {
  return `/register?holder=${encodeURIComponent(personId)}`;
}

/** The software screen searched for a title. */
export function softwareHref(search: string): string {
  return `/software?search=${encodeURIComponent(search)}`;
}

function parseDeviceTab(value: string | null): DeviceTab {
  return (DEVICE_TABS as readonly (string | null)[]).includes(value) ? value as DeviceTab : 'summary';
}

function parseDevicesState(params: URLSearchParams): DevicesListState {
  const sort = params.get('sort');
  const kind = params.get('kind');
  const pageSize = Number(params.get('size'));
  return {
    search: (params.get('search') ?? '').slice(0, 256),
    kind: kind === 'agent' || kind === 'snmp' || kind === 'ssh' ? kind : undefined,
    sort: (DEVICE_SORT_KEYS as readonly (string | null)[]).includes(sort) ? sort as DeviceSortKey : DEFAULT_DEVICES_STATE.sort,
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: positiveInteger(params.get('page')) ?? 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_DEVICES_STATE.pageSize,
  };
}

/** Only what differs from the defaults goes into the address, to keep links short. */
function devicesQueryString(list: DevicesListState): string {
  const params = new URLSearchParams();
  if (list.search) params.set('search', list.search);
  if (list.kind) params.set('kind', list.kind);
  if (list.sort !== DEFAULT_DEVICES_STATE.sort) params.set('sort', list.sort);
  if (list.order !== DEFAULT_DEVICES_STATE.order) params.set('order', list.order);
  if (list.page > 1) params.set('page', String(list.page));
  if (list.pageSize !== DEFAULT_DEVICES_STATE.pageSize) params.set('size', String(list.pageSize));
  const encoded = params.toString();
  return encoded ? `?${encoded}` : '';
}

function positiveInteger(value: string | null): number | undefined {
  if (!value || !/^\d{1,7}$/.test(value)) return undefined;
  const parsed = Number(value);
  return parsed >= 1 ? parsed : undefined;
}

function isScreenSection(value: string): value is ScreenSection {
  return (SCREEN_SECTIONS as readonly string[]).includes(value);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
