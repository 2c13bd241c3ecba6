import type { HardwareInfo } from '@steward/shared';
import { EmptyState } from '../../components/notices.js';
import { formatBytes } from '../../format/numbers.js';
import { DeviceFilesystemsSection } from './device-filesystems.js';

const dash = <span class="muted">—</span>;

export function DeviceHardwarePanel({ hardware }: { hardware: HardwareInfo | null }) {
  if (!hardware) return <EmptyState title="No hardware inventory">This device has not reported its hardware.</EmptyState>;
  return (
    <div class="stack">
      <section class="card card-flush" aria-labelledby="disks-title">
        <h2 id="disks-title" class="card-title card-title-padded">Storage</h2>
        {hardware.disks.length === 0 ? <p class="muted card-body">No disks reported.</p> : (
          <div class="table-wrap">
            <table class="data-table">
              <thead><tr><th scope="col">Name</th><th scope="col">Model</th><th scope="col">Type</th><th scope="col">Interface</th><th scope="col" class="numeric">Size</th><th scope="col">Serial number</th><th scope="col">Health</th></tr></thead>
              <tbody>
                {hardware.disks.map((disk, index) => (
                  <tr key={`${disk.name ?? ''}-${index}`}>
                    <td>{disk.name ?? dash}</td>
                    <td>{disk.model ?? dash}</td>
                    <td>{disk.type ?? dash}</td>
                    <td>{disk.interface ?? dash}</td>
                    <td class="numeric">{formatBytes(disk.sizeBytes)}</td>
                    <td class="mono">{disk.serial ?? dash}</td>
                    <td>{disk.smartStatus ?? dash}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <DeviceFilesystemsSection filesystems={hardware.filesystems} />
      <section class="card card-flush" aria-labelledby="memory-title">
        <h2 id="memory-title" class="card-title card-title-padded">Memory modules</h2>
        {hardware.memory.modules.length === 0 ? <p class="muted card-body">No memory modules reported.</p> : (
          <div class="table-wrap">
            <table class="data-table">
              <thead><tr><th scope="col">Slot</th><th scope="col" class="numeric">Size</th><th scope="col">Type</th><th scope="col" class="numeric">Speed</th><th scope="col">Manufacturer</th><th scope="col">Serial number</th></tr></thead>
              <tbody>
                {hardware.memory.modules.map((module, index) => (
                  <tr key={`${module.slot ?? ''}-${index}`}>
                    <td>{module.slot ?? dash}</td>
                    <td class="numeric">{formatBytes(module.sizeBytes)}</td>
                    <td>{module.type ?? dash}</td>
                    <td class="numeric">{module.speedMHz !== undefined ? `${module.speedMHz} MHz` : dash}</td>
                    <td>{module.manufacturer ?? dash}</td>
                    <td class="mono">{module.serial ?? dash}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {hardware.gpus.length > 0 ? (
        <section class="card card-flush" aria-labelledby="gpu-title">
          <h2 id="gpu-title" class="card-title card-title-padded">Graphics</h2>
          <div class="table-wrap">
            <table class="data-table">
              <thead><tr><th scope="col">Vendor</th><th scope="col">Model</th><th scope="col" class="numeric">Video memory</th></tr></thead>
              <tbody>
                {hardware.gpus.map((gpu, index) => (
                  <tr key={index}><td>{gpu.vendor ?? dash}</td><td>{gpu.model ?? dash}</td><td class="numeric">{formatBytes(gpu.vramBytes)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
