import { createHash, randomUUID } from 'node:crypto';
import { inventoryReport, PROTOCOL_VERSION } from '@steward/shared';
import { enrollAgent } from '../../collector/src/services/enrolment.js';
import { ingestReport } from '../../collector/src/services/ingest.js';
import type { Database } from '../../collector/src/store/database.js';
import { migrate } from '../../collector/src/store/migrate.js';
import { createTestDatabase } from '../support/database.js';

/**
 * One machine, one device at scale: an estate of agent devices (generated inside PostgreSQL, with
 * the evidence each presents), of which a share re-enrol as reinstalled agents with empty state
 * folders, through the real enrolment and report code. Prints how long the re-enrolments took to
 * settle and how many devices are left, which must equal the number of machines.
 */

const SECRET = 'bench-enrolment-secret';
const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const asUuid = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
const macOf = (i: number) => `3c:52:82:${i.toString(16).padStart(6, '0').match(/../g)!.join(':')}`;

export async function generateEstate(db: Database, machines: number): Promise<void> {
  await db.query(
    `insert into devices (id, kind, hostname, hardware_uuid, serial_number, manufacturer, model, os_name, mac_addresses, first_seen, last_seen, last_collected_at)
     select md5('device' || i)::uuid, 'agent', 'host-' || i, md5('uuid' || i)::uuid::text, 'SN' || lpad(i::text, 8, '0'), 'HP', 'EliteBook 840 G8',
            'Debian GNU/Linux', array['3c:52:82:' || substr(lpad(to_hex(i), 6, '0'), 1, 2) || ':' || substr(lpad(to_hex(i), 6, '0'), 3, 2) || ':' || substr(lpad(to_hex(i), 6, '0'), 5, 2)],
            now() - interval '90 days', now() - interval '1 day', now() - interval '1 day'
       from generate_series(1, $1::int) i`,
    [machines],
  );
  await db.query(
    `insert into agents (id, device_id, hostname, platform, agent_version, token_hash, enrolled_at, last_seen_at)
     select md5('agent' || i)::uuid, md5('device' || i)::uuid, 'host-' || i, 'linux', '0.1.0', md5('token' || i), now() - interval '90 days', now() - interval '1 day'
       from generate_series(1, $1::int) i`,
    [machines],
  );
  await db.query(
    `insert into device_identity_evidence (device_id, key, value)
     select md5('device' || i)::uuid, k.key, case k.key when 'hardware_uuid' then md5('uuid' || i) when 'serial' then 'SN' || lpad(i::text, 8, '0')
                                                when 'machine_id' then md5('machine' || i) else d.mac_addresses[1] end
       from generate_series(1, $1::int) i join devices d on d.id = md5('device' || i)::uuid
      cross join (values ('hardware_uuid'), ('serial'), ('machine_id'), ('mac')) k(key)`,
    [machines],
  );
  await db.exec('analyze');
}

function reportOf(agentId: string, i: number) {
  const uuid = asUuid(md5(`uuid${i}`));
  const serial = `SN${String(i).padStart(8, '0')}`;
  return inventoryReport.parse({
    protocol: PROTOCOL_VERSION, kind: 'full', reportId: randomUUID(), agentId, agentVersion: '0.2.0', collectedAt: new Date().toISOString(),
    identity: { hostname: `host-${i}`, hardwareUuid: uuid, serialNumber: serial, machineId: md5(`machine${i}`), macAddresses: [macOf(i)] },
    hardware: {
      system: { manufacturer: 'HP', model: 'EliteBook 840 G8', serial, uuid }, bios: {}, cpu: {}, memory: { modules: [] }, disks: [], gpus: [],
      networkInterfaces: [{ name: 'eth0', mac: macOf(i), ipv4: [], ipv6: [] }],
    },
    os: { platform: 'linux', name: 'Debian GNU/Linux', version: '12' },
    software: [{ name: 'bash', version: '5.2', source: 'dpkg' }, { name: 'coreutils', version: '9.1', source: 'dpkg' }],
  });
}

