import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventoryReport, type InventoryContent, type InventoryDelta, type SoftwareEntry } from '@steward/shared';
import { deltaReport, fullReport } from '../../agent/src/report.js';
import { hashInventory } from '../../agent/src/content-hash.js';
import { applyInventoryChanges, diffInventory } from '../../agent/src/inventory-delta.js';
import { enrolTestAgent, startTestCollector, type TestCollector } from '../support/collector.js';
import { CONTRACT_BACKENDS } from '../support/backends.js';
import { makeReport, syntheticSoftware } from '../support/reports.js';

/**
 * The collector's side of delta reports, through its HTTP API, with reports built and hashed by the
 * agent's own code: both sides must agree on every content hash.
 */
describe.each(CONTRACT_BACKENDS)('delta reports on %s', (backend) => {
  let c: TestCollector;
  beforeAll(async () => {
    c = await startTestCollector(backend);
  });
  afterAll(async () => c?.stop());

  async function post(token: string, body: unknown) {
    const response = await fetch(`${c.url}/api/v1/agents/report`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  const count = async (sql: string, params: unknown[] = []) => (await c.database.db.query<{ n: number }>(sql, params)).rows[0]!.n;

  /** An enrolled agent whose first, full report is stored; `held` tracks what the collector should hold. */
  async function agentWithFullReport(software: SoftwareEntry[] = syntheticSoftware(40)) {
    const { agentId, token } = await enrolTestAgent(c.url, `host-${crypto.randomUUID().slice(0, 8)}`);
    const parsed = inventoryReport.parse(makeReport(agentId, { software }));
    const content: InventoryContent = { identity: parsed.identity, hardware: parsed.hardware, os: parsed.os, software: parsed.software };
    const full = fullReport(agentId, content, new Date(Date.now() - 60_000).toISOString());
    const answer = await post(token, full);
    expect(answer.status).toBe(200);
    const agent = {
      agentId, token, deviceId: answer.body.deviceId as string, held: content, clock: Date.now() - 60_000,
      /** A delta from what is held to `next`, dated a second after the previous report. */
      delta(next: InventoryContent, base = hashInventory(agent.held)): InventoryDelta {
        agent.clock += 1000;
        return deltaReport(agentId, base, hashInventory(next), diffInventory(agent.held, next), new Date(agent.clock).toISOString());
      },
    };
    expect(answer.body.contentHash).toBe(hashInventory(content));
    return agent;
  }

  const changed = (content: InventoryContent, edit: (c: InventoryContent) => void) => {
    const next = structuredClone(content);
    edit(next);
    return next;
  };

  it('applies a delta that adds, removes and upgrades software and changes hardware and OS fields, in one go', async () => {
    const agent = await agentWithFullReport();
    const next = changed(agent.held, (n) => {
      n.software.splice(0, 1);
      n.software[0] = { ...n.software[0]!, version: '99.0' };
      n.software.push({ name: 'acme-tool', version: '1.0', source: 'other', licence: { status: 'licensed', partialProductKey: 'H7K2Q' } });
      n.hardware.memory.totalBytes = 34359738368;
      n.os.version = '13';
      n.os.domain = 'corp.example';
    });
    const delta = agent.delta(next);
    const answer = await post(agent.token, delta);
    expect(answer).toMatchObject({ status: 200, body: { duplicate: false, contentHash: hashInventory(next), softwareCount: 40 } });

    const { rows } = await c.database.db.query<{ change: string; name: string; old_version: string | null; new_version: string | null; time: Date }>(
      'select change, name, old_version, new_version, time from software_changes where device_id = $1 order by change, name', [agent.deviceId],
    );
    expect(rows.map((r) => [r.change, r.name, r.old_version, r.new_version])).toEqual([
      ['added', 'acme-tool', null, '1.0'],
      ['removed', 'package-0', agent.held.software[0]!.version, null],
      ['upgraded', 'package-1', agent.held.software[1]!.version, '99.0'],
    ]);
    expect(rows.every((r) => new Date(r.time).toISOString() === delta.collectedAt)).toBe(true);
    const device = (await c.database.db.query<{ hardware: { memory: { totalBytes: number } }; os_version: string; os: { domain: string } }>(
      'select hardware, os_version, os from devices where id = $1', [agent.deviceId],
    )).rows[0]!;
    expect(device.hardware.memory.totalBytes).toBe(34359738368);
    expect(device.os_version).toBe('13');
    expect(device.os.domain).toBe('corp.example');
    const acme = (await c.database.db.query<{ licence: unknown; system_component: boolean | null }>(
      "select licence, system_component from device_software where device_id = $1 and name = 'acme-tool'", [agent.deviceId],
    )).rows[0]!;
    expect(acme.licence).toEqual({ status: 'licensed', partialProductKey: 'H7K2Q' });
  });

  it('keeps going from the hash it answered: a chain of deltas, each on the last', async () => {
    const agent = await agentWithFullReport();
    for (let i = 0; i < 5; i++) {
      const next = changed(agent.held, (n) => n.software.push({ name: `step-${i}`, version: '1', source: 'other' }));
      const answer = await post(agent.token, agent.delta(next));
      expect(answer.body.contentHash).toBe(hashInventory(next));
      agent.held = next;
    }
    expect(await count('select count(*)::int as n from device_software where device_id = $1', [agent.deviceId])).toBe(45);
  });

  it('answers a replay as a duplicate with the hash it holds, and the same id with another body with 409', async () => {
    const agent = await agentWithFullReport();
    const next = changed(agent.held, (n) => n.software.push({ name: 'once', version: '1', source: 'other' }));
    const delta = agent.delta(next);
    const first = await post(agent.token, delta);
    const again = await post(agent.token, delta);
    expect(again.body).toEqual({ ...first.body, duplicate: true });
    const tampered = { ...delta, os: { ...delta.os, name: 'Tampered' } };
    expect((await post(agent.token, tampered)).body.error).toBe('report_id_conflict');
    expect(await count("select count(*)::int as n from software_changes where device_id = $1 and name = 'once'", [agent.deviceId])).toBe(1);
  });

  it('answers resync_required, storing nothing, for a delta made against content it does not hold', async () => {
    const agent = await agentWithFullReport();
    const other = changed(agent.held, (n) => n.software.push({ name: 'never-sent', version: '1', source: 'other' }));
    const next = changed(other, (n) => n.software.push({ name: 'second', version: '1', source: 'other' }));
    agent.held = other;
    const before = await count('select count(*)::int as n from agent_reports');
    const answer = await post(agent.token, agent.delta(next));
    expect(answer).toMatchObject({ status: 409, body: { error: 'resync_required' } });
    expect(await count('select count(*)::int as n from agent_reports')).toBe(before);
    expect(await count('select count(*)::int as n from device_software where device_id = $1', [agent.deviceId])).toBe(40);
  });

  it('answers resync_required when the base matches but the delta removes software the device does not have', async () => {
    const agent = await agentWithFullReport();
    const pretend = changed(agent.held, (n) => n.software.push({ name: 'phantom', version: '1', source: 'other' }));
    const next = agent.held;
    agent.held = pretend;
    const delta = agent.delta(next, hashInventory(next));
    const answer = await post(agent.token, { ...delta, baseHash: hashInventory(next), hash: hashInventory(next) });
    expect(answer).toMatchObject({ status: 409, body: { error: 'resync_required' } });
  });

  it('answers resync_required to a delta from an agent whose device it has not stored yet', async () => {
    const { agentId, token } = await enrolTestAgent(c.url, 'newcomer');
    const hash = 'c'.repeat(64);
    const answer = await post(token, deltaReport(agentId, hash, hash, {}));
    expect(answer).toMatchObject({ status: 409, body: { error: 'resync_required' } });
  });

  it('records an older delta without applying it, answering the hash it holds', async () => {
    const agent = await agentWithFullReport();
    const next = changed(agent.held, (n) => n.software.push({ name: 'late', version: '1', source: 'other' }));
    const late = deltaReport(agent.agentId, hashInventory(agent.held), hashInventory(next), diffInventory(agent.held, next), new Date(agent.clock - 3_600_000).toISOString());
    const answer = await post(agent.token, late);
    expect(answer).toMatchObject({ status: 200, body: { duplicate: false, contentHash: hashInventory(agent.held) } });
    expect(await count("select count(*)::int as n from device_software where device_id = $1 and name = 'late'", [agent.deviceId])).toBe(0);
    expect(await count('select count(*)::int as n from agent_reports where report_id = $1 and not applied', [late.reportId])).toBe(1);
  });

  it('refuses a patch that would leave an invalid section, naming the field', async () => {
    const agent = await agentWithFullReport();
    const delta = agent.delta(agent.held);
    const answer = await post(agent.token, { ...delta, hardware: { cpu: { cores: 'eight' } } });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/hardware\.cpu\.cores/);
  });

  it('applies a delta that only moves volatile fields without changing the hash, and without software writes', async () => {
    const agent = await agentWithFullReport();
    const later = changed(agent.held, (n) => {
      n.os.uptimeSeconds = 86_400;
    });
    const hash = hashInventory(agent.held);
    expect(hashInventory(later)).toBe(hash);
    const answer = await post(agent.token, agent.delta(later));
    expect(answer.body.contentHash).toBe(hash);
    const os = (await c.database.db.query<{ os: { uptimeSeconds: number } }>('select os from devices where id = $1', [agent.deviceId])).rows[0]!.os;
    expect(os.uptimeSeconds).toBe(86_400);
  });

  it('agrees with the agent on what a replayed chain leads to', async () => {
    const agent = await agentWithFullReport();
    const next = changed(agent.held, (n) => {
      n.identity.hostname = 'renamed-host';
      n.hardware.disks.push({ name: 'nvme1n1', sizeBytes: 1e12, type: 'SSD' });
    });
    const delta = agent.delta(next);
    expect(hashInventory(applyInventoryChanges(agent.held, delta))).toBe(delta.hash);
    expect((await post(agent.token, delta)).body.contentHash).toBe(delta.hash);
    const hostname = (await c.database.db.query<{ hostname: string }>('select hostname from devices where id = $1', [agent.deviceId])).rows[0]!.hostname;
    expect(hostname).toBe('renamed-host');
  });
});
