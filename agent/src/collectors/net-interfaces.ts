import os from 'node:os';
import type { HardwareInfo } from '@steward/shared/protocol';
import { positive } from './placeholder-values.js';
import { listDir, readLink, readSysText } from './read-sys.js';
import { subnetOf } from './ip-address.js';

type Nic = HardwareInfo['networkInterfaces'][number];

export interface SysNet {
  address?: string;
  speed?: string;
  /** ARPHRD type: 1 is Ethernet, 772 loopback, 65534 a tunnel without link layer. */
  type?: string;
  /** Whether /sys/class/net/<name>/device exists: a real device, not a bridge, veth or tunnel. */
  hasDevice: boolean;
  wireless: boolean;
  /** DEVTYPE of the interface's uevent: bridge, vlan, bond, wireguard, vxlan... */
  devType?: string;
}

/** Virtual interfaces the kernel does not name by DEVTYPE, known by their ARPHRD type or their name. */
const VIRTUAL_BY_TYPE: Record<string, string> = { '772': 'loopback', '65534': 'tun', '768': 'tunnel', '769': 'tunnel', '776': 'tunnel', '778': 'gre' };
const VIRTUAL_BY_NAME: Array<[RegExp, string]> = [
  [/^veth/, 'veth'], [/^docker\d/, 'docker'], [/^br-[0-9a-f]{12}$/, 'docker'], [/^(virbr|lxcbr|lxdbr)\d/, 'bridge'],
  [/^tap/, 'tap'], [/^tun/, 'tun'], [/^ifb\d/, 'ifb'], [/^wg\d/, 'wireguard'], [/^(tailscale|zt)/, 'vpn'],
  [/^(cali|flannel|cni|weave|vxlan)/, 'container-network'], [/^vnet\d/, 'tap'], [/^dummy/, 'dummy'],
];

/** What makes an interface virtual, or undefined for a physical one. */
export function virtualKindOf(name: string, sys: SysNet): string | undefined {
  const byType = VIRTUAL_BY_TYPE[sys.type ?? ''];
  if (byType) return byType;
  if (sys.hasDevice) return undefined;
  const byName = VIRTUAL_BY_NAME.find(([pattern]) => pattern.test(name))?.[1];
  return byName ?? (sys.devType || 'virtual');
}

/**
 * One interface from its sysfs files and the addresses Node sees on it. Every interface is kept,
 * loopback and idle virtual ones included, marked virtual with their kind; their MACs stay out of
 * the device's identity (see identityOf).
 */
export function netInterface(name: string, sys: SysNet, addresses: os.NetworkInterfaceInfo[] = []): Nic {
  const mac = sys.address ?? addresses[0]?.mac;
  const speed = Number(sys.speed);
  const virtualKind = virtualKindOf(name, sys);
  return {
    name,
    mac: mac && !/^(00:){5}00$/.test(mac) ? mac : undefined,
    ipv4: addresses.filter((a) => a.family === 'IPv4').map((a) => a.address),
    ipv6: addresses.filter((a) => a.family === 'IPv6').map((a) => a.address),
    subnets: subnetsOf(addresses),
    speedMbps: positive(speed),
    virtual: virtualKind !== undefined,
    virtualKind,
    type: sys.wireless ? 'wireless' : virtualKind === 'loopback' ? 'loopback' : sys.type === '1' && !virtualKind ? 'wired' : undefined,
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
    const [address, speed, type, device, wireless, uevent] = await Promise.all([
      readSysText(`${dir}/address`), readSysText(`${dir}/speed`), readSysText(`${dir}/type`),
      readLink(`${dir}/device`), listDir(`${dir}/wireless`), readSysText(`${dir}/uevent`),
    ]);
    const devType = /^DEVTYPE=(.+)$/m.exec(uevent ?? '')?.[1];
    return netInterface(name, { address, speed, type, hasDevice: device !== undefined, wireless: wireless.length > 0, devType }, addresses[name]);
  }));
  return nics;
}
