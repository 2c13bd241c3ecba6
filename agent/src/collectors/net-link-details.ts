import type { HardwareInfo } from '@steward/shared/protocol';
import { readLink, readSysText } from './read-sys.js';

type LinkDetails = Pick<HardwareInfo['networkInterfaces'][number], 'driver' | 'status' | 'mtu' | 'duplex'>;

/** An interface's driver, operational state, MTU and duplex, from /sys/class/net/<name>. */
export async function readNetLinkDetails(name: string, root = '/sys/class/net'): Promise<LinkDetails> {
  const dir = `${root}/${name}`;
  const [driver, state, flags, mtu, duplex] = await Promise.all([
    readLink(`${dir}/device/driver`), readSysText(`${dir}/operstate`), readSysText(`${dir}/flags`), readSysText(`${dir}/mtu`), readSysText(`${dir}/duplex`),
  ]);
  const details: LinkDetails = {};
  if (driver) details.driver = driver.split('/').pop();
  const status = linkStatus(state, flags);
  if (status) details.status = status;
  if (mtu && /^\d+$/.test(mtu)) details.mtu = Number(mtu);
  // Virtual links answer "unknown", and a link that is down refuses the read.
  if (duplex === 'full' || duplex === 'half') details.duplex = duplex;
  return details;
}

/**
 * The operational state, or for links that do not track one (loopback, tun: "unknown") whether
 * they are administratively up (IFF_UP, bit 0 of flags).
 */
export function linkStatus(operstate: string | undefined, flags: string | undefined): string | undefined {
  if (operstate && operstate !== 'unknown') return operstate;
  const bits = flags && /^0x[0-9a-f]+$/i.test(flags) ? parseInt(flags, 16) : undefined;
  return bits === undefined ? undefined : bits & 1 ? 'up' : 'down';
}
