/**
 * Child process of the SNMP bench: polls recorded devices the way the collector's poller does
 * (pollDevice: reachability, interface counters, rates against the previous sample) for a fixed
 * time, spread over several snmpsim servers, and prints one JSON line with its own figures.
 * Run pinned to one core (taskset) so that its CPU time is what one core gives.
 * Arguments: --ports p1,p2,... --communities c1,c2,... --seconds N --in-flight N
 */
import { parseArgs } from 'node:util';
import { pollingSettings, type SnmpPollSample } from '@steward/shared';
import { pollDevice } from '../../collector/src/services/network/poll-device.js';

const { values } = parseArgs({
  options: {
    ports: { type: 'string' }, communities: { type: 'string' }, seconds: { type: 'string' }, 'in-flight': { type: 'string' },
  },
});
const ports = values.ports!.split(',').map(Number);
const communities = values.communities!.split(',');
const seconds = Number(values.seconds ?? 30);
const inFlight = Number(values['in-flight'] ?? 64);
const settings = pollingSettings.parse({ timeoutMs: 5000, retries: 1 });

/** One device per recording and server: its last sample, as the poller keeps it. */
const devices = ports.flatMap((port) => communities.map((community) => ({ port, community, last: null as SnmpPollSample | null })));
const noSpeeds = new Map<number, number>();

let polls = 0;
let failures = 0;
let interfaces = 0;
let next = 0;
const deadline = Date.now() + seconds * 1000;
const cpuBefore = process.cpuUsage();
const started = performance.now();
await Promise.all(Array.from({ length: inFlight }, async () => {
  while (Date.now() < deadline) {
    const device = devices[next++ % devices.length]!;
    const credential = { id: 'bench', version: '2c' as const, community: device.community };
    const outcome = await pollDevice({ host: '127.0.0.1', port: device.port }, [credential], device.last, noSpeeds, settings);
    if (outcome.sample) {
      polls++;
      interfaces += outcome.sample.interfaces.length;
      device.last = outcome.sample;
    } else {
      failures++;
    }
  }
}));
const wallSeconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
console.log(JSON.stringify({ polls, failures, interfaces, wallSeconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 }));
