import { createServer, connect, type Server, type Socket } from 'node:net';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollector, type RunningCollector } from '../../../collector/src/collector.js';
import { loadCollectorConfig } from '../../../collector/src/config.js';
import { IngestGate } from '../../../collector/src/services/ingest-gate.js';
import { openDatabase } from '../../../collector/src/store/open.js';
import { createPostgresDatabase } from '../../support/database.js';
import { startTestCollector, type TestCollector } from '../../support/collector.js';

describe('HTTP hardening', () => {
  let c: TestCollector;
  beforeAll(async () => {
    c = await startTestCollector();
  });
  afterAll(async () => c?.stop());

  it('sends security headers', async () => {
    const response = await fetch(`${c.url}/api/v1/health`);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('over plain HTTP, neither upgrades the page to HTTPS nor promises HSTS', async () => {
    const response = await fetch(`${c.url}/`);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/script-src 'self'/);
    expect(policy).not.toMatch(/upgrade-insecure-requests/);
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('slows down password guessing from one address with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 25; i++) {
      const response = await fetch(`${c.url}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: `nobody-${i}`, password: 'guess-guess' }),
      });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});

describe('the ingest gate', () => {
  it('turns away work beyond its slots with a jittered Retry-After, and frees slots when done', async () => {
    const gate = new IngestGate(1);
    let release!: () => void;
    const first = gate.run(() => new Promise<void>((r) => (release = r)));
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const refusal = await gate.run(async () => 'ran').catch((e: { statusCode: number; headers: Record<string, string> }) => e);
      expect(refusal).toMatchObject({ statusCode: 429 });
      seen.add((refusal as { headers: Record<string, string> }).headers['retry-after']!);
    }
    expect(seen.size).toBeGreaterThan(1);
    release();
    await first;
    await expect(gate.run(async () => 'ran')).resolves.toBe('ran');
  });
});

/** A TCP relay in front of PostgreSQL that the test can cut, standing for a database outage. */
function relay(targetPort: number): Promise<{ port: number; cut(): void; server: Server }> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve({
      port: typeof address === 'object' && address ? address.port : 0,
      server,
      cut() {
        server.close();
        for (const s of sockets) s.destroy();
      },
    });
  }));
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('a database outage', () => {
  let collector: RunningCollector | undefined;
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await collector?.close().catch(() => undefined);
    await drop?.();
  });

  it('answers fast with 503 and Retry-After instead of hanging, and recovers', async () => {
    const created = await createPostgresDatabase();
    drop = created.drop;
    const url = new URL(created.url);
    const pgPort = Number(url.port || 5432);
    const proxy = await relay(pgPort);
    url.port = String(proxy.port);
    const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '' });
    const config = loadCollectorConfig({}, {
      port: 0, adminPassword: 'outage-password', enrollSecret: 'outage-secret', logLevel: 'silent',
      dataDir: mkdtempSync(path.join(os.tmpdir(), 'steward-outage-')),
    });
    collector = await startCollector(config, { db, log: pino({ level: 'silent' }) });
    expect((await fetch(`${collector.url}/api/v1/health`)).status).toBe(200);

    proxy.cut();
    const started = Date.now();
    const response = await fetch(`${collector.url}/api/v1/health`);
    const elapsed = Date.now() - started;
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(elapsed).toBeLessThan(6_000);

    // The database comes back on the same address: the collector serves again by itself.
    const back = createServer((client) => {
      const upstream = connect(pgPort, '127.0.0.1');
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    await new Promise<void>((r) => back.listen(proxy.port, '127.0.0.1', () => r()));
    expect((await fetch(`${collector.url}/api/v1/health`)).status).toBe(200);
    await collector.close();
    collector = undefined;
    await db.close();
    back.close();
  });
});
