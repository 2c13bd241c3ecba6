import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunningCollector } from '../../collector/src/collector.js';
import type { Database } from '../../collector/src/store/database.js';
import { openDatabase } from '../../collector/src/store/open.js';
import { CONTRACT_BACKENDS } from '../support/backends.js';
import { adminAuth, enrolTestAgent, startCollectorOn } from '../support/collector.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { watchedDatabase } from '../support/watched-database.js';

const FLUSH_MS = 150;

/** An agent's channel: sends heartbeats, resolves each on its acknowledgement. */
async function openChannel(url: string, token: string) {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/api/v1/agents/ws`, { headers: { authorization: `Bearer ${token}` } });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const acks: Array<Record<string, unknown>> = [];
  const waiting: Array<() => void> = [];
  ws.on('message', (data) => {
    acks.push(JSON.parse(String(data)) as Record<string, unknown>);
    waiting.shift()?.();
  });
  return {
    acks,
    beat(): Promise<void> {
      const answered = new Promise<void>((resolve) => waiting.push(resolve));
      ws.send(JSON.stringify({ type: 'heartbeat', sentAt: new Date().toISOString(), uptimeSeconds: 60 }));
      return answered;
    },
    close: () => new Promise<void>((resolve) => {
      ws.once('close', () => resolve());
      ws.close();
    }),
  };
}

async function agentStatuses(url: string): Promise<Map<string, string>> {
  const answer = (await (await fetch(`${url}/api/v1/agents?limit=500`, { headers: await adminAuth(url) })).json()) as { items: Array<{ id: string; status: string }> };
  return new Map(answer.items.map((a) => [a.id, a.status]));
}

async function eventually(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(CONTRACT_BACKENDS)('heartbeats in batches, two collectors on one database (%s)', (backend) => {
  let database: TestDatabase;
  const handles: Database[] = [];
  const collectors: RunningCollector[] = [];
  const watches: Array<ReturnType<typeof watchedDatabase>['watch']> = [];
  const agents: Array<{ agentId: string; token: string }> = [];

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    for (let i = 0; i < 2; i++) {
      // On PostgreSQL each collector has its own pool, as two processes would; the embedded database serves both.
      const own = backend === 'postgres' ? await openDatabase({ databaseUrl: database.url!, dataDir: '' }) : database.db;
      if (backend === 'postgres') handles.push(own);
      const { db, watch } = watchedDatabase(own);
      watches.push(watch);
      collectors.push(await startCollectorOn(db, { presenceFlushMs: FLUSH_MS, heartbeatIntervalSeconds: 5 }));
    }
    for (let i = 0; i < 24; i++) agents.push(await enrolTestAgent(collectors[0]!.url, `presence-${i}`));
  });
  afterAll(async () => {
    for (const c of collectors) await c.close().catch(() => undefined);
    for (const h of handles) await h.close().catch(() => undefined);
    await database?.drop();
  });

  it('stores every agent\'s heartbeats in a few statements, acknowledged once stored, and both collectors show them online', async () => {
    const before = watches.map((w) => w.heartbeatStatements);
    const channels = await Promise.all(agents.map((a, i) => openChannel(collectors[i % 2]!.url, a.token)));
    for (let round = 0; round < 3; round++) await Promise.all(channels.map((c) => c.beat()));

    const statements = watches.reduce((n, w, i) => n + w.heartbeatStatements - before[i]!, 0);
    // 72 heartbeats from 24 agents: a statement per batch, a handful of batches per collector.
    expect(statements).toBeLessThan(agents.length);
    expect(channels[0]!.acks[0]).toMatchObject({ type: 'heartbeat-ack', heartbeatIntervalSeconds: 5 });
    for (const c of collectors) {
      const statuses = await agentStatuses(c.url);
      expect(agents.filter((a) => statuses.get(a.agentId) === 'online')).toHaveLength(agents.length);
      const stats = (await (await fetch(`${c.url}/api/v1/devices/statistics`, { headers: await adminAuth(c.url) })).json()) as { agentsOnline: number };
      expect(stats.agentsOnline).toBe(agents.length);
    }
    const { rows } = await database.db.query<{ n: number }>('select count(*)::int as n from agents where uptime_seconds = 60 and last_address is not null');
    expect(rows[0]?.n).toBe(agents.length);
    await Promise.all(channels.map((c) => c.close()));
  });

  it('shows an agent offline when its channel closes, online again when it returns to the other collector, and keeps the stretch', async () => {
    const agent = agents[0]!;
    const first = await openChannel(collectors[0]!.url, agent.token);
    await first.beat();
    await first.close();
    await eventually(async () => (await agentStatuses(collectors[1]!.url)).get(agent.agentId) === 'offline', FLUSH_MS * 20);

    const second = await openChannel(collectors[1]!.url, agent.token);
    await second.beat();
    expect((await agentStatuses(collectors[0]!.url)).get(agent.agentId)).toBe('online');
    const { rows } = await database.db.query<{ started_at: Date; ended_at: Date }>(
      'select started_at, ended_at from agent_presence where agent_id = $1 order by started_at', [agent.agentId]);
    expect(rows.length).toBeGreaterThan(0);
    const since = await database.db.query<{ online_since: Date }>('select online_since from agents where id = $1', [agent.agentId]);
    expect(new Date(rows.at(-1)!.ended_at).getTime()).toBeLessThanOrEqual(new Date(since.rows[0]!.online_since).getTime());
    await second.close();
  });

  it('keeps heartbeats the database refused and stores them with the next batch', async () => {
    const agent = agents[1]!;
    const { rows: was } = await database.db.query<{ last_seen_at: Date | null }>('select last_seen_at from agents where id = $1', [agent.agentId]);
    const channel = await openChannel(collectors[0]!.url, agent.token);
    watches[0]!.failNext = 2;
    const sent = Date.now();
    await channel.beat();
    expect(watches[0]!.failNext).toBe(0);
    expect(collectors[0]!.ctx.presence.counts.failures).toBeGreaterThanOrEqual(2);
    const { rows } = await database.db.query<{ last_seen_at: Date }>('select last_seen_at from agents where id = $1', [agent.agentId]);
    expect(new Date(rows[0]!.last_seen_at).getTime()).toBeGreaterThanOrEqual(sent - 1000);
    expect(new Date(rows[0]!.last_seen_at).getTime()).toBeGreaterThan(new Date(was[0]?.last_seen_at ?? 0).getTime());
    await channel.close();
  });
});
