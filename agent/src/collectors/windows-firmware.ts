import type { HardwareInfo } from '@steward/shared/protocol';
import { runCommand } from './run-command.js';

type FirmwareBoot = Pick<HardwareInfo['bios'], 'bootMode' | 'secureBoot'>;

const CONTROL_KEY = 'HKLM\\SYSTEM\\CurrentControlSet\\Control';

/**
 * A REG_DWORD value from `reg query KEY /v NAME`, whose value line reads "    NAME    REG_DWORD    0x2"
 * in every language (only messages are translated, not type names).
 */
export function regQueryDword(output: string, name: string): number | undefined {
  for (const line of output.split(/\r?\n/)) {
    const [value, type, data] = line.trim().split(/\s{2,}|\t/);
    if (value?.toLowerCase() === name.toLowerCase() && type === 'REG_DWORD' && /^0x[0-9a-f]+$/i.test(data ?? '')) return parseInt(data!, 16);
  }
  return undefined;
}

/**
 * How Windows was started: PEFirmwareType is 1 for legacy BIOS and 2 for UEFI; UEFISecureBootEnabled,
 * under SecureBoot\State, is 1 when Secure Boot is on. Each is left out when it cannot be read.
 */
export function windowsFirmwareBoot(firmwareType: string | null, secureBootState: string | null): FirmwareBoot {
  const type = firmwareType === null ? undefined : regQueryDword(firmwareType, 'PEFirmwareType');
  const secure = secureBootState === null ? undefined : regQueryDword(secureBootState, 'UEFISecureBootEnabled');
  const boot: FirmwareBoot = {};
  if (type === 1 || type === 2) boot.bootMode = type === 2 ? 'uefi' : 'bios';
  if (boot.bootMode !== 'bios' && (secure === 0 || secure === 1)) boot.secureBoot = secure === 1;
  return boot;
}

export async function readWindowsFirmwareBoot(): Promise<FirmwareBoot> {
  const [firmwareType, secureBootState] = await Promise.all([
    runCommand('reg', ['query', CONTROL_KEY, '/v', 'PEFirmwareType', '/reg:64'], { timeoutMs: 15_000 }),
    runCommand('reg', ['query', `${CONTROL_KEY}\\SecureBoot\\State`, '/v', 'UEFISecureBootEnabled', '/reg:64'], { timeoutMs: 15_000 }),
  ]);
  return windowsFirmwareBoot(firmwareType, secureBootState);
}
