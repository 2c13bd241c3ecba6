import { request } from 'node:https';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { startCollector, type RunningCollector } from '../../../collector/src/collector.js';
import { loadCollectorConfig } from '../../../collector/src/config.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';

function get(url: string, ca?: string): Promise<{ status: number; body: string; headers: import('node:http').IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, rejectUnauthorized: true }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('HTTPS', () => {
  let collector: RunningCollector | undefined;
  let database: TestDatabase | undefined;
  afterAll(async () => {
    await collector?.close();
    await database?.drop();
  });

  it('serves HTTPS with a self-signed certificate made on first run, which clients can pin', async () => {
    database = await createTestDatabase();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'steward-tls-'));
    const config = loadCollectorConfig({}, { port: 0, tlsSelfSigned: true, dataDir, adminPassword: 'tls-password-1', logLevel: 'silent' });
    collector = await startCollector(config, { db: database.db, log: pino({ level: 'silent' }) });
    expect(collector.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const ca = readFileSync(path.join(dataDir, 'tls', 'collector-cert.pem'), 'utf8');
    const pinned = await get(`${collector.url}/api/v1/health`, ca);
    expect(pinned.status).toBe(200);
    expect(JSON.parse(pinned.body)).toMatchObject({ status: 'ok' });
    // Served over TLS, browsers are told to keep to HTTPS.
    expect(pinned.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    expect(pinned.headers['content-security-policy']).toMatch(/upgrade-insecure-requests/);
    // A client that trusts only the public authorities refuses it.
    await expect(get(`${collector.url}/api/v1/health`)).rejects.toThrow(/self.signed|certificate/i);
  });

  it('refuses a certificate without its key', () => {
    expect(() => loadCollectorConfig({}, { tlsCertFile: '/tmp/cert.pem' })).toThrow(/tlsKeyFile/);
  });
});
