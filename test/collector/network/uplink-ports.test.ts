import { describe, expect, it } from 'vitest';
import { isEdgePort, isNetworkGear, rankSightings, UPLINK_MIN_MACS } from '../../../collector/src/services/network/uplink-ports.js';

const unknown = { remote_device_id: null, remote_device_type: null, remote_forwards: null, remote_platform: null };
const says = (descr: string, platform: string | null = null) => ({ ...unknown, remote_sys_descr: descr, remote_platform: platform });

describe('telling uplinks from edge ports', () => {
  // Neighbour descriptions as the recorded switches list them over LLDP and CDP.
  it.each([
    ['Cisco Nexus Operating System (NX-OS) Software, Version 6.0(2)N2(3)', null, true],
    ['Cisco IOS Software, C2960 Software (C2960-LANBASEK9-M), Version 12.2(55)SE', 'cisco WS-C2960-48TT-L', true],
    ['Cisco IOS Software, C1600 Software (AP1G2-K9W8-M), Version 15.2(4)JB6', 'cisco AIR-CAP1602I-C-K9', true],
    ['ProCurve J9146A Switch 2910al-24G, revision W.14.49', null, true],
    ['Emulex OneConnect 10Gb Multi function Adapter', 'Emulex OneConnect 10Gb Multi function Adapter', false],
    ['Linux web-01 6.1.0-18-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1', null, false],
    ['SCCP45.9-3-1SR1-1S', 'Cisco IP Phone 7945', false],
  ])('%s (%s): network gear %s', (descr, platform, gear) => {
    expect(isNetworkGear(says(descr, platform))).toBe(gear);
  });

  it('knows discovered devices that forward frames or are typed as network gear, whatever they say', () => {
    expect(isNetworkGear({ ...says('unit 4'), remote_device_id: 'd1', remote_forwards: true })).toBe(true);
    expect(isNetworkGear({ ...says('unit 4'), remote_device_id: 'd1', remote_forwards: false, remote_device_type: 'router' })).toBe(true);
    expect(isNetworkGear({ ...says('unit 4'), remote_device_id: 'd1', remote_forwards: false, remote_device_type: 'printer' })).toBe(false);
  });

  it('calls a port an uplink when it carries many addresses or leads to network gear', () => {
    expect(isEdgePort(1, [])).toBe(true);
    expect(isEdgePort(UPLINK_MIN_MACS - 1, [says('Emulex OneConnect 10Gb Multi function Adapter')])).toBe(true);
    expect(isEdgePort(UPLINK_MIN_MACS, [])).toBe(false);
    expect(isEdgePort(1, [says('Cisco Nexus Operating System (NX-OS) Software')])).toBe(false);
  });

  it('ranks edge ports first, then fewer addresses, then the latest seen', () => {
    const base = { switchId: 's', switchName: 'sw', ifIndex: 1, ifName: 'Gi1', mac: 'm', vlan: null, seenAt: '2024-01-01T00:00:00Z' };
    const ranked = rankSightings([
      { ...base, bridgePort: 1, edge: false, macsOnPort: 1 },
      { ...base, bridgePort: 2, edge: true, macsOnPort: 3 },
      { ...base, bridgePort: 3, edge: true, macsOnPort: 1, seenAt: '2023-01-01T00:00:00Z' },
      { ...base, bridgePort: 4, edge: true, macsOnPort: 1 },
    ]);
    expect(ranked.map((s) => s.bridgePort)).toEqual([4, 3, 2, 1]);
  });
});
