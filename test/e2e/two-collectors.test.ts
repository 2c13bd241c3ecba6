import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type SoftwareEntry } from '@steward/shared';
import { createPostgresDatabase, TEST_BACKEND } from '../support/database.js';
import { freePort, spawnBin, waitForHealth, type Spawned } from '../support/processes.js';
import { TEST_ADMIN_PASSWORD, TEST_ENROLL_SECRET, adminAuth } from '../support/collector.js';
import { SimulatedAgent, emptyTally } from '../fleet/sim-agent.js';
import { basePackageLists, packagesFor } from '../fleet/package-lists.js';

/**
 * Two collector processes on one PostgreSQL database behind a load balancer, agents split between
 * them: both see every agent online, a dashboard on one sees what the other ingested, and killing
 * one mid-ingest loses nothing: its agents move to the other and the report it was storing is kept
 * exactly once when the agent sends it again.
 */
const AGENTS = 12;
const HEARTBEAT_SECONDS = 5;

/** A TCP load balancer for the test: each connection goes to the next collector that accepts it. */
function loadBalancer(ports: number[]): Promise<{ server: Server; port: number }> {
  let next = 0;
  const server = createServer((client: Socket) => {
    client.pause();
    const tryBackend = (attempt: number) => {
      if (attempt >= ports.length) return client.destroy();
      const port = ports[next++ % ports.length]!;
      const upstream = connect(port, '127.0.0.1');
      upstream.once('error', () => tryBackend(attempt + 1));
      upstream.once('connect', () => {
        upstream.removeAllListeners('error');
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
        client.resume();
      });
    };
    tryBackend(0);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
  }));
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

