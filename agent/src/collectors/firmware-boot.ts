import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { HardwareInfo } from '@steward/shared/protocol';

type FirmwareBoot = Pick<HardwareInfo['bios'], 'bootMode' | 'secureBoot'>;

/** The SecureBoot variable of the EFI global namespace, as efivarfs names it. */
const SECURE_BOOT_VAR = 'efivars/SecureBoot-8be4df61-93ca-11d2-aa0d-00e098032b8c';

/** An efivarfs file is 4 bytes of attributes then the value: SecureBoot's one byte is 1 when it is on. */
export function secureBootOf(efivar: Uint8Array | undefined): boolean | undefined {
  return efivar && efivar.length >= 5 ? efivar[4] === 1 : undefined;
}

/**
 * UEFI when the kernel was started by UEFI firmware (it then shows /sys/firmware/efi); legacy BIOS
 * when it was not but firmware left SMBIOS tables (/sys/firmware/dmi); unnamed otherwise, as for a
 * kernel a hypervisor loaded directly or a board booted from a device tree.
 */
export async function readFirmwareBoot(root = '/sys/firmware'): Promise<FirmwareBoot> {
  if (!existsSync(`${root}/efi`)) return existsSync(`${root}/dmi`) ? { bootMode: 'bios' } : {};
  const secureBoot = secureBootOf(await readFile(`${root}/efi/${SECURE_BOOT_VAR}`).catch(() => undefined));
  return secureBoot === undefined ? { bootMode: 'uefi' } : { bootMode: 'uefi', secureBoot };
}
