import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inventoryDelta, inventoryReport, PROTOCOL_VERSION, softwareDigestInput, type SoftwareEntry } from '@steward/shared';
import { softwareDigestText } from '../../collector/src/services/canonical-software.js';
import { migrate } from '../../collector/src/store/migrate.js';
import { insertAgent, type AgentRow } from '../../collector/src/store/agents.js';
import { ingestReport, softwareDigestOf } from '../../collector/src/services/ingest.js';
import { ingestDelta } from '../../collector/src/services/ingest-delta.js';
import { storedSoftwareDigest } from '../../collector/src/store/software-digest.js';
import { IngestGate, ingestGateSize } from '../../collector/src/services/ingest-gate.js';
import { hashInventory } from '../../agent/src/content-hash.js';
import { diffSoftwareLists } from '../../agent/src/inventory-delta.js';
import { CONTRACT_BACKENDS } from '../support/backends.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { makeReport, syntheticSoftware } from '../support/reports.js';

/** Entries whose canonical form needs escaping, or sorts differently bytewise than by UTF-16 units. */
const awkward: SoftwareEntry[] = [
  { source: 'dpkg', name: 'quote "and" back\\slash', version: '1\n2\t3\u0001', publisher: 'Ünïcødé — ☃', arch: 'amd64' },
  { source: 'dpkg', name: 'astral 😀 package', version: '1', installDate: '2024-01-02', installLocation: '/opt/x', productCode: 'p', systemComponent: false },
  { source: 'dpkg', name: 'astral \uFF21 package', version: '1', systemComponent: true },
];

describe.each(CONTRACT_BACKENDS)('a delta costs what it changed (%s)', (backend) => {
  let database: TestDatabase;
  let agent: AgentRow;

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    await migrate(database.db);
    const id = randomUUID();
    await insertAgent(database.db, { id, hostname: 'ws-0142', platform: 'linux', agentVersion: '0.1.0', tokenHash: randomUUID() });
    agent = { id, hostname: 'ws-0142', device_id: null, revoked_at: null };
  });
  afterAll(async () => database?.drop());

  const statements = () => {
    let count = 0;
    const db = { ...database.db, query: database.db.query.bind(database.db), exec: database.db.exec.bind(database.db), listen: database.db.listen.bind(database.db), close: database.db.close.bind(database.db),
      transaction: <T>(work: Parameters<typeof database.db.transaction<T>>[0]) => database.db.transaction((tx) => work({
        exec: (sql) => tx.exec(sql),
        query: (sql, params) => { count++; return tx.query(sql, params); },
      })) };
    return { db, count: () => count };
  };

  it('digests the stored rows in the database exactly as the protocol does, escapes and every plane of Unicode included', async () => {
    const first = inventoryReport.parse(makeReport(agent.id, { software: [...syntheticSoftware(50), ...awkward] }));
    const stored = await ingestReport(database.db, agent, first, first.reportId);
    const inDatabase = await storedSoftwareDigest(database.db, stored.answer.deviceId);
    expect(inDatabase?.count).toBe(53);
    // Bytewise order puts U+1F600 after U+FF21; the protocol's order before it: the caller re-reads only then.
    const plain = inventoryReport.parse(makeReport(agent.id, { software: [...syntheticSoftware(50), ...awkward.slice(0, 1)] })).software;
    const other = await database.db.transaction(async (tx) => {
      await tx.query('delete from device_software where device_id = $1 and name like $2', [stored.answer.deviceId, 'astral%']);
      return storedSoftwareDigest(tx, stored.answer.deviceId);
    });
    expect(other?.digest).toBe(softwareDigestOf(plain));
  });

  it('applies deltas touching few packages with the same statements however many the device holds, and across Unicode planes', async () => {
    let content = (({ protocol: _p, kind: _k, reportId: _r, agentId: _a, agentVersion: _v, collectedAt: _c, ...rest }) => rest)(
      inventoryReport.parse(makeReport(agent.id, { software: [...syntheticSoftware(400), ...awkward, { source: 'msi', name: 'Office', version: '16', licence: { status: 'licensed', channel: 'Retail' } }] })),
    );
    const full = inventoryReport.parse({ protocol: PROTOCOL_VERSION, kind: 'full', reportId: randomUUID(), agentId: agent.id, agentVersion: '0.1.0', collectedAt: new Date(Date.now() + 10_000).toISOString(), ...content });
    await ingestReport(database.db, agent, full, full.reportId);
    const counts: number[] = [];
    for (let round = 1; round <= 3; round++) {
      const next = {
        ...content,
        software: [
          ...content.software.map((s, i) => (i % 100 === round ? { ...s, version: `${s.version ?? ''}+${round}` } : s)),
          ...(round === 2 ? [{ source: 'dpkg' as const, name: `added 😀 ${round}` }] : []),
        ],
      };
      const delta = inventoryDelta.parse({
        protocol: PROTOCOL_VERSION, kind: 'delta', reportId: randomUUID(), agentId: agent.id, agentVersion: '0.1.0',
        collectedAt: new Date(Date.now() + 10_000 + round * 1000).toISOString(), baseHash: hashInventory(content), hash: hashInventory(next),
        software: diffSoftwareLists(content.software, next.software),
      });
      const counted = statements();
      const outcome = await ingestDelta(counted.db, agent, delta, delta.reportId);
      counts.push(counted.count());
      expect(outcome.answer.contentHash).toBe(delta.hash);
      expect(outcome.answer.softwareCount).toBe(next.software.length);
      content = next;
    }
    const { rows } = await database.db.query<{ n: number; upgraded: number }>(
      `select (select count(*)::int from device_software where device_id = $1) as n,
              (select count(*)::int from software_changes where device_id = $1 and change = 'upgraded') as upgraded`,
      [(await database.db.query<{ device_id: string }>('select device_id from agents where id = $1', [agent.id])).rows[0]!.device_id],
    );
    expect(rows[0]).toEqual({ n: content.software.length, upgraded: 15 });
    // A licensed row or a bytewise-order mismatch costs one more read; otherwise every delta runs the same statements.
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });
});

describe('the ingest gate sized from measurements', () => {
  it('keeps about two reports per core at once, lets a few wait their turn, and turns away the rest', async () => {
    expect(ingestGateSize(10, 2)).toEqual({ slots: 4, waiting: 16 });
    expect(ingestGateSize(4, 8)).toEqual({ slots: 1, waiting: 4 });
    const gate = new IngestGate(1, Math.random, 1);
    let release!: () => void;
    const order: string[] = [];
    const first = gate.run(() => new Promise<void>((r) => (release = r)).then(() => order.push('first')));
    const waiting = gate.run(async () => order.push('waited'));
    await expect(gate.run(async () => 'ran')).rejects.toMatchObject({ statusCode: 429 });
    release();
    await Promise.all([first, waiting]);
    expect(order).toEqual(['first', 'waited']);
    await expect(gate.run(async () => 'ran')).resolves.toBe('ran');
  });
});

describe('the software digest written out field by field', () => {
  it('is the protocol digest input exactly, for every field, escapes, licences and Unicode planes', () => {
    const entries = inventoryReport.parse(makeReport(randomUUID(), {
      software: [...syntheticSoftware(200), ...awkward, { source: 'msi', name: 'Office', version: '16', licence: { status: 'licensed', channel: 'Retail', trial: false } }],
    })).software;
    expect(softwareDigestText(entries)).toBe(softwareDigestInput(entries));
  });
});
