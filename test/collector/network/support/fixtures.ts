import { fileURLToPath } from 'node:url';
import type { SnmpProbeResult } from '@steward/shared';
import { probeDevice } from '../../../../collector/src/snmp/index.js';
import { readSnmprec } from '../../snmp/support/recordings.js';

/** The small devices written for these tests: two switches, a Linux server and a printer. */
export const NETWORK_FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
export const fixture = (name: string) => `${NETWORK_FIXTURES}/${name}.snmprec`;

/** The MACs and bridge ports a recording's dot1dTpFdbTable lists, read straight from the file. */
export function forwardingRowsOf(file: string): Array<{ mac: string; port: number; status: number | undefined }> {
  const rec = readSnmprec(file);
  const portColumn = '1.3.6.1.2.1.17.4.3.1.2.';
  return [...rec.keys()].filter((oid) => oid.startsWith(portColumn)).map((oid) => {
    const arcs = oid.slice(portColumn.length);
    const mac = arcs.split('.').map((b) => Number(b).toString(16).padStart(2, '0')).join(':');
    const status = rec.get(`1.3.6.1.2.1.17.4.3.1.3.${arcs}`)?.value;
    return { mac, port: Number(rec.get(oid)!.value), status: status === undefined ? undefined : Number(status) };
  });
}

/** ifPhysAddress of every interface in a recording, as canonical MACs. */
export function interfaceMacsOf(file: string): string[] {
  const rec = readSnmprec(file);
  return [...rec.entries()]
    .filter(([oid, v]) => oid.startsWith('1.3.6.1.2.1.2.2.1.6.') && v.bytes && v.bytes.length === 6)
    .map(([, v]) => [...v.bytes!].map((b) => b.toString(16).padStart(2, '0')).join(':'));
}

/** Probes one community of the simulator, as the probe command would. */
export function probeCommunity(port: number, community: string, host = '127.0.0.1'): Promise<SnmpProbeResult> {
  return probeDevice({ host, port }, [{ id: 'command-line', version: '2c', community }], { timeoutMs: 3000, retries: 1 });
}

/** The port a recording's bridge learned a MAC on, named as its ifName says (through dot1dBasePortIfIndex). */
export function learnedPortOf(file: string, mac: string): { bridgePort: number; ifIndex?: number; ifName?: string } {
  const rec = readSnmprec(file);
  const row = forwardingRowsOf(file).find((r) => r.mac === mac);
  if (!row) throw new Error(`${mac} is not in the forwarding table of ${file}`);
  const ifIndex = rec.get(`1.3.6.1.2.1.17.1.4.1.2.${row.port}`)?.value;
  const name = ifIndex === undefined ? undefined : rec.get(`1.3.6.1.2.1.31.1.1.1.1.${ifIndex}`);
  return {
    bridgePort: row.port,
    ifIndex: ifIndex === undefined ? undefined : Number(ifIndex),
    ifName: name ? (name.bytes ? name.bytes.toString('latin1') : name.value) : undefined,
  };
}
