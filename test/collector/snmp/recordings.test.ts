import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SnmpProbeResult } from '@steward/shared';
import { probeDevice } from '../../../collector/src/snmp/probe/probe-device.js';
import { loadExpected, readSnmprec, recordingsPresent, RECORDINGS_DIR, type ExpectedDevice } from './support/recordings.js';
import { startSnmpsim, type SnmpsimServer } from './support/snmpsim-server.js';
import { toolAvailable } from './support/required-tool.js';

const runnable = recordingsPresent && toolAvailable('snmpsimd', 'snmpsim');
if (!recordingsPresent) console.warn(`skipping: no SNMP recordings at ${RECORDINGS_DIR}`);

/** A sysDescr that states a version of what the device runs (so that reading one from it is possible at all). */
const STATES_A_VERSION = /\b[vV]?\d+\.\d+(?:\.\d+)*[\w().-]*|\bV\d{3}R\d{3}|\bRelease \w*\d|\bfw:\d|_SWV\d+/;

describe.skipIf(!runnable)('probing the recorded devices served by snmpsim', () => {
  let server: SnmpsimServer;
  const expected = runnable ? loadExpected() : [];
  const results = new Map<string, SnmpProbeResult | Error>();

  beforeAll(async () => {
    server = await startSnmpsim(RECORDINGS_DIR, 'iot-geist-temperature-sensor');
    const started = Date.now();
    const queue = [...expected];
    const worker = async () => {
      for (let device = queue.shift(); device; device = queue.shift()) {
        const target = { host: '127.0.0.1', port: server.port };
        const credential = { id: 'recording', version: '2c' as const, community: device.community };
        results.set(device.name, await probeDevice(target, [credential], { timeoutMs: 5000, retries: 1 }).catch((e: Error) => e));
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    console.log(`snmpsim indexed and answered in ${server.startMs} ms; ${expected.length} devices probed in ${Date.now() - started} ms`);
  }, 240_000);

  afterAll(async () => {
    await server?.stop();
    if (results.size > 0) printSummary(expected, results);
  });

  it.each(expected.map((d) => [d.name, d] as const))('%s', (_name, device) => {
    const result = results.get(device.name);
    if (result instanceof Error) throw result;
    expect(result).toBeDefined();
    const r = result!;
    // Every walk ended cleanly: no loop, no timeout, no bound reached. A table the agent lists out
    // of order (without repeating itself) is walked to its end with a warning.
    const walkProblems = r.problems.filter((p) => p.phase.startsWith('walk:'));
    expect(walkProblems.filter((p) => p.code !== 'oid-out-of-order'), JSON.stringify(r.problems)).toEqual([]);
    for (const p of walkProblems) console.log(`${device.name}: ${p.message}`);
    expect(r.walks.every((w) => w.complete)).toBe(true);

    expect(r.identity.vendor, 'vendor identified').toBeTruthy();
    if (device.enterprise) expect(r.identity.enterprise?.number).toBe(device.enterprise);
    if (device.sysName) expect(r.system.sysName).toBe(device.sysName);

    const model = device.entityChassis.model ?? device.readByHand?.model;
    const serial = device.entityChassis.serial ?? device.readByHand?.serial;
    if (model) expect(r.identity.model).toBe(model);
    if (serial) expect(r.identity.serial).toBe(serial);

    expect(r.interfaces.length, 'ifTable rows').toBe(device.counts.ifTableRows);
    expect(r.entities.length, 'entPhysicalTable rows').toBe(device.counts.entityRows);
    expect(r.software.length, 'hrSWInstalled rows').toBe(device.counts.hrSWInstalledRows);
    expect(r.neighbours.filter((n) => n.protocol === 'lldp').length, 'LLDP neighbours').toBe(device.counts.lldpRemRows);
    expect(r.forwarding.length, 'forwarding entries').toBe(device.counts.fdbRows);
  });

  it('reads an OS and its version from the answers of at least 90% of the devices', () => {
    // Counted only when both the OS name and its version came from what the device said: a rule on
    // its sysDescr or sysObjectID, a vendor OID, the ENTITY-MIB chassis or an installed package.
    const identified = expected.filter((d) => {
      const r = results.get(d.name);
      return !(r instanceof Error) && r?.identity.os && r.identity.osVersion && r.identity.osSource;
    });
    const bySource = new Map<string, number>();
    for (const d of identified) {
      const source = (results.get(d.name) as SnmpProbeResult).identity.osSource!;
      bySource.set(source, (bySource.get(source) ?? 0) + 1);
    }
    const share = identified.length / expected.length;
    // Gear that states a firmware version but no OS name has its software named after its maker.
    const namedAfterMaker = identified.filter((d) => {
      const { os, vendor } = (results.get(d.name) as SnmpProbeResult).identity;
      return os === `${vendor} firmware`;
    }).length;
    console.log(`OS+version from the device's answers: ${identified.length}/${expected.length} (${pct(share)}); by source of the version: ${[...bySource].map(([k, v]) => `${k} ${v}`).join(', ')}; OS named "<vendor> firmware": ${namedAfterMaker}`);
    const missed = expected.filter((d) => !identified.includes(d)).map((d) => `${d.name}: ${d.sysDescr?.slice(0, 80)}`);
    expect(share, missed.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('reads OS and version from sysDescr itself for at least 90% of the devices whose sysDescr states a version', () => {
    const stating = expected.filter((d) => d.sysDescr && STATES_A_VERSION.test(d.sysDescr));
    const read = stating.filter((d) => {
      const r = results.get(d.name);
      return !(r instanceof Error) && r?.identity.os && r.identity.osVersion && r.identity.osSource === 'sysDescr';
    });
    const share = read.length / stating.length;
    const fromSysDescr = expected.filter((d) => {
      const r = results.get(d.name);
      return !(r instanceof Error) && r?.identity.osVersion && r.identity.osSource === 'sysDescr';
    });
    console.log(`OS+version from sysDescr: ${read.length}/${stating.length} (${pct(share)}) of the devices whose sysDescr states a version; ${fromSysDescr.length}/${expected.length} of all devices`);
    const missed = stating.filter((d) => !read.includes(d)).map((d) => `${d.name}: ${d.sysDescr?.slice(0, 80)}`);
    expect(share, missed.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('maps each learned MAC of a switch to the port it was learned on', () => {
    const name = 'switch-cisco-c3750';
    const r = results.get(name);
    if (r instanceof Error || !r) throw r ?? new Error('no result');
    const rec = readSnmprec(join(RECORDINGS_DIR, `${name}.snmprec`));
    const text = (oid: string) => { const v = rec.get(oid); return v?.bytes ? v.bytes.toString('latin1') : v?.value; };
    const fdbPort = '1.3.6.1.2.1.17.4.3.1.2.';
    const learned = [...rec.keys()].filter((oid) => oid.startsWith(fdbPort));
    expect(learned.length).toBeGreaterThan(0);
    for (const oid of learned) {
      const mac = oid.slice(fdbPort.length).split('.').map((b) => Number(b).toString(16).padStart(2, '0')).join(':');
      const port = rec.get(oid)!.value;
      const ifIndex = rec.get(`1.3.6.1.2.1.17.1.4.1.2.${port}`)?.value;
      const ifName = ifIndex ? text(`1.3.6.1.2.1.31.1.1.1.1.${ifIndex}`) : undefined;
      const entry = r.forwarding.find((f) => f.source === 'dot1d' && f.mac === mac);
      expect(entry, mac).toBeDefined();
      expect(entry!.bridgePort).toBe(Number(port));
      expect(entry!.ifIndex).toBe(ifIndex === undefined ? undefined : Number(ifIndex));
      expect(entry!.ifName).toBe(ifName);
    }
    expect(r.forwarding.some((f) => f.ifName)).toBe(true);
  });
});

function pct(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function printSummary(expected: ExpectedDevice[], results: Map<string, SnmpProbeResult | Error>): void {
  const ok = expected.map((d) => results.get(d.name)).filter((r): r is SnmpProbeResult => r !== undefined && !(r instanceof Error));
  const share = (f: (r: SnmpProbeResult) => unknown) => `${ok.filter(f).length}/${expected.length} (${pct(ok.filter(f).length / expected.length)})`;
  const rows: Array<[string, string]> = [
    ['probed without error', share(() => true)],
    ['vendor identified', share((r) => r.identity.vendor)],
    ['  from sysObjectID', share((r) => r.identity.vendorSource === 'sysObjectID')],
    ['  from enterprise subtree', share((r) => r.identity.vendorSource === 'enterprise-subtree')],
    ['  from MAC OUI', share((r) => r.identity.vendorSource === 'mac-oui')],
    ['model', share((r) => r.identity.model)],
    ['serial', share((r) => r.identity.serial)],
    ['OS', share((r) => r.identity.os)],
    ['OS + version (any source)', share((r) => r.identity.os && r.identity.osVersion)],
    ['OS + version from sysDescr', share((r) => r.identity.osVersion && r.identity.osSource === 'sysDescr')],
    ['firmware', share((r) => r.identity.firmware)],
  ];
  console.log(['SNMP identification over the recorded devices:', ...rows.map(([k, v]) => `  ${k.padEnd(30)} ${v}`)].join('\n'));
}
