import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startCollector, type RunningCollector } from '../../../../collector/src/collector.js';
import { loadCollectorConfig } from '../../../../collector/src/config.js';
import { createTestDatabase, type TestDatabase } from '../../../support/database.js';
import { TEST_ADMIN_PASSWORD, TEST_ENROLL_SECRET } from '../../../support/collector.js';

/**
 * A real collector that can be stopped and started again on the same port and database, as an
 * operator would restart one, for tests of agents that outlive it.
 */
export class RestartableCollector {
  private running: RunningCollector | undefined;
  private readonly dataDir = mkdtempSync(path.join(os.tmpdir(), 'steward-collector-'));
  port = 0;

  private constructor(readonly database: TestDatabase) {}

  static async create(backend?: 'embedded' | 'postgres'): Promise<RestartableCollector> {
    return new RestartableCollector(await createTestDatabase(backend));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get db() {
    return this.database.db;
  }

  async start(): Promise<void> {
    const config = loadCollectorConfig({}, {
      port: this.port, host: '127.0.0.1', adminPassword: TEST_ADMIN_PASSWORD, enrollSecret: TEST_ENROLL_SECRET,
      logLevel: 'silent', dataDir: this.dataDir,
    });
    this.running = await startCollector(config, { db: this.database.db, log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }) });
    this.port = Number(new URL(this.running.url).port);
  }

  async stop(): Promise<void> {
    await this.running?.close();
    this.running = undefined;
  }

  async adminAuth(): Promise<{ authorization: string }> {
    const response = await fetch(`${this.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: TEST_ADMIN_PASSWORD }),
    });
    return { authorization: `Bearer ${((await response.json()) as { token: string }).token}` };
  }

  async dispose(): Promise<void> {
    await this.stop();
    await this.database.drop();
  }
}
