import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupStatus as backupStatusSchema, backupRun as backupRunSchema } from '@steward/shared';
import { restoreBackup } from '../../../collector/src/services/backup.js';
import { listBackupFiles, runDueBackup } from '../../../collector/src/services/scheduled-backup.js';
import { createTestDatabase } from '../../support/database.js';
import { startTestCollector, type TestCollector } from '../../support/collector.js';

const HOUR = 3_600_000;

describe('scheduled backups', () => {
  let collector: TestCollector;
  let auth: { authorization: string };

  beforeAll(async () => {
    collector = await startTestCollector();
    auth = await collector.adminAuth();
    // Few files to keep, so pruning shows after a few backups.
    collector.ctx.config.backupKeep = 2;
  });
  afterAll(() => collector?.stop());

  const status = async () => {
    const response = await fetch(`${collector.url}/api/v1/backups`, { headers: auth });
    expect(response.status).toBe(200);
    return backupStatusSchema.parse(await response.json());
  };

  it('is due one interval after the first start, and nothing runs before then', async () => {
    const before = await status();
    expect(before.enabled).toBe(true);
    expect(before.lastRun).toBeNull();
    expect(before.files).toEqual([]);
    const due = new Date(before.nextDueAt!).getTime();
    expect(due - Date.now()).toBeGreaterThan(collector.ctx.config.backupIntervalHours * HOUR - 10 * 60_000);
    expect(await runDueBackup(collector.ctx, new Date(due - 1000))).toBeUndefined();
    expect(listBackupFiles(before.directory)).toEqual([]);
  });

  it('writes one backup per due slot even when several collectors look at once, then moves the slot on', async () => {
    const due = new Date((await status()).nextDueAt!);
    const later = new Date(due.getTime() + 1000);
    const runs = await Promise.all([runDueBackup(collector.ctx, later), runDueBackup(collector.ctx, later), runDueBackup(collector.ctx, later)]);
    const written = runs.filter((r) => r !== undefined);
    expect(written).toHaveLength(1);
    expect(written[0]!.ok).toBe(true);
    const after = await status();
    expect(after.files.map((f) => f.name)).toEqual([written[0]!.file]);
    expect(after.lastRun).toMatchObject({ ok: true, trigger: 'schedule', file: written[0]!.file });
    expect(new Date(after.nextDueAt!).getTime()).toBe(later.getTime() + collector.ctx.config.backupIntervalHours * HOUR);
  });

  it('keeps only the newest files, and a kept file restores into an empty database', async () => {
    const keep = collector.ctx.config.backupKeep;
    const files = new Set<string>();
    for (let i = 0; i < keep + 2; i++) {
      const response = await fetch(`${collector.url}/api/v1/backups`, { method: 'POST', headers: auth });
      expect(response.status).toBe(201);
      files.add(backupRunSchema.parse(await response.json()).file!);
      // Names carry the second the backup was taken.
      await new Promise((r) => setTimeout(r, 1050));
    }
    const kept = (await status()).files.map((f) => f.name);
    expect(kept).toHaveLength(keep);
    expect(kept).toEqual([...files].sort().reverse().slice(0, keep));
    const target = await createTestDatabase();
    try {
      const restored = await restoreBackup(target.db, path.join((await status()).directory, kept[0]!));
      expect(Object.keys(restored).length).toBeGreaterThan(10);
      const { rows } = await target.db.query<{ n: number }>("select count(*)::int as n from users where username = 'admin'");
      expect(rows[0]!.n).toBe(1);
    } finally {
      await target.drop();
    }
  });

  it('records a failed backup with its reason, and an audit entry for each run', async () => {
    const saved = collector.ctx.config.backupDir;
    // A file where the folder should be: the backup cannot be written.
    const blocked = path.join(mkdtempSync(path.join(os.tmpdir(), 'steward-backup-')), 'not-a-folder');
    writeFileSync(blocked, 'x');
    collector.ctx.config.backupDir = blocked;
    try {
      const response = await fetch(`${collector.url}/api/v1/backups`, { method: 'POST', headers: auth });
      expect(response.status).toBe(500);
      const run = backupRunSchema.parse(await response.json());
      expect(run.ok).toBe(false);
      expect(run.error).toMatch(/not-a-folder/);
      expect((await status()).lastRun).toMatchObject({ ok: false, trigger: 'manual' });
    } finally {
      collector.ctx.config.backupDir = saved;
    }
    const audit = await fetch(`${collector.url}/api/v1/audit?objectType=backup&limit=100`, { headers: auth });
    const actions = ((await audit.json()) as { items: Array<{ action: string }> }).items.map((i) => i.action);
    expect(actions).toContain('backup.fail');
    expect(actions.filter((a) => a === 'backup.write').length).toBeGreaterThanOrEqual(collector.ctx.config.backupKeep + 3);
    expect(existsSync(blocked)).toBe(true);
  });

  it('is refused to users without the right to change settings', async () => {
    const create = await fetch(`${collector.url}/api/v1/users`, {
      method: 'POST', headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'viewer', password: 'viewer-password-1', role: 'auditor' }),
    });
    expect(create.status).toBeLessThan(300);
    const login = await fetch(`${collector.url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'viewer', password: 'viewer-password-1' }),
    });
    const { token } = (await login.json()) as { token: string };
    const response = await fetch(`${collector.url}/api/v1/backups`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(403);
  });
});
