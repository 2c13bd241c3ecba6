import type { DeviceDetail } from '@steward/shared';
import { FactList } from '../../components/fact-list.js';
import { formatBytes, formatCount } from '../../format/numbers.js';
import { formatDateTime, formatDuration, timeAgo } from '../../format/time.js';
import { operatingSystemLabel } from '../../format/operating-system.js';
import { ClockBadge } from '../../components/clock-badge.js';

export function DeviceSummaryPanel({ device }: { device: DeviceDetail }) {
  const hw = device.hardware;
  const os = device.os;
  const cpu = hw?.cpu;
  return (
    <div class="card-grid">
      <section class="card" aria-labelledby="system-title">
        <h2 id="system-title" class="card-title">System</h2>
        <FactList facts={[
          ['Manufacturer', hw?.system.manufacturer ?? device.manufacturer],
          ['Model', hw?.system.model ?? device.model],
          ['Serial number', device.serialNumber && <span class="mono">{device.serialNumber}</span>],
          ['Hardware UUID', device.hardwareUuid && <span class="mono">{device.hardwareUuid}</span>],
          ['SKU', hw?.system.sku],
          ['Virtual machine', hw?.system.virtual === undefined ? undefined : hw.system.virtual ? `Yes${hw.system.virtualHost ? ` (${hw.system.virtualHost})` : ''}` : 'No'],
          ['Chassis', hw?.chassis?.type],
        ]} />
      </section>
      <section class="card" aria-labelledby="os-title">
        <h2 id="os-title" class="card-title">Operating system</h2>
        <FactList facts={[
          ['Name', os?.name ?? (device.osName ? operatingSystemLabel(device) : undefined)],
          ['Version', os?.version ? `${os.version}${os.displayVersion ? ` (${os.displayVersion})` : ''}` : device.osVersion],
          ['Build', os?.build],
          ['Kernel', os?.kernel],
          ['Architecture', os?.arch],
          ['Domain', os?.domain],
          ['Installed', os?.installDate],
          ['Uptime', os?.uptimeSeconds === undefined ? undefined : formatDuration(os.uptimeSeconds)],
          ['Last logged on', os?.users?.lastLoggedOn],
        ]} />
      </section>
      <section class="card" aria-labelledby="compute-title">
        <h2 id="compute-title" class="card-title">Processor and memory</h2>
        <FactList facts={[
          ['Processor', cpu?.brand ?? cpu?.manufacturer],
          ['Sockets', cpu?.sockets],
          ['Cores / threads', cpu?.cores !== undefined ? `${cpu.cores}${cpu.threads !== undefined ? ` / ${cpu.threads}` : ''}` : undefined],
          ['Speed', cpu?.speedGHz !== undefined ? `${cpu.speedGHz.toFixed(2)} GHz` : undefined],
          ['Instruction set', cpu?.arch ? `${cpu.arch}${cpu.isaLevel ? ` (${cpu.isaLevel})` : ''}` : cpu?.isaLevel],
          ['Memory', hw?.memory.totalBytes !== undefined ? formatBytes(hw.memory.totalBytes) : undefined],
          ['Memory modules', hw && hw.memory.modules.length > 0 ? formatCount(hw.memory.modules.length) : undefined],
        ]} />
      </section>
      <section class="card" aria-labelledby="firmware-title">
        <h2 id="firmware-title" class="card-title">Firmware and board</h2>
        <FactList facts={[
          ['BIOS vendor', hw?.bios.vendor],
          ['BIOS version', hw?.bios.version],
          ['BIOS date', hw?.bios.releaseDate],
          ['Baseboard', [hw?.baseboard?.manufacturer, hw?.baseboard?.model].filter(Boolean).join(' ') || undefined],
        ]} />
      </section>
      <section class="card" aria-labelledby="inventory-title">
        <h2 id="inventory-title" class="card-title">Inventory</h2>
        <FactList facts={[
          ['First seen', <time dateTime={device.firstSeen}>{formatDateTime(device.firstSeen)}</time>],
          ['Last seen', <time dateTime={device.lastSeen} title={formatDateTime(device.lastSeen)}>{timeAgo(device.lastSeen)}</time>],
          ['Last inventory', device.lastCollectedAt && <time dateTime={device.lastCollectedAt}>{formatDateTime(device.lastCollectedAt)}</time>],
          ['Software', formatCount(device.softwareCount)],
          ['MAC addresses', device.macAddresses.length > 0 ? <span class="mono">{device.macAddresses.join(', ')}</span> : undefined],
          ['Agent', device.agent && `${device.agent.version} (${device.agent.platform})`],
          ['Agent address', device.agent?.lastAddress && <span class="mono">{device.agent.lastAddress}</span>],
          ['Clock', device.agent && <span data-testid="device-clock"><ClockBadge seconds={device.agent.clockSkewSeconds} /></span>],
        ]} />
      </section>
    </div>
  );
}
