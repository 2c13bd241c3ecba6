import { describe, expect, it } from 'vitest';
import { deviceSort } from '@steward/shared';
import {
  DEFAULT_DEVICES_STATE, DEVICE_SORT_KEYS, SCREEN_SECTIONS, parseRoute, routeHref, type Route,
} from '../../dashboard/src/routing/routes.js';

function roundTrip(route: Route): Route {
  const url = new URL(routeHref(route), 'http://collector.example');
  return parseRoute(url.pathname, url.search);
}

describe('routes', () => {
  it('reads back every address it writes', () => {
    const routes: Route[] = [
      { name: 'overview' },
      { name: 'devices', list: DEFAULT_DEVICES_STATE },
      { name: 'devices', list: { search: 'ws-01 & co/?#', kind: 'snmp', sort: 'lastSeen', order: 'desc', page: 12, pageSize: 200 } },
      { name: 'device', id: '0b9a3f4e-8f63-4c39-9d2a-4a7a2d0f1c11', tab: 'summary' },
      { name: 'device', id: '0b9a3f4e-8f63-4c39-9d2a-4a7a2d0f1c11', tab: 'software' },
      ...SCREEN_SECTIONS.map((section): Route => ({ name: 'screen', section })),
    ];
    for (const route of routes) expect(roundTrip(route)).toEqual(route);
  });

  it('reads the sort keys the devices API takes, no more and no fewer', () => {
    expect([...DEVICE_SORT_KEYS].sort()).toEqual([...deviceSort.options].sort());
    for (const sort of deviceSort.options) expect(parseRoute('/devices', `?sort=${sort}`)).toMatchObject({ list: { sort } });
  });

  it('keeps default list settings out of the address', () => {
    expect(routeHref({ name: 'devices', list: DEFAULT_DEVICES_STATE })).toBe('/devices');
    expect(routeHref({ name: 'devices', list: { ...DEFAULT_DEVICES_STATE, kind: 'agent' } })).toBe('/devices?kind=agent');
  });

  it('falls back to defaults for values an edited address gets wrong', () => {
    const route = parseRoute('/devices', '?sort=password&order=sideways&page=-3&size=7&kind=printer');
    expect(route).toEqual({ name: 'devices', list: DEFAULT_DEVICES_STATE });
    expect(parseRoute('/devices', '?page=99999999')).toEqual({ name: 'devices', list: DEFAULT_DEVICES_STATE });
    expect(parseRoute('/devices/abc', '?tab=../../etc')).toEqual({ name: 'device', id: 'abc', tab: 'summary' });
  });

  it('says not found for addresses no screen answers', () => {
    expect(parseRoute('/nowhere').name).toBe('not-found');
    expect(parseRoute('/devices/a/b').name).toBe('not-found');
    expect(parseRoute('/settings/users').name).toBe('not-found');
  });
});
