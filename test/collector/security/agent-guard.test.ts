import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CollectorClient } from '../../../agent/src/client.js';
import { loadAgentConfig } from '../../../agent/src/config.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { enrolTestAgent, startTestCollector, type TestCollector } from '../../support/collector.js';
import { makeReport, syntheticSoftware } from '../../support/reports.js';

const json = { 'content-type': 'application/json' };

/** Sends only the headers of a large request and resolves with the status the collector answers. */
function headersOnly(url: string, authorization: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/v1/agents/report`, {
      method: 'POST',
      headers: { ...json, 'content-length': 10 * 1024 * 1024, authorization },
    }, (response) => {
      resolve(response.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', reject);
    req.flushHeaders();
    setTimeout(() => reject(new Error('no answer before the body was sent')), 5_000).unref();
  });
}

describe.each(CONTRACT_BACKENDS)('the agent channel guards itself before reading a body (%s)', (backend) => {
  let c: TestCollector;
  let agent: { agentId: string; token: string };
  const post = (body: Buffer | string, headers: Record<string, string> = {}, token = agent.token) =>
    fetch(`${c.url}/api/v1/agents/report`, { method: 'POST', headers: { ...json, authorization: `Bearer ${token}`, ...headers }, body });
  const storedReports = async () => (await c.database.db.query<{ n: number }>('select count(*)::int as n from agent_reports')).rows[0]!.n;

  beforeAll(async () => {
    c = await startTestCollector(backend, { maxReportBytes: 256 * 1024, maxReportInflatedBytes: 24 * 1024 * 1024 });
    agent = await enrolTestAgent(c.url);
  });
  afterAll(async () => c?.stop());

  it('refuses an unknown token on the headers, before any of the body is sent', async () => {
    expect(await headersOnly(c.url, 'Bearer sta_not-a-token')).toBe(401);
    expect(await headersOnly(c.url, '')).toBe(401);
  });

  it('takes a large inventory gzip-compressed, and stores it whole', async () => {
    const report = makeReport(agent.agentId, { software: syntheticSoftware(20_000) });
    const raw = JSON.stringify(report);
    expect(raw.length).toBeGreaterThan(256 * 1024);
    expect((await post(raw)).status).toBe(413);
    const response = await post(gzipSync(raw), { 'content-encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ reportId: report.reportId, softwareCount: 20_000, duplicate: false });
  });

  it('names the limit when a body is too large as sent', async () => {
    const before = await storedReports();
    const response = await post(Buffer.alloc(300 * 1024, 0x20));
    expect(response.status).toBe(413);
    expect(JSON.stringify(await response.json())).toMatch(/262144 bytes/);
    expect(await storedReports()).toBe(before);
  });

  it('refuses a compressed body that inflates beyond the limit, corrupt gzip and unknown encodings', async () => {
    const bomb = gzipSync(Buffer.alloc(40 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(256 * 1024);
    expect((await post(bomb, { 'content-encoding': 'gzip' })).status).toBe(413);
    const corrupt = await post(Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' });
    expect(corrupt.status).toBe(400);
    const brotli = await post(JSON.stringify(makeReport(agent.agentId)), { 'content-encoding': 'br' });
    expect(brotli.status).toBe(415);
    expect(JSON.stringify(await brotli.json())).toMatch(/content-encoding/);
  });

  it('the agent compresses what it sends when it is large', async () => {
    const config = loadAgentConfig(undefined, { STEWARD_SERVER: c.url, STEWARD_AGENT_STATE_DIR: mkdtempSync(path.join(os.tmpdir(), 'steward-agent-')) });
    const client = new CollectorClient(config, pino({ level: 'silent' }));
    const report = makeReport(agent.agentId, { software: syntheticSoftware(10_000) });
    const outcome = await client.sendReport({ ...agent, server: c.url }, JSON.stringify(report));
    expect(outcome).toMatchObject({ kind: 'stored', answer: { reportId: report.reportId, softwareCount: 10_000 } });
  });
});

describe('strangers on the agent channel are limited per address', () => {
  let c: TestCollector;
  beforeAll(async () => {
    c = await startTestCollector(undefined, { agentAuthFailuresPerMinute: 5 });
  });
  afterAll(async () => c?.stop());

  it('answers 429 with Retry-After once an address keeps failing, without looking the token up', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 8; i++) {
      const response = await fetch(`${c.url}/api/v1/agents/report`, { method: 'POST', headers: { ...json, authorization: `Bearer sta_guess-${i}` }, body: '{}' });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // The agent socket shares the count: the upgrade is refused the same way.
    const socket = await fetch(`${c.url}/api/v1/agents/ws`, { headers: { authorization: 'Bearer sta_guess' } });
    expect(socket.status).toBe(429);
  });
});
