import os from 'node:os';
import type { HardwareInfo } from '@steward/shared/protocol';
import { positive } from './placeholder-values.js';
import { listDir, readLink, readSysText } from './read-sys.js';
import { subnetOf } from './ip-address.js';

type Nic = HardwareInfo['networkInterfaces'][number];

export interface SysNet {
  address?: string;
  speed?: string;
  /** ARPHRD type: 1 is Ethernet, 772 loopback. */
  type?: string;
  /** Whether /sys/class/net/<name>/device exists: a real device, not a bridge, veth or tunnel. */
  hasDevice: boolean;
  wireless: boolean;
}

/**
 * One interface from its sysfs files and the addresses Node sees on it. Loopback is left out, and
 * so are virtual interfaces without an address (ifb, idle bridges), whose random MACs identify nothing.
 */
export function netInterface(name: string, sys: SysNet, addresses: os.NetworkInterfaceInfo[] = []): Nic | undefined {
  if (sys.type === '772' || addresses.some((a) => a.internal)) return undefined;
  if (!sys.hasDevice && addresses.length === 0) return undefined;
  const mac = sys.address ?? addresses[0]?.mac;
  const speed = Number(sys.speed);
  return {
    name,
    mac: mac && !/^(00:){5}00$/.test(mac) ? mac : undefined,
    ipv4: addresses.filter((a) => a.family === 'IPv4').map((a) => a.address),
    ipv6: addresses.filter((a) => a.family === 'IPv6').map((a) => a.address),
    subnets: subnetsOf(addresses),
    speedMbps: positive(speed),
    virtual: !sys.hasDevice,
    type: sys.wireless ? 'wireless' : sys.type === '1' ? 'wired' : undefined,
  };
}

function subnetsOf(addresses: os.NetworkInterfaceInfo[]): string[] | undefined {
  const subnets = new Set<string>();
  for (const { cidr } of addresses) {
    const subnet = cidr ? subnetOf(cidr) : undefined;
    if (subnet) subnets.add(subnet);
  }
  return subnets.size ? [...subnets] : undefined;
}

export async function readNetInterfaces(root = '/sys/class/net'): Promise<Nic[]> {
  const addresses = os.networkInterfaces();
  const names = await listDir(root);
  const nics = await Promise.all(names.map(async (name) => {
    const dir = `${root}/${name}`;
    const [address, speed, type, device, wireless] = await Promise.all([
      readSysText(`${dir}/address`), readSysText(`${dir}/speed`), readSysText(`${dir}/type`),
      readLink(`${dir}/device`), listDir(`${dir}/wireless`),
    ]);
    return netInterface(name, { address, speed, type, hasDevice: device !== undefined, wireless: wireless.length > 0 }, addresses[name]);
  }));
  return nics.filter((nic): nic is Nic => nic !== undefined);
}