describe.skipIf(TEST_BACKEND !== 'postgres')('two collectors on one PostgreSQL database', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'steward-two-'));
  const running: Spawned[] = [];
  const agents: SimulatedAgent[] = [];
  let balancer: Server | undefined;
  let databaseUrl = '';
  let dropDatabase: (() => Promise<void>) | undefined;
  let urlA = '';
  let urlB = '';
  let balanced = '';
  let collectorA: Spawned;

  function startCollector(name: string, port: number): Spawned {
    const spawned = spawnBin('collector', ['serve'], {
      STEWARD_PORT: String(port),
      STEWARD_DATA_DIR: path.join(work, name),
      STEWARD_ENROLL_SECRET: TEST_ENROLL_SECRET,
      STEWARD_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      STEWARD_HEARTBEAT_INTERVAL: String(HEARTBEAT_SECONDS),
      STEWARD_LOG_LEVEL: 'debug',
      DATABASE_URL: databaseUrl,
    });
    running.push(spawned);
    return spawned;
  }

  async function count(sql: string, params: unknown[] = []): Promise<number> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query(sql, params);
      return Number(rows[0].n);
    } finally {
      await client.end();
    }
  }

  async function onlineSeenBy(url: string): Promise<number> {
    const auth = await adminAuth(url);
    const response = await fetch(`${url}/api/v1/devices?limit=100`, { headers: auth });
    const body = (await response.json()) as { items: Array<{ online: boolean }> };
    return body.items.filter((d) => d.online).length;
  }

  beforeAll(async () => {
    const created = await createPostgresDatabase();
    databaseUrl = created.url;
    dropDatabase = created.drop;
    const [portA, portB] = [await freePort(), await freePort()];
    urlA = `http://127.0.0.1:${portA}`;
    urlB = `http://127.0.0.1:${portB}`;
    // One migrates first, so the two do not race for the schema on an empty database.
    collectorA = startCollector('a', portA);
    await waitForHealth(urlA, 240_000);
    startCollector('b', portB);
    await waitForHealth(urlB, 240_000);
    const lb = await loadBalancer([portA, portB]);
    balancer = lb.server;
    balanced = `http://127.0.0.1:${lb.port}`;
  });

  afterAll(async () => {
    for (const agent of agents) agent.stop();
    balancer?.close();
    for (const p of running) p.child.kill('SIGKILL');
    await Promise.all(running.map((p) => p.exited));
    await dropDatabase?.();
    rmSync(work, { recursive: true, force: true });
  });

  it('shares agents, presence and live events, and loses nothing when one collector is killed mid-ingest', async () => {
    // A dashboard watches collector B only.
    const { authorization } = await adminAuth(urlB);
    const seenLive = new Set<string>();
    const dashboard = new WebSocket(`${urlB.replace(/^http/, 'ws')}/api/v1/events`);
    await new Promise<void>((resolve, reject) => {
      dashboard.once('open', () => {
        dashboard.send(JSON.stringify({ type: 'auth', token: authorization.slice('Bearer '.length) }));
      });
      dashboard.on('message', (data) => {
        const event = JSON.parse(String(data)) as { type: string; deviceId?: string };
        if (event.type === 'ready') resolve();
        if (event.type === 'device.changed' && event.deviceId) seenLive.add(event.deviceId);
      });
      dashboard.once('error', reject);
    });

    // Half the agents report straight to A, half to B; every channel goes through the balancer.
    const bases = await basePackageLists();
    const tally = emptyTally();
    for (let i = 0; i < AGENTS; i++) {
      const reportTo = i % 2 === 0 ? urlA : urlB;
      const agent = new SimulatedAgent(reportTo, TEST_ENROLL_SECRET, `two-${String(i).padStart(3, '0')}`, packagesFor(i, bases), tally);
      await agent.enrol();
      expect(await agent.fullReport()).toBe(true);
      agents.push(agent);
    }
    expect(await count('select count(*) as n from devices')).toBe(AGENTS);
    expect(await count('select count(*) as n from agent_reports')).toBe(AGENTS);

    // Live events cross collectors: B's dashboard heard of the devices A ingested too.
    await until('B to hear of every device', async () => (seenLive.size >= AGENTS ? true : undefined));

    // Channels through the balancer land on both collectors; each shows every agent online.
    for (const agent of agents) agent.server = balanced;
    for (const agent of agents) agent.connect();
    await until('every agent online on A', async () => ((await onlineSeenBy(urlA)) === AGENTS ? true : undefined));
    await until('every agent online on B', async () => ((await onlineSeenBy(urlB)) === AGENTS ? true : undefined));
    await until('heartbeats acknowledged', async () => (tally.heartbeatsAcked >= AGENTS ? true : undefined));

    // A large report goes to A, which is killed the moment the request arrives.
    const victim = agents[0]!;
    const { agentId, token } = victim.credentials;
    const software: SoftwareEntry[] = Array.from({ length: 20_000 }, (_, i) => ({ name: `bulk-package-${i}`, version: `1.${i % 97}`, publisher: 'Bulk', source: 'dpkg' }));
    const report = {
      protocol: PROTOCOL_VERSION, kind: 'full', reportId: randomUUID(), agentId, agentVersion: '0.1.0-sim', collectedAt: new Date().toISOString(),
      identity: { hostname: 'two-000', macAddresses: [] },
      hardware: { system: { manufacturer: 'Simulated', model: 'Fleet' }, cpu: { cores: 4, threads: 8 }, memory: { totalBytes: 8 * 2 ** 30, modules: [] }, disks: [], networkInterfaces: [], gpus: [] },
      os: { platform: 'linux', name: 'Debian GNU/Linux', version: '12', arch: 'x64' },
      software,
    };
    const send = (url: string) => fetch(`${url}/api/v1/agents/report`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(report),
    });
    const mark = collectorA.output().length;
    const inFlight = send(urlA).then((r) => r.status, () => 'connection lost');
    await until('the report to reach A', async () => (collectorA.output().slice(mark).includes('"url":"/api/v1/agents/report"') ? true : undefined), 30_000);
    collectorA.child.kill('SIGKILL');
    await collectorA.exited;
    const firstAnswer = await inFlight;

    // The agent sends the same report again; the balancer takes it to B.
    const retried = await send(balanced);
    expect(retried.status).toBe(200);
    expect(await count('select count(*) as n from agent_reports where report_id = $1', [report.reportId])).toBe(1);
    expect(await count(
      'select count(*) as n from device_software s join agent_reports r on r.device_id = s.device_id where r.report_id = $1',
      [report.reportId],
    )).toBe(software.length);
    expect(await count('select count(*) as n from devices')).toBe(AGENTS);

    // A's agents reconnect through the balancer to B, which shows all of them online again.
    await until('every agent online on B after A died', async () => ((await onlineSeenBy(urlB)) === AGENTS ? true : undefined), 120_000);
    // B stores every agent's heartbeats from then on.
    const sinceDeath = new Date();
    await until('every agent\'s heartbeat stored after A died', async () =>
      ((await count('select count(*) as n from agents where last_seen_at > $1', [sinceDeath])) === AGENTS ? true : undefined), 60_000);
    expect(tally.failed).toBe(0);
    console.log(`two collectors: first answer from the killed collector: ${firstAnswer}; ${tally.connects} connects, ${tally.heartbeatsAcked} heartbeats acknowledged`);
    dashboard.close();
  });
});
