import { describe, expect, it } from 'vitest';
import { siHardware, type SiReadings } from '../../agent/src/collectors/si-hardware.js';
import { ownText } from './fixture-files.js';

describe('hardware through systeminformation (macOS, BSD, Windows without WMI)', () => {
  // What systeminformation answered on a Linux virtual machine, recorded.
  const readings = JSON.parse(ownText('si/linux-vm.json')) as SiReadings;
  const hardware = siHardware(readings);

  it('maps the processor with its identification, caches and virtualisation support', () => {
    expect(hardware.cpu).toEqual({
      manufacturer: 'AMD', brand: 'EPYC', sockets: 1, cores: 2, threads: 2, speedGHz: undefined, family: 25, model: 17, stepping: 1,
      virtualizationSupport: false, cache: { l1dBytes: 65536, l1iBytes: 65536, l2Bytes: 2097152, l3Bytes: 33554432 },
    });
    expect(hardware.memory).toMatchObject({ totalBytes: 25276071936, swapBytes: 0 });
  });

  it('keeps every interface, loopback marked, the real ones with subnets from their masks, state, MTU and the default gateway on the default one', () => {
    expect(hardware.networkInterfaces[0]).toMatchObject({ name: 'lo', ipv4: ['127.0.0.1'], virtual: true, virtualKind: 'loopback', type: 'loopback', status: 'up' });
    expect(hardware.networkInterfaces.slice(1)).toEqual([{
      name: 'eth0', mac: '02:fc:00:00:00:01', ipv4: ['192.0.2.2'], ipv6: ['fd00::2'], speedMbps: undefined, virtual: false, virtualKind: undefined, type: 'wired',
      status: 'up', mtu: 1400, duplex: undefined, subnets: ['192.0.2.0/24', 'fd00::/64'], gateways: ['192.0.2.1'],
    }]);
  });

  it('drops placeholder serials and SKUs, and keeps what it is told of the system', () => {
    expect(hardware.system).toEqual({
      manufacturer: undefined, model: 'Docker Container', serial: undefined, uuid: undefined, sku: undefined, virtual: true, virtualHost: 'KVM',
    });
    expect(siHardware({}).networkInterfaces).toEqual([]);
  });
});
