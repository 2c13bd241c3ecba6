import type { HardwareInfo } from '@steward/shared/protocol';
import { readLink, readSysText } from './read-sys.js';

type LinkDetails = Pick<HardwareInfo['networkInterfaces'][number], 'driver' | 'status' | 'mtu'>;

/** An interface's driver, operational state and MTU, from /sys/class/net/<name>. */
export async function readNetLinkDetails(name: string, root = '/sys/class/net'): Promise<LinkDetails> {
  const dir = `${root}/${name}`;
  const [driver, state, mtu] = await Promise.all([readLink(`${dir}/device/driver`), readSysText(`${dir}/operstate`), readSysText(`${dir}/mtu`)]);
  const details: LinkDetails = {};
  if (driver) details.driver = driver.split('/').pop();
  if (state && state !== 'unknown') details.status = state;
  if (mtu && /^\d+$/.test(mtu)) details.mtu = Number(mtu);
  return details;
}
