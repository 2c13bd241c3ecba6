/**
 * Network discovery figures on one back end, without SNMP traffic (the engine has its own bench):
 *  1. storing the probe of a large switch (48 ports, 20,000 learned MACs, 100 LLDP neighbours):
 *     first time and again (everything replaced), in one transaction each;
 *  2. the database side of polling: claim, complete and record 1,000 due devices in batches of 50;
 *  3. answering where a device plugs in, with that forwarding table and 1,000 agent devices.
 * Run through test/bench/run.ts, or: node --conditions=steward-source --import tsx -e "import('./test/bench/network.ts').then((m) => m.benchNetwork('embedded')).then(console.log)"
 */
import { randomUUID } from 'node:crypto';
import type { SnmpProbeResult } from '@steward/shared';
import { locateDevice } from '../../collector/src/services/network/switch-port-location.js';
import { storeDiscoveryIn } from '../../collector/src/services/network/store-discovery.js';
import { migrate } from '../../collector/src/store/migrate.js';
import { insertReachability } from '../../collector/src/store/network/samples.js';
import { claimDueTargets, completePoll, upsertTarget } from '../../collector/src/store/network/targets.js';
import { insertDevice } from '../../collector/src/store/reports.js';
import { createTestDatabase } from '../support/database.js';

const mac = (n: number, prefix = 0x02) => [prefix, 0, (n >> 24) & 255, (n >> 16) & 255, (n >> 8) & 255, n & 255].map((b) => b.toString(16).padStart(2, '0')).join(':');

function largeSwitch(): SnmpProbeResult {
  const ports = Array.from({ length: 48 }, (_, i) => i + 1);
  return {
    target: { host: '10.0.0.1', port: 161 }, credentialId: 'bench', version: '2c', probedAt: new Date().toISOString(), durationMs: 0,
    system: { sysName: 'bench-core', sysObjectID: '1.3.6.1.4.1.9.1.1150', sysDescr: 'Cisco IOS Software' },
    identity: { vendor: 'Cisco', model: 'WS-C4507R+E', serial: 'BENCH0001' },
    interfaces: ports.map((p) => ({ ifIndex: p, name: `Gi1/${p}`, mac: mac(p, 0x00), speedBps: 1e9, operStatus: 'up' as const })),
    addresses: [{ family: 'ipv4' as const, address: '10.0.0.1', prefixLength: 24, ifIndex: 1 }],
    software: [], storage: [], hostDevices: [],
    entities: Array.from({ length: 20 }, (_, i) => ({ index: i + 1, class: i === 0 ? 'chassis' as const : 'module' as const, serial: `M${i}` })),
    neighbours: Array.from({ length: 100 }, (_, i) => ({ protocol: 'lldp' as const, localIfIndex: (i % 48) + 1, remoteSysName: `edge-${i}`, remoteChassisId: mac(i, 0x0a) })),
    forwarding: Array.from({ length: 20_000 }, (_, i) => ({ source: 'dot1d' as const, mac: mac(i), bridgePort: (i % 48) + 1, ifIndex: (i % 48) + 1, ifName: `Gi1/${(i % 48) + 1}`, status: 'learned' as const })),
    walks: [], problems: [],
  };
}

export interface NetworkFigures {
  storeFirstMs: number;
  storeAgainMs: number;
  polledPerSecond: number;
  locateMs: number;
}

export async function benchNetwork(backend: 'embedded' | 'postgres'): Promise<NetworkFigures> {
  const t = await createTestDatabase(backend);
  try {
    await migrate(t.db);
    const result = largeSwitch();
    let started = performance.now();
    await t.db.transaction((tx) => storeDiscoveryIn(tx, result, null));
    const storeFirstMs = performance.now() - started;
    started = performance.now();
    await t.db.transaction((tx) => storeDiscoveryIn(tx, { ...result, probedAt: new Date().toISOString() }, null));
    const storeAgainMs = performance.now() - started;

    const agents: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const id = randomUUID();
      await insertDevice(t.db, id, 'agent', `pc-${i}`);
      await t.db.query('update devices set mac_addresses = $2 where id = $1', [id, [mac(i * 20)]]);
      agents.push(id);
    }
    started = performance.now();
    for (const id of agents.slice(0, 50)) await locateDevice(t.db, id);
    const locateMs = (performance.now() - started) / 50;

    for (let i = 0; i < 1000; i++) {
      const id = randomUUID();
      await insertDevice(t.db, id, 'snmp', `dev-${i}`);
      await upsertTarget(t.db, id, { host: `10.1.${i >> 8}.${i & 255}`, port: 161, credentialId: null, system: {}, identity: {}, problems: [], probedAt: new Date().toISOString() }, 300);
    }
    started = performance.now();
    let polled = 0;
    for (let batch = await claimDueTargets(t.db, 'bench', 50, 60); batch.length; batch = await claimDueTargets(t.db, 'bench', 50, 60)) {
      for (const target of batch) {
        await t.db.transaction(async (tx) => {
          await completePoll(tx, target.device_id, 'bench', { up: true, error: null, sample: null });
          await insertReachability(tx, target.device_id, new Date(), true, 1.5, 'bench');
        });
        polled++;
      }
    }
    const polledPerSecond = polled / ((performance.now() - started) / 1000);
    return { storeFirstMs, storeAgainMs, polledPerSecond, locateMs };
  } finally {
    await t.drop();
  }
}
