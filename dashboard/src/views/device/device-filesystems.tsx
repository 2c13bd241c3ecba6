import type { HardwareInfo } from '@steward/shared';
import { formatBytes } from '../../format/numbers.js';

type Filesystem = NonNullable<HardwareInfo['filesystems']>[number];

const dash = <span class="muted">—</span>;

/** Share of the filesystem in use, from its size and the space still free. */
function usedPercent(fs: Filesystem): string | undefined {
  if (!fs.sizeBytes || fs.freeBytes === undefined) return undefined;
  return `${Math.round(((fs.sizeBytes - fs.freeBytes) / fs.sizeBytes) * 100)}%`;
}

export function DeviceFilesystemsSection({ filesystems }: { filesystems: readonly Filesystem[] | undefined }) {
  return (
    <section class="card card-flush" aria-labelledby="filesystems-title">
      <h2 id="filesystems-title" class="card-title card-title-padded">Filesystems</h2>
      {!filesystems?.length ? <p class="muted card-body">No filesystems reported.</p> : (
        <div class="table-wrap">
          <table class="data-table" data-testid="filesystems-table">
            <thead>
              <tr><th scope="col">Mount point</th><th scope="col">Type</th><th scope="col">Device</th><th scope="col">Label</th><th scope="col" class="numeric">Size</th><th scope="col" class="numeric">Free</th><th scope="col" class="numeric">Used</th></tr>
            </thead>
            <tbody>
              {filesystems.map((fs, index) => (
                <tr key={`${fs.mountPoint}-${index}`}>
                  <td class="mono cell-primary">{fs.mountPoint}</td>
                  <td>{fs.type ?? dash}</td>
                  <td class="mono">{fs.device ?? dash}</td>
                  <td>{fs.label ?? dash}</td>
                  <td class="numeric">{formatBytes(fs.sizeBytes)}</td>
                  <td class="numeric">{formatBytes(fs.freeBytes)}</td>
                  <td class="numeric">{usedPercent(fs) ?? dash}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
