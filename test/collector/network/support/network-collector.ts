import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { startCollector, type RunningCollector } from '../../../../collector/src/collector.js';
import { loadCollectorConfig } from '../../../../collector/src/config.js';
import type { Database } from '../../../../collector/src/store/database.js';
import { TEST_ADMIN_PASSWORD, TEST_ENROLL_SECRET } from '../../../support/collector.js';
import { createTestDatabase, type TestDatabase } from '../../../support/database.js';

export interface NetworkTestCollector extends RunningCollector {
  /** Every log line written so far, as JSON text (at trace level: nothing is filtered out). */
  logs(): string;
  token: string;
  /** Calls the API as the administrator; answers the status and the parsed body. */
  // Answers are read loosely (any): each test checks the fields it needs.
  api<T = any>(method: string, url: string, body?: unknown, token?: string): Promise<{ status: number; body: T }>;
}

/**
 * A real collector whose logs are kept for inspection. Several may share one database (and then
 * one data folder, so they share the master key that seals credentials).
 */
export async function startNetworkCollector(options: { db: Database; dataDir?: string }): Promise<NetworkTestCollector> {
  let logText = '';
  const sink = new Writable({ write(chunk, _encoding, done) { logText += chunk.toString(); done(); } });
  const config = loadCollectorConfig({}, {
    port: 0, host: '127.0.0.1', adminPassword: TEST_ADMIN_PASSWORD, enrollSecret: TEST_ENROLL_SECRET, logLevel: 'trace',
    dataDir: options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'steward-network-')),
  });
  const collector = await startCollector(config, { db: options.db, log: pino({ level: 'trace' }, sink) });
  const login = await fetch(`${collector.url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: TEST_ADMIN_PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  return {
    ...collector,
    token,
    logs: () => logText,
    async api(method, url, body, as = token) {
      const response = await fetch(`${collector.url}${url}`, {
        method,
        headers: { authorization: `Bearer ${as}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
  };
}

/** One collector on a fresh database of this run's back end; stop() also drops the database. */
export async function startSingleNetworkCollector(): Promise<NetworkTestCollector & { database: TestDatabase; stop(): Promise<void> }> {
  const database = await createTestDatabase();
  const collector = await startNetworkCollector({ db: database.db });
  return {
    ...collector,
    database,
    async stop() {
      await collector.close();
      await database.drop();
    },
  };
}

/** Logs in as another user and returns their token. */
export async function loginAs(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login as ${username} failed: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** Waits until a check passes (returns a truthy value), polling every 100 ms. */
export async function eventually<T>(check: () => Promise<T | undefined | false | null>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
