import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { SoftwareEntry } from '@steward/shared';
import { TEST_ENROLL_SECRET, type TestCollector } from '../../support/collector.js';
import { makeReport } from '../../support/reports.js';

/** A machine as its agent presents it: hardware identifiers, the OS install's id and network cards. */
export interface Machine {
  hostname: string;
  uuid?: string;
  serial?: string;
  machineId?: string;
  macs: string[];
  software?: SoftwareEntry[];
}

let counter = 0;
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** A new physical machine with identifiers no other test uses. */
export function newMachine(prefix: string, software: SoftwareEntry[] = []): Machine {
  const n = ++counter + Math.floor(Math.random() * 1e6) * 100;
  return {
    hostname: `${prefix}-${n}`,
    uuid: `4c4c4544-${hex(n % 0xffff, 4)}-4000-8000-${hex(n, 12)}`,
    serial: `SN${hex(n, 10).toUpperCase()}`,
    machineId: randomUUID().replace(/-/g, ''),
    macs: [`3c:52:82:${hex((n >> 16) & 0xff, 2)}:${hex((n >> 8) & 0xff, 2)}:${hex(n & 0xff, 2)}`],
    software,
  };
}

export function machineReport(agentId: string, m: Machine, collectedAt = new Date()) {
  return makeReport(agentId, {
    collectedAt: collectedAt.toISOString(),
    identity: { hostname: m.hostname, hardwareUuid: m.uuid, serialNumber: m.serial, machineId: m.machineId, macAddresses: m.macs },
    hardware: {
      system: { manufacturer: 'HP', model: 'EliteBook 840 G8', serial: m.serial, uuid: m.uuid },
      bios: {}, cpu: { cores: 4 }, memory: { modules: [] }, disks: [], gpus: [],
      networkInterfaces: m.macs.map((mac, i) => ({ name: `eth${i}`, mac, ipv4: [], ipv6: [] })),
    },
    os: { platform: 'linux', name: 'Debian GNU/Linux', version: '12' },
    software: m.software ?? [{ name: 'bash', version: '5.2', source: 'dpkg' }],
  });
}

export interface Agent { agentId: string; token: string }

/** Enrols as a freshly installed agent (an empty state folder), presenting what it knows of its machine. */
export async function enrol(c: TestCollector, m: Machine, secret = TEST_ENROLL_SECRET): Promise<Response> {
  return fetch(`${c.url}/api/v1/agents/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      protocol: 1, secret, hostname: m.hostname, hardwareUuid: m.uuid, serialNumber: m.serial, macAddresses: m.macs, machineId: m.machineId,
      agentVersion: '0.1.0', platform: 'linux',
    }),
  });
}

export async function enrolled(c: TestCollector, m: Machine): Promise<Agent> {
  const response = await enrol(c, m);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Agent;
}

export function postReport(c: TestCollector, agent: Agent, m: Machine, collectedAt = new Date()): Promise<Response> {
  return fetch(`${c.url}/api/v1/agents/report`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${agent.token}` },
    body: JSON.stringify(machineReport(agent.agentId, m, collectedAt)),
  });
}

/** Posts a report that must be stored; answers the device it was stored on. */
export async function reported(c: TestCollector, agent: Agent, m: Machine, collectedAt = new Date()): Promise<string> {
  const response = await postReport(c, agent, m, collectedAt);
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as { deviceId: string }).deviceId;
}

/** A new agent on the machine, enrolled and reporting: answers the agent and its device. */
export async function install(c: TestCollector, m: Machine): Promise<Agent & { deviceId: string }> {
  const agent = await enrolled(c, m);
  return { ...agent, deviceId: await reported(c, agent, m) };
}
