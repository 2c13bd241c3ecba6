import type { HardwareInfo } from '@steward/shared/protocol';
import { unnamedPciDevice } from './pci-controllers.js';

type Gpu = HardwareInfo['gpus'][number];
type Controller = NonNullable<HardwareInfo['controllers']>[number];

/** Vendors of display controllers, for machines without the PCI ID database to name them. */
const PCI_VENDORS: Record<string, string> = {
  '10de': 'NVIDIA Corporation', '1002': 'Advanced Micro Devices, Inc. [AMD/ATI]', '8086': 'Intel Corporation',
  '1234': 'QEMU', '15ad': 'VMware', '1b36': 'Red Hat, Inc.', '1af4': 'Red Hat, Inc.', '1414': 'Microsoft Corporation',
  '102b': 'Matrox Electronics Systems Ltd.', '1a03': 'ASPEED Technology, Inc.', '80ee': 'InnoTek Systemberatung GmbH',
};

/**
 * The display controllers (PCI class 03: VGA, 3D, other display) among the PCI controllers, which
 * are already named from the PCI ID database: the same names lspci would print, without running it.
 */
export function displayControllers(controllers: readonly Controller[]): Gpu[] {
  return controllers.filter((c) => c.pciClass?.startsWith('03')).map((c) => ({
    vendor: c.manufacturer ?? (c.vendorId ? PCI_VENDORS[c.vendorId] : undefined),
    // A card named only by its class ("VGA compatible controller") is told apart by its ids.
    model: c.name === c.type && c.vendorId && c.productId ? unnamedPciDevice(c.vendorId, c.productId) : c.name,
  }));
}
