import type { HardwareInfo } from '@steward/shared/protocol';
import { runCommand } from './run-command.js';
import { onPath } from './executable-path.js';
import { known } from './placeholder-values.js';
import { listDir, readSysFiles } from './read-sys.js';

type Gpu = HardwareInfo['gpus'][number];

/** Vendors of display controllers, for when lspci is not there to name them. */
const PCI_VENDORS: Record<string, string> = {
  '0x10de': 'NVIDIA Corporation', '0x1002': 'Advanced Micro Devices, Inc. [AMD/ATI]', '0x8086': 'Intel Corporation',
  '0x1234': 'QEMU', '0x15ad': 'VMware', '0x1b36': 'Red Hat, Inc.', '0x1af4': 'Red Hat, Inc.', '0x1414': 'Microsoft Corporation',
  '0x102b': 'Matrox Electronics Systems Ltd.', '0x1a03': 'ASPEED Technology, Inc.', '0x80ee': 'InnoTek Systemberatung GmbH',
};

/** Parses `lspci -vmm`: blank-line separated records of "Field:<tab>value" lines. */
export function parseLspciVmm(output: string): Gpu[] {
  return output.split(/\n\s*\n/).flatMap((block) => {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      const match = /^(\w+):\s*(.*)$/.exec(line);
      if (match) fields.set(match[1]!, match[2]!.trim());
    }
    const cls = fields.get('Class') ?? '';
    if (!/VGA|3D|Display/i.test(cls)) return [];
    return [{ vendor: known(fields.get('Vendor')), model: known(fields.get('Device')) }];
  });
}

/** Display controllers (PCI class 0x03xxxx), named by lspci when it is installed, by vendor id otherwise. */
export async function readDisplayControllers(root = '/sys/bus/pci/devices'): Promise<Gpu[]> {
  const slots = await listDir(root);
  const devices = await Promise.all(slots.map(async (slot) => ({ slot, ...(await readSysFiles(`${root}/${slot}`, ['class', 'vendor', 'device'])) })));
  const displays = devices.filter((d) => d.class?.startsWith('0x03'));
  if (displays.length === 0) return [];
  if (onPath('lspci')) {
    const output = await runCommand('lspci', ['-vmm'], { timeoutMs: 5000 });
    const named = output === null ? [] : parseLspciVmm(output);
    if (named.length) return named;
  }
  return displays.map((d) => ({ vendor: PCI_VENDORS[d.vendor ?? ''], model: d.device ? `PCI device ${d.vendor}:${d.device}` : undefined }));
}
