import os from 'node:os';
import { readFile } from 'node:fs/promises';
import type { OsInfo } from '@steward/shared/protocol';
import { known } from './placeholder-values.js';
import { parseOsRelease } from './os-release.js';
import { readPointRelease } from './os-point-release.js';
import { archName } from './cpu-arch.js';
import { runCommand } from './run-command.js';
import { collectUnixUsers } from './unix-users.js';
import { collectLinuxSecurity } from './linux-security.js';
import { readLinuxMachineId } from './machine-id.js';
import { repairDeep } from './text-repair.js';

/** The OS section, with what the identity section takes from it: names and the install's machine id. */
export type CollectedOs = OsInfo & { hostname: string; fqdn?: string; machineId?: string };

function platformOf(p: NodeJS.Platform): OsInfo['platform'] {
  switch (p) {
    case 'linux': return 'linux';
    case 'win32': return 'windows';
    case 'darwin': return 'macos';
    case 'freebsd': return 'freebsd';
    default: return 'other';
  }
}

export async function collectOs(platform: NodeJS.Platform = process.platform): Promise<CollectedOs> {
  if (platform === 'linux') return repairDeep(await collectLinuxOs());
  // Loaded only on Windows, like each platform's collectors.
  if (platform === 'win32') return (await import('./windows-os.js')).collectWindowsOs();
  if (platform === 'darwin') return repairDeep(await collectMacOs());
  return repairDeep(await collectSiOs(platform));
}

/** systeminformation's answers, with the release and build as system_profiler states them and the last console user. */
async function collectMacOs(): Promise<CollectedOs> {
  const { parseSoftwareOverview, readLastUserName, readSystemProfiler } = await import('./macos-system-profiler.js');
  const [base, report, lastUser] = await Promise.all([collectSiOs('darwin'), readSystemProfiler(), readLastUserName()]);
  const software = parseSoftwareOverview(report);
  return {
    ...base,
    name: software.name ?? base.name,
    version: software.version ?? base.version,
    build: software.build ?? base.build,
    kernel: software.kernel ?? base.kernel,
    users: { lastLoggedOn: lastUser },
  };
}

async function collectLinuxOs(): Promise<CollectedOs> {
  const [release, fqdn, users, security, machineId] = await Promise.all([
    readFile('/etc/os-release', 'utf8').catch(() => readFile('/usr/lib/os-release', 'utf8')).catch(() => ''),
    runCommand('hostname', ['-f'], { timeoutMs: 3000 }),
    collectUnixUsers(),
    collectLinuxSecurity(),
    readLinuxMachineId(),
  ]);
  const fields = parseOsRelease(release);
  const { version, displayVersion } = await readPointRelease(fields);
  return {
    platform: 'linux',
    name: known(fields.NAME) ?? 'Linux',
    version,
    displayVersion,
    build: undefined,
    kernel: os.release(),
    arch: archName(os.machine()),
    uptimeSeconds: Math.round(os.uptime()),
    hostname: os.hostname(),
    fqdn: known(fqdn?.trim()),
    machineId,
    users,
    security,
  };
}

async function collectSiOs(platform: NodeJS.Platform): Promise<CollectedOs> {
  const { default: si } = await import('systeminformation');
  const info = await si.osInfo().catch(() => undefined);
  return {
    platform: platformOf(platform),
    name: known(info?.distro) ?? os.type(),
    version: known(info?.release) ?? os.release(),
    build: known(info?.build),
    kernel: known(info?.kernel) ?? os.release(),
    arch: archName(known(info?.arch) ?? os.machine()),
    uptimeSeconds: Math.round(os.uptime()),
    hostname: known(info?.hostname) ?? os.hostname(),
    fqdn: known(info?.fqdn),
  };
}
