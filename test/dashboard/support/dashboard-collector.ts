import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loginAnswer } from '@steward/shared';
import { startCollector, type RunningCollector } from '../../../collector/src/collector.js';
import { loadCollectorConfig } from '../../../collector/src/config.js';
import { createUser } from '../../../collector/src/services/auth.js';
import type { Role } from '@steward/shared';

export const ADMIN_PASSWORD = 'dashboard-test-password';
export const ENROLL_SECRET = 'dashboard-test-enrol-secret';

export interface DashboardCollector {
  url: string;
  readonly running: RunningCollector;
  /** A session token for `username`, through the real login endpoint. */
  login(username?: string, password?: string): Promise<string>;
  /** Adds a user with the given role, as an administrator would. */
  addUser(username: string, password: string, role: Role): Promise<void>;
  /** Stops the collector, runs `whileDown`, then starts it again on the same port and data. */
  restart(whileDown: () => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real collector on an embedded database, serving `dashboardDir` at `/`. The database lives in a
 * fresh directory removed on stop, unless `keepDataDir` names one to reuse (a seeded fleet);
 * `settings` adds to the configuration (single sign-on, say).
 */
export async function startDashboardCollector(dashboardDir: string, keepDataDir?: string, settings: Record<string, unknown> = {}): Promise<DashboardCollector> {
  const dataDir = keepDataDir ?? mkdtempSync(path.join(os.tmpdir(), 'steward-dashboard-db-'));
  const config = loadCollectorConfig({}, {
    host: '127.0.0.1',
    port: 0,
    dataDir,
    adminPassword: ADMIN_PASSWORD,
    enrollSecret: ENROLL_SECRET,
    logLevel: 'silent',
    dashboardDir,
    // Every browser and every sign-in of a test run comes from 127.0.0.1: lift the per-address limits.
    rateLimitPerMinute: 100_000,
    loginRateLimitPerMinute: 1000,
    ...settings,
  });
  const start = (port: number) => startCollector({ ...config, port }, { log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }) });
  let running = await start(0);
  const port = Number(new URL(running.url).port);
  return {
    url: running.url,
    get running() {
      return running;
    },
    async login(username = 'admin', password = ADMIN_PASSWORD) {
      const response = await fetch(`${running.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
      return loginAnswer.parse(await response.json()).token;
    },
    async addUser(username, password, role) {
      await createUser(running.ctx.db, username, password, role);
    },
    async restart(whileDown) {
      await running.close();
      await whileDown();
      running = await start(port);
    },
    async stop() {
      await running.close();
      if (!keepDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
