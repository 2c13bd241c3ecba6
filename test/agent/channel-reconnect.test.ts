import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import WebSocket from 'ws';
import { AgentChannel } from '../../agent/src/channel.js';
import type { RunningCollector } from '../../collector/src/collector.js';
import { enrolTestAgent, startCollectorOn } from '../support/collector.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/** The agent's channel, dropped as in a collector restart, waits as long as the collector's crowd estimate asked. */
describe('reconnection spread told by the collector', () => {
  let database: TestDatabase;
  let collector: RunningCollector;
  const settings = { reconnectsPerSecond: 1 };
  const others: WebSocket[] = [];
  let channel: AgentChannel;

  beforeAll(async () => {
    database = await createTestDatabase();
    collector = await startCollectorOn(database.db, settings);
  });
  afterAll(async () => {
    channel?.close();
    for (const ws of others) ws.terminate();
    await collector?.close();
    await database?.drop();
  });

  it('spreads its reconnection over the seconds the collector gave with its last acknowledgement', async () => {
    // Three more agents connected: at one reconnection a second, the collector asks for a spread of 4 s.
    for (let i = 0; i < 3; i++) {
      const agent = await enrolTestAgent(collector.url, `crowd-${i}`);
      const ws = new WebSocket(`${collector.url.replace('http', 'ws')}/api/v1/agents/ws`, { headers: { authorization: `Bearer ${agent.token}` } });
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      others.push(ws);
    }
    const me = await enrolTestAgent(collector.url, 'me');
    channel = new AgentChannel(collector.url, () => ({ agentId: me.agentId, token: me.token, server: collector.url }), pino({ level: 'silent' }),
      { collectNow: () => undefined, resync: () => undefined }, 30_000, () => 1);
    channel.open();
    const deadline = Date.now() + 15_000;
    while (collector.ctx.agents.count < 4 || collector.ctx.presence.counts.beats < 1) {
      if (Date.now() > deadline) throw new Error('the channel did not connect and beat');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await collector.ctx.presence.flush();
    // The acknowledgement is sent once the beat is stored; give it a moment to arrive.
    await new Promise((resolve) => setTimeout(resolve, 300));

    for (const ws of others) ws.terminate();
    // Every channel dropped at once by the collector's side, as a restart would, the collector staying up
    // so that only the agent's own wait decides when it is back.
    const server = (collector.app as unknown as { websocketServer: { clients: Set<WebSocket> } }).websocketServer;
    for (const client of server.clients) client.terminate();
    const down = Date.now();
    while (collector.ctx.agents.count > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    while (collector.ctx.agents.count < 1) {
      if (Date.now() - down > 30_000) throw new Error('the agent never came back');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Full jitter over 4 s, drawn at its top here; the backoff alone would have brought it back within 1 s.
    expect(Date.now() - down).toBeGreaterThanOrEqual(4000);
  });
});
