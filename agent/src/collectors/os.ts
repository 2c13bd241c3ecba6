import os from 'node:os';
import si from 'systeminformation';
import type { OsInfo } from '@steward/shared';
import { known } from './hardware.js';

function platformOf(p: NodeJS.Platform): OsInfo['platform'] {
  switch (p) {
    case 'linux': return 'linux';
    case 'win32': return 'windows';
    case 'darwin': return 'macos';
    case 'freebsd': return 'freebsd';
    default: return 'other';
  }
}

export async function collectOs(): Promise<OsInfo & { hostname: string; fqdn?: string }> {
  const info = await si.osInfo().catch(() => undefined);
  return {
    platform: platformOf(process.platform),
    name: known(info?.distro) ?? os.type(),
    version: known(info?.release) ?? os.release(),
    build: known(info?.build),
    kernel: known(info?.kernel) ?? os.release(),
    arch: known(info?.arch) ?? os.arch(),
    domain: undefined,
    uptimeSeconds: Math.round(os.uptime()),
    hostname: known(info?.hostname) ?? os.hostname(),
    fqdn: known(info?.fqdn),
  };
}
