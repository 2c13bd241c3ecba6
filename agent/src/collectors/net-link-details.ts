import type { HardwareInfo } from '@steward/shared/protocol';
import { readLink, readSysText } from './read-sys.js';

type LinkDetails = Pick<HardwareInfo['networkInterfaces'][number], 'driver' | 'status' | 'mtu' | 'duplex'>;

/** An interface's driver, operational state, MTU and duplex, from /sys/class/net/<name>. */
export async function readNetLinkDetails(name: string, root = '/sys/class/net'): Promise<LinkDetails> {
  const dir = `${root}/${name}`;
  const [driver, state, mtu, duplex] = await Promise.all([
    readLink(`${dir}/device/driver`), readSysText(`${dir}/operstate`), readSysText(`${dir}/mtu`), readSysText(`${dir}/duplex`),
  ]);
  const details: LinkDetails = {};
  if (driver) details.driver = driver.split('/').pop();
  if (state && state !== 'unknown') details.status = state;
  if (mtu && /^\d+$/.test(mtu)) details.mtu = Number(mtu);
  // Virtual links answer "unknown", and a link that is down refuses the read.
  if (duplex === 'full' || duplex === 'half') details.duplex = duplex;
  return details;
}
