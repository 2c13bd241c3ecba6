import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { alertDepsFrom } from '../../../../collector/src/alerts/alert-deps.js';
import { evaluateAlerts } from '../../../../collector/src/alerts/evaluate-alerts.js';
import { startCollector, type RunningCollector } from '../../../../collector/src/collector.js';
import { loadCollectorConfig } from '../../../../collector/src/config.js';
import { adminAuth, TEST_ADMIN_PASSWORD, TEST_ENROLL_SECRET } from '../../../support/collector.js';
import { createTestDatabase, type TestDatabase } from '../../../support/database.js';
import { ApiClient, expectStatus } from '../../alerts/support/alert-world.js';

/** A collector whose every log line (at debug and above) is kept, so a test can look for secrets in them. */
export interface SshWorld {
  c: RunningCollector;
  database: TestDatabase;
  admin: ApiClient;
  /** Every log line written so far, and every API answer the test received through `admin`. */
  logs(): string;
  answers: string[];
  evaluate(): ReturnType<typeof evaluateAlerts>;
  /** Starts an SSH scan and waits for it to end. */
  scan(body: Record<string, unknown>): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test bodies are read loosely
  stop(): Promise<void>;
}

export async function startSshWorld(backend: 'embedded' | 'postgres'): Promise<SshWorld> {
  let logText = '';
  const sink = new Writable({ write(chunk, _encoding, done) { logText += chunk.toString(); done(); } });
  const database = await createTestDatabase(backend);
  const config = loadCollectorConfig({}, {
    port: 0, host: '127.0.0.1', adminPassword: TEST_ADMIN_PASSWORD, enrollSecret: TEST_ENROLL_SECRET, logLevel: 'debug',
    defaultAlertRules: false, dataDir: mkdtempSync(path.join(os.tmpdir(), 'steward-collector-')),
  });
  const c = await startCollector(config, { db: database.db, log: pino({ level: 'debug' }, sink) });
  await c.alerts.stop();
  const answers: string[] = [];
  const client = new ApiClient(c.url, await adminAuth(c.url));
  // Every answer the test reads is kept for the search for secrets.
  const call = client.call.bind(client);
  client.call = async (method, where, body) => {
    const answer = await call(method, where, body);
    answers.push(JSON.stringify(answer.body));
    return answer;
  };
  const deps = alertDepsFrom(c.ctx);
  return {
    c, database, admin: client, answers,
    logs: () => logText,
    evaluate: () => evaluateAlerts(deps, new Date()),
    async scan(body) {
      const started = expectStatus(await client.post('/api/v1/ssh/scans', body), 202);
      let view = started;
      for (let i = 0; i < 600 && view.status === 'running'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        view = expectStatus(await client.get(`/api/v1/ssh/scans/${started.id}`), 200);
      }
      return view;
    },
    async stop() {
      await c.close();
      await database.drop();
    },
  };
}
