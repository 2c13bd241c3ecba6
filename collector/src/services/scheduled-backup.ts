import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BackupFile, BackupRun, BackupStatus } from '@steward/shared';
import type { CollectorContext } from '../context.js';
import { backupDueAt, claimDueBackup, lastBackupRun, recordBackupRun } from '../store/backup-schedule.js';
import { recordAudit } from './audit.js';
import { writeBackup } from './backup.js';
import { makeDirectory } from '../make-directory.js';

const HOUR_MS = 3_600_000;
/** A backup that failed is tried again after this long, not a whole interval later. */
const RETRY_MS = HOUR_MS;
const FILE_PATTERN = /^steward-\d{8}T\d{6}Z\.backup\.gz$/;

export function backupDirectory(ctx: CollectorContext): string {
  return path.resolve(ctx.config.backupDir ?? path.join(ctx.config.dataDir, 'backups'));
}

const fileNameFor = (at: Date) => `steward-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.backup.gz`;

/** The backup files in the folder, newest first; files of other names are not ours and left alone. */
export function listBackupFiles(directory: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return [];
  }
  return names.filter((n) => FILE_PATTERN.test(n)).sort().reverse().map((name) => {
    const stat = statSync(path.join(directory, name));
    return { name, bytes: stat.size, createdAt: stat.mtime.toISOString() };
  });
}

function pruneBackups(directory: string, keep: number): void {
  for (const old of listBackupFiles(directory).slice(keep)) rmSync(path.join(directory, old.name), { force: true });
}

/** Only one backup at a time per collector: a second ask while one runs gets that run's outcome. */
const running = new WeakMap<CollectorContext, Promise<BackupRun>>();

/** Writes a backup into the backup folder now, records the outcome and keeps the newest files. */
export async function runBackup(ctx: CollectorContext, trigger: BackupRun['trigger'], actor: { username: string; role?: string }): Promise<BackupRun> {
  const current = running.get(ctx);
  if (current) return current;
  const run = (async () => {
    const started = new Date();
    const directory = backupDirectory(ctx);
    let run: BackupRun;
    try {
      makeDirectory(directory);
      const summary = await writeBackup(ctx.db, path.join(directory, fileNameFor(started)));
      pruneBackups(directory, ctx.config.backupKeep);
      run = { at: started.toISOString(), ok: true, trigger, file: path.basename(summary.file), bytes: summary.bytes,
        tables: Object.keys(summary.tables).length, seconds: (Date.now() - started.getTime()) / 1000, error: null };
      ctx.log.info({ file: summary.file, bytes: summary.bytes, trigger }, 'backup written');
    } catch (error) {
      run = { at: started.toISOString(), ok: false, trigger, file: null, bytes: null, tables: null,
        seconds: (Date.now() - started.getTime()) / 1000, error: (error as Error).message };
      ctx.log.error({ err: error, trigger }, 'backup failed');
    }
    await ctx.db.transaction(async (tx) => {
      await recordBackupRun(tx, run);
      await recordAudit(tx, { actor: actor.username, actorRole: actor.role, action: run.ok ? 'backup.write' : 'backup.fail', objectType: 'backup',
        objectId: run.file ?? undefined, after: run });
    });
    return run;
  })();
  running.set(ctx, run);
  try {
    return await run;
  } finally {
    running.delete(ctx);
  }
}

/**
 * Runs the scheduled backup when it is due and this collector wins the slot. The first backup of
 * a new installation is due one interval after its first start.
 */
export async function runDueBackup(ctx: CollectorContext, now = new Date()): Promise<BackupRun | undefined> {
  const intervalMs = ctx.config.backupIntervalHours * HOUR_MS;
  if (intervalMs <= 0) return undefined;
  const due = await backupDueAt(ctx.db, new Date(now.getTime() + intervalMs));
  if (due > now || !(await claimDueBackup(ctx.db, now, new Date(now.getTime() + intervalMs)))) return undefined;
  const run = await runBackup(ctx, 'schedule', { username: 'system' });
  if (!run.ok) await claimDueBackup(ctx.db, new Date(now.getTime() + intervalMs), new Date(Date.now() + RETRY_MS));
  return run;
}

export async function backupStatus(ctx: CollectorContext, now = new Date()): Promise<BackupStatus> {
  const enabled = ctx.config.backupIntervalHours > 0;
  const directory = backupDirectory(ctx);
  return {
    enabled, intervalHours: ctx.config.backupIntervalHours, keep: ctx.config.backupKeep, directory,
    lastRun: await lastBackupRun(ctx.db),
    nextDueAt: enabled ? (await backupDueAt(ctx.db, new Date(now.getTime() + ctx.config.backupIntervalHours * HOUR_MS))).toISOString() : null,
    files: listBackupFiles(directory),
  };
}

/** Looks for a due backup every minute; returns what stops it. */
export async function startBackupSchedule(ctx: CollectorContext, everyMs = 60_000): Promise<{ stop(): Promise<void> }> {
  // The due time is set now, at start, rather than by whichever later minute first looks.
  if (ctx.config.backupIntervalHours > 0) await backupDueAt(ctx.db, new Date(Date.now() + ctx.config.backupIntervalHours * HOUR_MS));
  let tick: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    tick = runDueBackup(ctx).catch((error: unknown) => ctx.log.error({ err: error }, 'scheduled backup check failed'));
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await tick;
    },
  };
}
