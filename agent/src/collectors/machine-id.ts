import { readFile } from 'node:fs/promises';

/** Where systemd, and D-Bus before it, keep the id made when the operating system was installed. */
const MACHINE_ID_FILES = ['/etc/machine-id', '/var/lib/dbus/machine-id'];

/**
 * The OS install's own id: new when a machine is reimaged, copied when a disk or VM template is
 * cloned. With the hardware UUID it tells a reimaged laptop from a cloned VM.
 */
export async function readLinuxMachineId(files = MACHINE_ID_FILES): Promise<string | undefined> {
  for (const file of files) {
    const text = (await readFile(file, 'utf8').catch(() => '')).trim().toLowerCase();
    // An image prepared for cloning leaves the file empty or "uninitialized" until first boot.
    if (/^[0-9a-f]{32}$/.test(text)) return text;
  }
  return undefined;
}
