import type { HardwareInfo } from '@steward/shared/protocol';
import { known, positive } from './placeholder-values.js';
import { wmiBoolean, wmiList, wmiNumber, wmiText, type WmiObject } from './wmi-objects.js';
import { netmaskPrefixLength, subnetOf } from './ip-address.js';
import { repairDeep } from './text-repair.js';

type Nic = HardwareInfo['networkInterfaces'][number];

/** What makes an adapter virtual, by the driver service Windows runs it with. */
const VIRTUAL_SERVICES: Record<string, string> = {
  kdnic: 'debug', tunnel: 'tunnel', kmloop: 'loopback', vmsmp: 'bridge', vmsmpminiport: 'bridge',
  vboxnetadp: 'host-only', vboxnetadp6: 'host-only', vmnetadapter: 'host-only', tap0901: 'tap', tapwindows6: 'tap', wintun: 'tun',
  ndiswan: 'wan-miniport', rasagilevpn: 'wan-miniport', rassstp: 'wan-miniport', rasl2tp: 'wan-miniport', raspppoe: 'wan-miniport',
  pptpminiport: 'wan-miniport', vwifimp: 'wifi-direct', wireguard: 'wireguard',
};

/** Win32_NetworkAdapter.NetConnectionStatus: connected is up; disconnected, absent, disabled and unplugged are down. */
const CONNECTION_STATUS: Record<number, string> = { 0: 'down', 1: 'dormant', 2: 'up', 4: 'down', 5: 'down', 6: 'down', 7: 'down' };

/**
 * Every adapter of Win32_NetworkAdapterConfiguration, IP-bound or not, with its addresses; joined
 * on Index with Win32_NetworkAdapter (its DeviceID) for the link state, speed and whether it is a
 * physical adapter. Virtual ones are marked with their kind, from the driver service.
 */
export function wmiNetworkInterfaces(configs: WmiObject[], adapters: WmiObject[] = []): Nic[] {
  const byIndex = new Map(adapters.map((a) => [wmiText(a, 'DeviceID'), a]));
  return repairDeep(configs.map((c) => {
    const adapter = byIndex.get(wmiText(c, 'Index'));
    const addresses = wmiList(c, 'IPAddress');
    const gateways = wmiList(c, 'DefaultIPGateway').filter(Boolean);
    const physical = wmiBoolean(adapter, 'PhysicalAdapter');
    const virtualKind = VIRTUAL_SERVICES[wmiText(c, 'ServiceName')?.toLowerCase() ?? ''] ?? (physical === false ? 'virtual' : undefined);
    const status = CONNECTION_STATUS[wmiNumber(adapter, 'NetConnectionStatus') ?? -1];
    const speed = wmiNumber(adapter, 'Speed');
    return {
      name: known(wmiText(c, 'Description')) ?? `adapter ${wmiText(c, 'Index')}`,
      mac: known(wmiText(c, 'MACAddress')),
      ipv4: addresses.filter((a) => !a.includes(':')),
      ipv6: addresses.filter((a) => a.includes(':')),
      subnets: wmiSubnets(addresses, wmiList(c, 'IPSubnet')),
      gateways: gateways.length ? gateways : undefined,
      virtual: virtualKind !== undefined || (physical === undefined ? undefined : false),
      virtualKind,
      // Speed is in bits per second; a disconnected adapter reports its maximum or 2^63-1.
      speedMbps: status === 'up' && speed !== undefined && speed < 2 ** 53 ? positive(speed / 1_000_000) : undefined,
      status,
    };
  }));
}

/** IPSubnet lists a mask for each of IPAddress's addresses, in its order: dotted for IPv4, a prefix length for IPv6. */
function wmiSubnets(addresses: string[], masks: string[]): string[] | undefined {
  const subnets = new Set<string>();
  addresses.forEach((address, i) => {
    const mask = masks[i];
    const bits = mask === undefined ? undefined : /^\d+$/.test(mask) ? Number(mask) : netmaskPrefixLength(mask);
    const subnet = bits === undefined ? undefined : subnetOf(`${address}/${bits}`);
    if (subnet) subnets.add(subnet);
  });
  return subnets.size ? [...subnets] : undefined;
}
