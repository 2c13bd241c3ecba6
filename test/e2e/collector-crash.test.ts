import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { createPostgresDatabase, TEST_BACKEND } from '../support/database.js';
import { freePort, spawnBin, waitForHealth, type Spawned } from '../support/processes.js';

/**
 * The collector is killed (SIGKILL) while an agent's report is in flight, then started again:
 * the agent retries from its spool and the report is stored exactly once.
 */
describe(`killing the collector while an agent reports (${TEST_BACKEND})`, () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'steward-crash-'));
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  const running: Spawned[] = [];

  beforeAll(async () => {
    if (TEST_BACKEND === 'postgres') {
      const created = await createPostgresDatabase();
      databaseUrl = created.url;
      dropDatabase = created.drop;
    }
  });
  afterAll(async () => {
    for (const p of running) p.child.kill('SIGKILL');
    await dropDatabase?.();
    rmSync(work, { recursive: true, force: true });
  });

  async function count(sql: string): Promise<number> {
    if (databaseUrl) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      const { rows } = await client.query(sql);
      await client.end();
      return Number(rows[0].n);
    }
    const db = await PGlite.create(path.join(work, 'data'));
    const { rows } = await db.query<{ n: number }>(sql);
    await db.close();
    return Number(rows[0]!.n);
  }

  it('loses nothing and stores the report once', async () => {
    const port = await freePort();
    const env = {
      STEWARD_PORT: String(port),
      STEWARD_DATA_DIR: path.join(work, 'data'),
      STEWARD_ENROLL_SECRET: 'crash-test-secret',
      STEWARD_ADMIN_PASSWORD: 'crash-test-password',
      STEWARD_LOG_LEVEL: 'debug',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    };
    const url = `http://127.0.0.1:${port}`;
    const first = spawnBin('collector', ['serve'], env);
    running.push(first);
    await waitForHealth(url, 240_000);

    const agent = spawnBin('agent', ['--once'], {
      STEWARD_SERVER: url,
      STEWARD_ENROLL_SECRET: 'crash-test-secret',
      STEWARD_AGENT_STATE_DIR: path.join(work, 'agent'),
      STEWARD_AGENT_RETRY_FOR: '120',
      STEWARD_LOG_LEVEL: 'info',
    });
    running.push(agent);
    // The moment the report reaches the collector, the collector dies.
    await first.waitFor('"url":"/api/v1/agents/report"');
    first.child.kill('SIGKILL');
    await first.exited;
    await agent.waitFor('collector unreachable; retrying');

    const second = spawnBin('collector', ['serve'], env);
    running.push(second);
    await waitForHealth(url, 240_000);
    expect(await agent.exited).toBe(0);
    const delivered = /"software":(\d+),"msg":"collected"/.exec(agent.output());
    second.child.kill('SIGTERM');
    await second.exited;

    expect(await count('select count(*) as n from agent_reports')).toBe(1);
    expect(await count('select count(*) as n from devices')).toBe(1);
    expect(await count('select count(*) as n from device_software')).toBe(Number(delivered?.[1]));
  });
});
