import {
  APK_INSTALLED_DB, DPKG_QUERY_FORMAT, RPM_QUERY_FORMAT, known, parseApkInstalled, parseCpuinfo, parseDpkgQuery, parseMemTotal,
  parseOsRelease, parsePacmanQuery, parseRpmQuery, pointRelease, pointReleaseSource,
} from '@steward/shared/host-parsers';
import { deviceIdentity, hardwareInfo, osInfo, type HardwareInfo, type InventoryContent, type SoftwareEntry } from '@steward/shared';
import { SshScanError, type SshSession } from './ssh-session.js';

/*
 * What a scan runs on a host: read-only commands an unprivileged account may run (cat of files
 * under /etc, /proc and /sys, uname, ip, and the package managers' query commands), read with the
 * parsers the agent reads the same output with.
 */

/** Single-quotes a word for the remote POSIX shell. */
const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** Readable by any user; product_uuid and product_serial only by root, so they come when the account may read them. */
const DMI_FIELDS = ['sys_vendor', 'product_name', 'product_version', 'product_serial', 'product_uuid', 'bios_vendor', 'bios_version', 'bios_date', 'board_vendor', 'board_name', 'chassis_type'];

const COMMANDS = {
  uname: 'uname -n; uname -r; uname -m',
  osRelease: 'cat /etc/os-release 2>/dev/null || cat /usr/lib/os-release',
  machineId: 'cat /etc/machine-id 2>/dev/null; true',
  cpuinfo: 'cat /proc/cpuinfo',
  meminfo: 'cat /proc/meminfo',
  dmi: `for f in ${DMI_FIELDS.join(' ')}; do printf '%s=' "$f"; cat "/sys/class/dmi/id/$f" 2>/dev/null || echo; done`,
  links: 'for d in /sys/class/net/*; do printf "%s %s %s\\n" "${d##*/}" "$(cat "$d/address" 2>/dev/null)" "$(test -e "$d/device" && echo physical || echo virtual)"; done',
  addresses: 'ip -o addr show 2>/dev/null; true',
  managers: `for c in dpkg-query rpm pacman; do command -v "$c" >/dev/null 2>&1 && echo "$c"; done; test -f ${APK_INSTALLED_DB} && echo apk; true`,
  dpkg: `dpkg-query -W -f ${quote(DPKG_QUERY_FORMAT)}`,
  rpm: `rpm -qa --queryformat ${quote(RPM_QUERY_FORMAT)}`,
  pacman: 'pacman -Qi',
  apk: `cat ${APK_INSTALLED_DB}`,
} as const;

/** The distribution files pointRelease reads beside os-release. */
const releaseFileCommand = (file: string) => `cat ${quote(file)} 2>/dev/null; true`;

/**
 * Wraps a command so the host itself kills it a second after the scan gives up on it, where
 * coreutils' or busybox's timeout is there: a closed channel alone leaves a sleeping process running.
 */
function bounded(command: string, timeoutMs: number): string {
  const seconds = Math.ceil(timeoutMs / 1000) + 1;
  return `if command -v timeout >/dev/null 2>&1; then exec timeout -s KILL ${seconds} sh -c ${quote(command)}; else exec sh -c ${quote(command)}; fi`;
}

export type HostInventory = Omit<InventoryContent, 'software'> & { software: SoftwareEntry[] };

function fieldsOf(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) fields.set(line.slice(0, eq), line.slice(eq + 1).trim());
  }
  return fields;
}

/** The network an IPv4 address with its prefix length is on: 10.0.0.5/24 is on 10.0.0.0/24. */
function ipv4Subnet(cidr: string): string | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
  if (!m) return undefined;
  const bits = Number(m[5]);
  if (bits > 32) return undefined;
  const value = m.slice(1, 5).reduce((n, octet) => n * 256 + Number(octet), 0);
  const network = bits === 0 ? 0 : value - (value % 2 ** (32 - bits));
  return `${[24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256).join('.')}/${bits}`;
}

