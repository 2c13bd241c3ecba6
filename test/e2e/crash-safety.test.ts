import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, TEST_BACKEND } from '../support/database.js';
import { freePort, spawnBin, waitForHealth, type Spawned } from '../support/processes.js';
import { makeReport, syntheticSoftware } from '../support/reports.js';

/**
 * SIGKILL in the middle of work: an ingest burst from many agents, and a large CSV import being
 * committed. Nothing accepted is lost and nothing is half-written.
 */
describe(`crash safety (${TEST_BACKEND})`, () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'steward-kill-'));
  const running: Spawned[] = [];
  let databaseUrl: string | undefined;
  let drop: (() => Promise<void>) | undefined;

  afterAll(async () => {
    for (const p of running) p.child.kill('SIGKILL');
    await drop?.();
    rmSync(work, { recursive: true, force: true });
  });

  let dataDir = path.join(work, 'data');

  /** Reads the database; on the embedded one, only while no collector holds its folder. */
  async function query<R>(sql: string, params: unknown[] = []): Promise<R[]> {
    if (databaseUrl) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as R[];
      } finally {
        await client.end();
      }
    }
    const db = await PGlite.create(dataDir);
    try {
      return (await db.query<R>(sql, params)).rows;
    } finally {
      await db.close();
    }
  }

  async function startCollector(port: number): Promise<Spawned> {
    if (TEST_BACKEND === 'postgres' && !databaseUrl) {
      const created = await createPostgresDatabase();
      databaseUrl = created.url;
      drop = created.drop;
    }
    const collector = spawnBin('collector', ['serve'], {
      STEWARD_PORT: String(port),
      STEWARD_DATA_DIR: dataDir,
      STEWARD_ENROLL_SECRET: 'kill-test-secret',
      STEWARD_ADMIN_PASSWORD: 'kill-test-password',
      STEWARD_LOG_LEVEL: 'debug',
      STEWARD_RATE_LIMIT: '100000',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    });
    running.push(collector);
    await waitForHealth(`http://127.0.0.1:${port}`, 240_000);
    return collector;
  }

  it('loses no accepted report when killed during an ingest burst', { timeout: 240_000 }, async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const collector = await startCollector(port);
    const agents: Array<{ agentId: string; token: string }> = [];
    for (let i = 0; i < 8; i++) {
      const r = await fetch(`${url}/api/v1/agents/enroll`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ protocol: 1, secret: 'kill-test-secret', hostname: `burst-${i}`, agentVersion: '0', platform: 'linux' }),
      });
      agents.push((await r.json()) as { agentId: string; token: string });
    }
    const accepted: string[] = [];
    let sent = 0;
    let killed = false;
    const worker = async (a: { agentId: string; token: string }, i: number) => {
      for (let round = 0; round < 40 && !killed; round++) {
        const report = makeReport(a.agentId, {
          identity: { hostname: `burst-${i}`, macAddresses: [] },
          collectedAt: new Date(Date.now() + round).toISOString(),
          software: syntheticSoftware(300, round),
        });
        sent++;
        try {
          const r = await fetch(`${url}/api/v1/agents/report`, {
            method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${a.token}` }, body: JSON.stringify(report),
          });
          if (r.status === 200) accepted.push(report.reportId);
          await r.arrayBuffer();
        } catch {
          return;
        }
        if (accepted.length >= 20 && !killed) {
          killed = true;
          collector.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(agents.map(worker));
    await collector.exited;
    expect(killed).toBe(true);

    const again = await startCollector(port);
    again.child.kill('SIGTERM');
    await again.exited;
    const stored = await query<{ report_id: string }>('select report_id::text from agent_reports where report_id = any($1::uuid[])', [accepted]);
    expect(stored.map((r) => r.report_id).sort()).toEqual([...accepted].sort());
    const inconsistent = await query<{ n: number }>(
      `select count(*)::int as n from devices d where d.software_count <> (select count(*) from device_software s where s.device_id = d.id)`);
    expect(inconsistent[0]!.n).toBe(0);
    console.log(`ingest burst: ${sent} sent, ${accepted.length} accepted before SIGKILL, all stored`);
  });

  it('leaves no half import when killed while a CSV import commits', { timeout: 240_000 }, async () => {
    dataDir = path.join(work, 'data-import');
    const before = databaseUrl ? (await query<{ n: number }>('select count(*)::int as n from register_assets'))[0]!.n : 0;
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const collector = await startCollector(port);
    const login = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'kill-test-password' }),
    });
    const auth = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
    const rows = Array.from({ length: 10_000 }, (_, i) => `Keyboard ${i},hardware.peripherals`);
    const upload = await fetch(`${url}/api/v1/register/import?fileName=big.csv`, {
      method: 'POST', headers: { ...auth, 'content-type': 'text/csv' }, body: `Name,Category\n${rows.join('\n')}\n`,
    });
    expect(upload.status).toBe(201);
    const { importId: id } = (await upload.json()) as { importId: string };
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const commit = fetch(`${url}/api/v1/register/import/${id}/commit`, {
      method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}',
    }).catch(() => undefined);
    await collector.waitFor(`"url":"/api/v1/register/import/${id}/commit"`);
    // Long enough for the commit to be writing rows, far shorter than 10,000 rows take.
    await new Promise((r) => setTimeout(r, 150));
    collector.child.kill('SIGKILL');
    await collector.exited;
    await commit;

    const again = await startCollector(port);
    again.child.kill('SIGTERM');
    await again.exited;
    const after = (await query<{ n: number }>('select count(*)::int as n from register_assets'))[0]!.n;
    expect([before, before + 10_000]).toContain(after);
    console.log(`CSV import killed mid-commit: ${after - before} of 10000 rows present (all or nothing)`);
  });
});
