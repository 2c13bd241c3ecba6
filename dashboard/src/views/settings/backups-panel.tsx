import { useCallback } from 'preact/hooks';
import type { BackupStatus } from '@steward/shared';
import { backupNow, fetchBackups } from '../../api/backups.js';
import { useApp } from '../../app/app-context.js';
import { DataTable } from '../../components/data-table.js';
import { FactList } from '../../components/fact-list.js';
import { ErrorNotice, LoadingRow } from '../../components/notices.js';
import { formatDateTime, timeAgo } from '../../format/time.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useSubmit } from '../../hooks/use-submit.js';
import { formatBytes } from '../reports/format-bytes.js';

const HOUR_MS = 3_600_000;

/**
 * The newest backup file kept, and whether it is older than the schedule allows (two intervals: one
 * missed run is a warning worth seeing before a restore is needed).
 */
function lastGood(status: BackupStatus, now = Date.now()): { file: BackupStatus['files'][number] | null; stale: boolean } {
  const file = status.files[0] ?? null;
  const limit = status.enabled ? 2 * status.intervalHours * HOUR_MS : Infinity;
  return { file, stale: file ? now - Date.parse(file.createdAt) > limit : status.enabled };
}

/** Backups: the last good one, how the last run went, when the next is due, and a backup now. */
export function BackupsPanel() {
  const { api } = useApp();
  const backups = useLoader('backups', useCallback((signal: AbortSignal) => fetchBackups(api, signal), [api]));
  const { busy, error, run } = useSubmit();
  if (backups.error) return <ErrorNotice error={backups.error} onRetry={backups.reload} />;
  if (!backups.data) return <LoadingRow text="Loading backups…" />;
  const status = backups.data;
  const good = lastGood(status);
  const failed = status.lastRun && !status.lastRun.ok ? status.lastRun : null;

  return (
    <section class="card settings-section" aria-labelledby="backups-title" data-testid="backups-panel">
      <div class="card-head">
        <h2 class="card-title" id="backups-title">Backups</h2>
        <button type="button" class="button button-primary" disabled={busy} onClick={() => void run(() => backupNow(api), backups.reload)}>{busy ? 'Backing up…' : 'Back up now'}</button>
      </div>
      <FactList facts={[
        ['Last good backup', (
          <span data-testid="last-good-backup">
            {good.file ? <>{formatDateTime(good.file.createdAt)} <span class="muted">({timeAgo(good.file.createdAt)}, {formatBytes(good.file.bytes)}, {good.file.name})</span></> : 'none yet'}
            {good.stale ? <> <span class="badge badge-warn">⚠ {good.file ? 'older than two scheduled intervals' : 'no backup kept'}</span></> : null}
          </span>
        )],
        ['Last run', failed ? <span data-testid="failed-backup"><span class="badge badge-warn">✗ Failed</span> {formatDateTime(failed.at)}: {failed.error ?? 'no reason given'}</span> : null],
        ['Schedule', status.enabled ? `every ${status.intervalHours} h, next due ${status.nextDueAt ? formatDateTime(status.nextDueAt) : 'now'}` : 'off: only backups taken by hand'],
        ['Kept', <>the newest {status.keep} in <code>{status.directory}</code></>],
      ]} />
      {status.files.length > 0 ? (
        <DataTable testId="backup-files" caption="Backup files kept" head={<><th scope="col">File</th><th scope="col">Written</th><th scope="col">Size</th></>}>
          {status.files.map((file) => <tr key={file.name}><td class="cell-primary">{file.name}</td><td>{formatDateTime(file.createdAt)}</td><td>{formatBytes(file.bytes)}</td></tr>)}
        </DataTable>
      ) : null}
      <p class="muted">Restore one with <code>npx steward restore FILE</code>: it replaces the database's content in one transaction, committed only when every table's checksum matches.</p>
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