/** A reinstalled agent: enrols anew with what it knows of its machine, then sends its first report. */
export async function reenrol(db: Database, i: number): Promise<void> {
  const settings = { enrollSecret: SECRET, reportIntervalSeconds: 3600, heartbeatIntervalSeconds: 60 };
  const { agentId } = await enrollAgent(db, settings, {
    protocol: PROTOCOL_VERSION, secret: SECRET, hostname: `host-${i}`, hardwareUuid: asUuid(md5(`uuid${i}`)), agentVersion: '0.2.0', platform: 'linux',
  });
  await ingestReport(db, { id: agentId, device_id: null, hostname: `host-${i}`, revoked_at: null }, reportOf(agentId, i), md5(`body${agentId}`));
}

export interface IdentityFigures {
  machines: number;
  reenrolled: number;
  generateSeconds: number;
  settleSeconds: number;
  reenrolmentsPerSecond: number;
  devicesLeft: number;
  activeAgents: number;
  retiredAgents: number;
}

export async function benchIdentity(options: { machines?: number; reenrolShare?: number; concurrency?: number } = {}): Promise<IdentityFigures> {
  if (!process.env.TEST_DATABASE_URL) throw new Error('the identity benchmark needs PostgreSQL: set TEST_DATABASE_URL');
  const machines = options.machines ?? 100_000;
  const step = Math.round(1 / (options.reenrolShare ?? 0.05));
  const concurrency = options.concurrency ?? 8;
  const t = await createTestDatabase('postgres');
  try {
    const db = t.db;
    await migrate(db);
    let started = performance.now();
    await generateEstate(db, machines);
    const generateSeconds = (performance.now() - started) / 1000;
    const queue = Array.from({ length: Math.floor(machines / step) }, (_, k) => 1 + k * step);
    const reenrolled = queue.length;
    started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) await reenrol(db, i);
    }));
    const settleSeconds = (performance.now() - started) / 1000;
    const { rows } = await db.query<{ devices: number; active: number; retired: number }>(
      `select (select count(*)::int from devices) as devices,
              (select count(*)::int from agents where revoked_at is null and retired_at is null) as active,
              (select count(*)::int from agents where retired_at is not null) as retired`,
    );
    const counts = rows[0]!;
    return {
      machines, reenrolled, generateSeconds, settleSeconds, reenrolmentsPerSecond: reenrolled / settleSeconds,
      devicesLeft: counts.devices, activeAgents: counts.active, retiredAgents: counts.retired,
    };
  } finally {
    await t.drop();
  }
}

export function printIdentityFigures(f: IdentityFigures, line: (name: string, value: string, target?: string) => void): void {
  line(`estate generated (${f.machines.toLocaleString('en')} machines)`, `${f.generateSeconds.toFixed(1)} s`);
  line(`time to settle ${f.reenrolled.toLocaleString('en')} re-enrolments`, `${f.settleSeconds.toFixed(1)} s`);
  line('re-enrolments settled per second', f.reenrolmentsPerSecond.toFixed(1));
  line('devices left', f.devicesLeft.toLocaleString('en'), `= ${f.machines.toLocaleString('en')} machines`);
  line('agents reporting / retired', `${f.activeAgents.toLocaleString('en')} / ${f.retiredAgents.toLocaleString('en')}`);
}

// Run directly: node --conditions=steward-source --import tsx test/bench/identity.ts [machines]
if (import.meta.url === `file://${process.argv[1]}`) {
  const line = (name: string, value: string, target?: string) => console.log(`${name.padEnd(58)} ${value.padStart(14)}${target ? `   (target ${target})` : ''}`);
  console.log('\n== One machine, one device (5% of the estate re-enrols with empty state folders), postgres');
  const figures = await benchIdentity({ machines: Number(process.argv[2] ?? 100_000) });
  printIdentityFigures(figures, line);
  if (figures.devicesLeft !== figures.machines) {
    console.log(`devices left (${figures.devicesLeft}) differ from machines (${figures.machines})`);
    process.exitCode = 1;
  }
}
