import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventoryReport } from '@steward/shared';
import { migrate } from '../../../collector/src/store/migrate.js';
import { tableChecksum, tablesInDependencyOrder } from '../../../collector/src/store/backup.js';
import { restoreBackup, writeBackup } from '../../../collector/src/services/backup.js';
import { createUser } from '../../../collector/src/services/auth.js';
import { recordAudit, verifyAuditChain } from '../../../collector/src/services/audit.js';
import { ingestReport } from '../../../collector/src/services/ingest.js';
import { insertAgent } from '../../../collector/src/store/agents.js';
import type { Database } from '../../../collector/src/store/database.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { makeReport, syntheticSoftware } from '../../support/reports.js';

async function checksums(db: Database) {
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const t of await tablesInDependencyOrder(db)) out[t] = await tableChecksum(db, t, 'wrapped');
  return out;
}

/** A database with something in every kind of column: arrays, jsonb, timestamps, serials, the audit chain. */
async function populate(db: Database) {
  await migrate(db);
  await createUser(db, 'carol', 'carol-password-1', 'compliance');
  for (let i = 0; i < 3; i++) {
    const id = crypto.randomUUID();
    await insertAgent(db, { id, hostname: `host-${i}`, platform: 'linux', agentVersion: '0', tokenHash: `t${i}` });
    const report = inventoryReport.parse(makeReport(id, { software: syntheticSoftware(300, i) }));
    await ingestReport(db, { id, hostname: `host-${i}`, device_id: null, revoked_at: null }, report, `h${i}`);
  }
  await db.transaction((tx) => recordAudit(tx, { actor: 'carol', action: 'test.numbers', after: { cost: '1.50', tags: ['a', 'é'] } }));
  // JSON null beside SQL NULL, in jsonb columns: the two must come back as they were.
  await db.query(`insert into settings (key, value) values ('test.json-null', 'null'::jsonb)`);
  await db.query(`insert into jobs (id, kind, state, result) values ('00000000-0000-4000-8000-00000000aa01', 'test', 'done', 'null'::jsonb),
                                                                  ('00000000-0000-4000-8000-00000000aa02', 'test', 'done', null)`);
}

async function nullKinds(db: Database) {
  const { rows } = await db.query<{ id: string; sqlNull: boolean; jsonNull: boolean }>(
    `select id::text, result is null as "sqlNull", coalesce(result = 'null'::jsonb, false) as "jsonNull" from jobs where kind = 'test' order by id`);
  const setting = await db.query<{ jsonNull: boolean }>(`select value = 'null'::jsonb as "jsonNull" from settings where key = 'test.json-null'`);
  return { jobs: rows, setting: setting.rows[0] };
}

describe.each(CONTRACT_BACKENDS)('backup and restore on %s', (backend) => {
  let source: TestDatabase;
  let target: TestDatabase;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'steward-backup-'));

  beforeAll(async () => {
    source = await createTestDatabase(backend);
    target = await createTestDatabase(backend);
    await populate(source.db);
  });
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
  });

  it('backup → wipe → restore gives identical counts and checksums of every table', async () => {
    const file = path.join(dir, 'snapshot.gz');
    const before = await checksums(source.db);
    const summary = await writeBackup(source.db, file);
    expect(summary.tables).toEqual(before);
    expect(before.device_software!.rows).toBe(900);

    // Wipe: the same database emptied and written over by other data, then restored.
    await populate(target.db);
    await restoreBackup(target.db, file);
    expect(await checksums(target.db)).toEqual(before);
    expect((await verifyAuditChain(target.db)).intact).toBe(true);
    expect(await nullKinds(target.db)).toEqual({
      jobs: [
        { id: '00000000-0000-4000-8000-00000000aa01', sqlNull: false, jsonNull: true },
        { id: '00000000-0000-4000-8000-00000000aa02', sqlNull: true, jsonNull: false },
      ],
      setting: { jsonNull: true },
    });
    // Sequences moved past the restored rows: the next audit entry does not collide.
    await target.db.transaction((tx) => recordAudit(tx, { actor: 'carol', action: 'after.restore' }));
  });

  it('refuses a damaged backup and leaves the database as it was', async () => {
    const file = path.join(dir, 'snapshot.gz');
    const damaged = path.join(dir, 'damaged.gz');
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('@table device_software'));
    lines.splice(at + 1, 1);
    writeFileSync(damaged, gzipSync(lines.join('\n')));
    const before = await checksums(target.db);
    await expect(restoreBackup(target.db, damaged)).rejects.toThrow(/device_software does not match/);
    expect(await checksums(target.db)).toEqual(before);
  });

  it('sees JSON null turned into SQL NULL: the checksum tells them apart and the restore refuses the file', async () => {
    const file = path.join(dir, 'snapshot.gz');
    const altered = path.join(dir, 'null-altered.gz');
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('00000000-0000-4000-8000-00000000aa01'));
    expect(lines[at]).toContain('"result":[null]');
    lines[at] = lines[at]!.replace('"result":[null]', '"result":null');
    writeFileSync(altered, gzipSync(lines.join('\n')));
    const before = await checksums(target.db);
    await expect(restoreBackup(target.db, altered)).rejects.toThrow(/jobs does not match/);
    expect(await checksums(target.db)).toEqual(before);
    const withJsonNull = await tableChecksum(target.db, 'jobs', 'wrapped');
    await target.db.query(`update jobs set result = null where id = '00000000-0000-4000-8000-00000000aa01'`);
    expect(await tableChecksum(target.db, 'jobs', 'wrapped')).not.toEqual(withJsonNull);
  });
});

describe.skipIf(CONTRACT_BACKENDS.length < 2)('moving from the embedded database to PostgreSQL', () => {
  it('restores an embedded backup on a PostgreSQL server', async () => {
    const embedded = await createTestDatabase('embedded');
    const server = await createTestDatabase('postgres');
    try {
      await populate(embedded.db);
      const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'steward-move-')), 'move.gz');
      await writeBackup(embedded.db, file);
      await restoreBackup(server.db, file);
      expect(await checksums(server.db)).toEqual(await checksums(embedded.db));
    } finally {
      await embedded.drop();
      await server.drop();
    }
  });
});
