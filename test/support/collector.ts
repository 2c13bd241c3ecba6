import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startCollector, type RunningCollector } from '../../collector/src/collector.js';
import { loadCollectorConfig } from '../../collector/src/config.js';
import type { Database } from '../../collector/src/store/database.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export const TEST_ADMIN_PASSWORD = 'correct-horse-battery';
export const TEST_ENROLL_SECRET = 'test-enrolment-secret';

export interface TestCollector extends RunningCollector {
  database: TestDatabase;
  /** Logs in as the administrator and returns the bearer header. */
  adminAuth(): Promise<{ authorization: string }>;
  stop(): Promise<void>;
}

/** Starts a real collector on an open database, listening on a free port. */
export async function startCollectorOn(db: Database, settings: Record<string, unknown> = {}): Promise<RunningCollector> {
  const config = loadCollectorConfig({}, {
    port: 0,
    host: '127.0.0.1',
    adminPassword: TEST_ADMIN_PASSWORD,
    enrollSecret: TEST_ENROLL_SECRET,
    logLevel: 'silent',
    // Tests make the rules they evaluate; the shipped ones would raise alerts of their own.
    defaultAlertRules: false,
    // Holds the master key file; the database itself is the test database.
    dataDir: mkdtempSync(path.join(os.tmpdir(), 'steward-collector-')),
    ...settings,
  });
  return startCollector(config, { db, log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }) });
}

/** A real collector on a fresh database of this run's back end, listening on a free port. */
export async function startTestCollector(backend?: 'embedded' | 'postgres', settings: Record<string, unknown> = {}): Promise<TestCollector> {
  const database = await createTestDatabase(backend);
  const collector = await startCollectorOn(database.db, settings);
  return {
    ...collector,
    database,
    adminAuth: () => adminAuth(collector.url),
    async stop() {
      await collector.close();
      await database.drop();
    },
  };
}

/** Logs in as the administrator and returns the bearer header. */
export async function adminAuth(url: string): Promise<{ authorization: string }> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: TEST_ADMIN_PASSWORD }),
  });
  const { token } = (await response.json()) as { token: string };
  return { authorization: `Bearer ${token}` };
}

/** Enrols an agent through the real API and returns its id and token. */
export async function enrolTestAgent(url: string, hostname = 'ws-0142'): Promise<{ agentId: string; token: string }> {
  const response = await fetch(`${url}/api/v1/agents/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ protocol: 1, secret: TEST_ENROLL_SECRET, hostname, agentVersion: '0.1.0', platform: 'linux' }),
  });
  if (!response.ok) throw new Error(`enrolment failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { agentId: string; token: string };
}
