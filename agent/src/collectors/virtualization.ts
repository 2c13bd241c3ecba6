import { existsSync } from 'node:fs';
import type { HardwareInfo } from '@steward/shared/protocol';
import { runCommand } from './run-command.js';
import { onPath } from './executable-path.js';
import { readSysText } from './read-sys.js';

export type Virtualization = NonNullable<HardwareInfo['virtualization']>;

export interface VirtualizationEvidence {
  /** systemd-detect-virt --container's answer ("docker", "lxc"...), when it found one. */
  container?: string;
  /** systemd-detect-virt --vm's answer ("kvm", "vmware"...), when it found one. */
  vm?: string;
  /** Marker files container engines leave: /.dockerenv, /run/.containerenv. */
  markerFiles?: string[];
  /** /proc/1/cgroup: names the engine when PID 1 runs in its cgroup. */
  initCgroup?: string;
  cpuHypervisorFlag?: boolean;
  /** System manufacturer and model as the firmware (or WMI) states them. */
  manufacturer?: string;
  model?: string;
}

/** Firmware strings hypervisors put in the system manufacturer or model. */
const VM_SIGNATURES: Array<[RegExp, string]> = [
  [/vmware/i, 'vmware'], [/virtualbox|innotek/i, 'oracle'], [/qemu|bochs/i, 'qemu'], [/kvm|openstack|red hat/i, 'kvm'],
  [/^xen|hvm domu/i, 'xen'], [/amazon ec2/i, 'amazon'], [/google compute engine/i, 'google'], [/parallels/i, 'parallels'],
  [/bhyve/i, 'bhyve'], [/virtual machine/i, 'microsoft'],
];

/** Decides what the system runs on, trusting a container first, then a hypervisor, then bare metal. */
export function classifyVirtualization(e: VirtualizationEvidence): Virtualization {
  if (e.container) return { role: 'container', technology: e.container };
  if (e.markerFiles?.includes('/.dockerenv')) return { role: 'container', technology: 'docker' };
  if (e.markerFiles?.includes('/run/.containerenv')) return { role: 'container', technology: 'podman' };
  const engine = /\b(docker|lxc|kubepods|containerd|libpod)\b/.exec(e.initCgroup ?? '')?.[1];
  if (engine) return { role: 'container', technology: engine === 'libpod' ? 'podman' : engine };
  if (e.vm) return { role: 'vm', technology: e.vm };
  const firmware = `${e.manufacturer ?? ''} ${e.model ?? ''}`.trim();
  const signature = VM_SIGNATURES.find(([pattern]) => pattern.test(firmware))?.[1];
  if (signature) return { role: 'vm', technology: signature };
  if (e.cpuHypervisorFlag) return { role: 'vm' };
  return { role: 'physical' };
}

/** Gathers the evidence on Linux; systemd-detect-virt answers best where it exists. */
export async function detectLinuxVirtualization(known: Pick<VirtualizationEvidence, 'cpuHypervisorFlag' | 'manufacturer' | 'model'>): Promise<Virtualization> {
  const detect = onPath('systemd-detect-virt');
  const [container, vm, initCgroup] = await Promise.all([
    detect ? runCommand('systemd-detect-virt', ['--container'], { timeoutMs: 5000 }) : null,
    detect ? runCommand('systemd-detect-virt', ['--vm'], { timeoutMs: 5000 }) : null,
    readSysText('/proc/1/cgroup'),
  ]);
  return classifyVirtualization({
    ...known,
    container: container?.trim() || undefined,
    vm: vm?.trim() || undefined,
    markerFiles: ['/.dockerenv', '/run/.containerenv'].filter((file) => existsSync(file)),
    initCgroup,
  });
}
