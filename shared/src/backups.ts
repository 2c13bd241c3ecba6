import { z } from 'zod';

/** One backup file kept in the collector's backup folder. */
export const backupFile = z.object({
  name: z.string(),
  bytes: z.number().int().nonnegative(),
  createdAt: z.string(),
});
export type BackupFile = z.infer<typeof backupFile>;

/** The outcome of the last backup run, scheduled or asked for. */
export const backupRun = z.object({
  at: z.string(),
  ok: z.boolean(),
  trigger: z.enum(['schedule', 'manual']),
  file: z.string().nullable(),
  bytes: z.number().int().nonnegative().nullable(),
  tables: z.number().int().nonnegative().nullable(),
  seconds: z.number().nonnegative(),
  error: z.string().nullable(),
});
export type BackupRun = z.infer<typeof backupRun>;

/** What an administrator sees of scheduled backups: whether they run, when, and what is kept. */
export const backupStatus = z.object({
  enabled: z.boolean(),
  intervalHours: z.number().nonnegative(),
  keep: z.number().int().positive(),
  directory: z.string(),
  lastRun: backupRun.nullable(),
  nextDueAt: z.string().nullable(),
  files: z.array(backupFile),
});
export type BackupStatus = z.infer<typeof backupStatus>;
