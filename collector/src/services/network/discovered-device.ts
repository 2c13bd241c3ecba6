import { hardwareInfo, type OsInfo, type SnmpProbeResult } from '@steward/shared';
import type { DeviceFields } from '../../store/network/targets.js';

const MAX_MACS = 256;
const MAX_INTERFACES = 1024;
/** Addresses every interface without hardware reports: they identify nothing. */
const MEANINGLESS_MACS = new Set(['00:00:00:00:00:00', 'ff:ff:ff:ff:ff:ff']);

/** The device row a probe describes: the same columns agent devices fill, so lists show both alike. */
export function deviceFieldsOf(result: SnmpProbeResult): DeviceFields {
  const { identity, system } = result;
  return {
    hostname: system.sysName?.trim() || result.target.host,
    serialNumber: identity.serial ?? null,
    manufacturer: identity.vendor ?? null,
    model: identity.model ?? null,
    osName: identity.os ?? null,
    osVersion: identity.osVersion ?? null,
    macAddresses: macsOf(result),
    hardware: hardwareOf(result),
    os: osOf(result),
    softwareCount: result.software.length,
  };
}

function macsOf(result: SnmpProbeResult): string[] {
  const macs = new Set<string>();
  for (const i of result.interfaces) {
    if (i.mac && !MEANINGLESS_MACS.has(i.mac)) macs.add(i.mac);
    if (macs.size >= MAX_MACS) break;
  }
  return [...macs];
}

/**
 * The hardware in the shape agents report it (so every reader of devices.hardware understands it),
 * with what only SNMP tells under `snmp`: the identity, where each field came from, the chassis and
 * how many modules the device holds.
 */
function hardwareOf(result: SnmpProbeResult): object {
  const { identity, system } = result;
  const v4 = (ifIndex: number) => result.addresses.filter((a) => a.ifIndex === ifIndex && a.family === 'ipv4').map((a) => a.address);
  const v6 = (ifIndex: number) => result.addresses.filter((a) => a.ifIndex === ifIndex && a.family === 'ipv6').map((a) => a.address);
  const ram = result.storage.find((s) => s.type === 'ram');
  const base = hardwareInfo.safeParse({
    system: { manufacturer: identity.vendor, model: identity.model, serial: identity.serial },
    memory: { totalBytes: ram?.sizeBytes, modules: [] },
    disks: result.storage.filter((s) => s.type === 'fixedDisk').slice(0, 1024).map((s) => ({ name: s.descr, sizeBytes: s.sizeBytes })),
    networkInterfaces: result.interfaces.slice(0, MAX_INTERFACES).map((i) => ({
      name: (i.name || i.descr || `if${i.ifIndex}`).slice(0, 256),
      mac: i.mac,
      ipv4: v4(i.ifIndex),
      ipv6: v6(i.ifIndex),
      speedMbps: i.speedBps === undefined ? undefined : i.speedBps / 1e6,
    })),
  });
  const chassis = result.entities.find((e) => e.class === 'chassis');
  const snmp = {
    sysObjectID: system.sysObjectID, sysDescr: system.sysDescr, sysLocation: system.sysLocation, sysContact: system.sysContact,
    identity,
    chassis: chassis ? { model: chassis.model, serial: chassis.serial, hardwareRev: chassis.hardwareRev, firmwareRev: chassis.firmwareRev, softwareRev: chassis.softwareRev } : undefined,
    modules: result.entities.filter((e) => e.class === 'module').length,
    powerSupplies: result.entities.filter((e) => e.class === 'powerSupply').length,
    fans: result.entities.filter((e) => e.class === 'fan').length,
    pageCount: result.printer?.pageCount,
  };
  return { ...(base.success ? base.data : hardwareInfo.parse({})), snmp };
}

function osOf(result: SnmpProbeResult): OsInfo | null {
  const name = result.identity.os;
  if (!name) return null;
  return { platform: platformOf(name), name, ...(result.identity.osVersion ? { version: result.identity.osVersion } : {}) };
}

function platformOf(os: string): OsInfo['platform'] {
  if (/windows/i.test(os)) return 'windows';
  if (/linux/i.test(os)) return 'linux';
  if (/freebsd/i.test(os)) return 'freebsd';
  if (/mac\s?os|darwin/i.test(os)) return 'macos';
  return 'other';
}