function networkInterfaces(links: string, addresses: string): HardwareInfo['networkInterfaces'] {
  const byName = new Map<string, { ipv4: string[]; ipv6: string[] }>();
  for (const line of addresses.split('\n')) {
    // "2: eth0    inet 10.0.0.5/24 brd ... scope global eth0"
    const m = /^\d+:\s+(\S+)\s+(inet6?)\s+(\S+)/.exec(line);
    if (!m) continue;
    const name = m[1]!.replace(/@.*$/, '');
    const entry = byName.get(name) ?? { ipv4: [], ipv6: [] };
    (m[2] === 'inet' ? entry.ipv4 : entry.ipv6).push(m[3]!);
    byName.set(name, entry);
  }
  return links.split('\n').map((line) => line.trim().split(/\s+/)).filter((p) => p[0] && p[0] !== 'lo').map(([name, mac, kind]) => {
    const held = byName.get(name!) ?? { ipv4: [], ipv6: [] };
    const usableMac = mac && /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i.test(mac) && mac !== '00:00:00:00:00:00' ? mac.toLowerCase() : undefined;
    const subnets = [...new Set(held.ipv4.map(ipv4Subnet).filter((n): n is string => n !== undefined))];
    return { name: name!, ...(usableMac ? { mac: usableMac } : {}), ipv4: held.ipv4, ipv6: held.ipv6, subnets, virtual: kind !== 'physical' };
  });
}

async function software(session: SshSession, timeoutMs: number): Promise<SoftwareEntry[]> {
  const managers = ((await session.run(bounded(COMMANDS.managers, timeoutMs))) ?? '').split('\n').map((l) => l.trim());
  const found: SoftwareEntry[] = [];
  const read = async (command: string) => (await session.run(bounded(command, timeoutMs))) ?? '';
  if (managers.includes('dpkg-query')) found.push(...parseDpkgQuery(await read(COMMANDS.dpkg)));
  if (managers.includes('rpm')) found.push(...parseRpmQuery(await read(COMMANDS.rpm)));
  if (managers.includes('pacman')) found.push(...parsePacmanQuery(await read(COMMANDS.pacman)));
  if (managers.includes('apk')) found.push(...parseApkInstalled(await read(COMMANDS.apk)));
  return found;
}

/**
 * Reads one host's identity, hardware, OS and installed software over an open session. Throws
 * SshScanError when a command runs past its bounds, or when the host is not one these commands
 * describe (no uname, no os-release).
 */
export async function readHostInventory(session: SshSession, commandTimeoutMs: number): Promise<HostInventory> {
  const run = async (command: string) => (await session.run(bounded(command, commandTimeoutMs))) ?? '';
  const [hostname, kernel, arch] = (await run(COMMANDS.uname)).split('\n').map((l) => l.trim());
  const release = parseOsRelease(await run(COMMANDS.osRelease));
  if (!hostname || !release.NAME) throw new SshScanError('no-inventory', 'the host answered but is not a Linux system these commands read (no uname or os-release)');
  const releaseFile = pointReleaseSource(release)?.file;
  const point = pointRelease(release, releaseFile ? await run(releaseFileCommand(releaseFile)) : undefined);
  const machineId = known((await run(COMMANDS.machineId)).trim());
  const cpu = parseCpuinfo(await run(COMMANDS.cpuinfo));
  const memTotal = parseMemTotal(await run(COMMANDS.meminfo));
  const dmi = fieldsOf(await run(COMMANDS.dmi));
  const interfaces = networkInterfaces(await run(COMMANDS.links), await run(COMMANDS.addresses));
  const dmiValue = (field: string) => known(dmi.get(field));
  // Through the wire schemas, as an agent's report goes: what is stored is what an agent could have sent.
  const os = osInfo.parse({
    platform: 'linux', name: known(release.NAME) ?? 'Linux',
    ...(point.version ? { version: point.version } : {}),
    ...(point.displayVersion ? { displayVersion: point.displayVersion } : {}),
    ...(kernel ? { kernel } : {}), ...(arch ? { arch } : {}),
  });
  const hardware = hardwareInfo.parse({
    system: {
      manufacturer: dmiValue('sys_vendor'), model: dmiValue('product_name'), serial: dmiValue('product_serial'), uuid: dmiValue('product_uuid'),
      ...(cpu.hypervisor ? { virtual: true } : {}),
    },
    bios: { vendor: dmiValue('bios_vendor'), version: dmiValue('bios_version'), releaseDate: dmiValue('bios_date') },
    ...(dmiValue('board_vendor') || dmiValue('board_name') ? { baseboard: { manufacturer: dmiValue('board_vendor'), model: dmiValue('board_name') } } : {}),
    cpu: { ...cpu.cpu, ...(arch ? { arch } : {}) },
    memory: { ...(memTotal ? { totalBytes: memTotal } : {}), modules: [] },
    disks: [],
    networkInterfaces: interfaces,
  });
  return {
    identity: deviceIdentity.parse({
      hostname, hardwareUuid: dmiValue('product_uuid'), serialNumber: dmiValue('product_serial'), machineId,
      macAddresses: [...new Set(interfaces.filter((n) => n.mac && !n.virtual).map((n) => n.mac!))],
    }),
    hardware,
    os,
    software: await software(session, commandTimeoutMs),
  };
}
