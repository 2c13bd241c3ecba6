import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { SoftwareEntry } from '@steward/shared';
import { enrolTestAgent, type TestCollector } from '../../support/collector.js';
import { makeReport } from '../../support/reports.js';
import type { ApiClient } from './api-client.js';

/**
 * A small estate, built through the real API, whose licence position and findings the tests work
 * out by hand: seven agent devices, a switch and a Windows host seen by SNMP, and a register with
 * people, departments, locations and assets.
 */

export interface Register {
  categories: { ws: string; srv: string; net: string };
  people: { alice: string; bob: string; carol: string };
  departments: { finance: string; engineering: string };
  assets: Record<'a1' | 'a2' | 'a3' | 'a5' | 'a6a' | 'a6b' | 'a7' | 'a8', string>;
}

export async function buildRegister(api: ApiClient): Promise<Register> {
  const id = async (path: string, body: unknown) => (await api.post<{ id: string }>(`/api/v1/register/${path}`, body)).id;
  const ws = await id('categories', { name: 'Reconciled workstations', kind: 'hardware', missingAfterDays: 14 });
  const srv = await id('categories', { name: 'Reconciled servers', kind: 'hardware', missingAfterDays: 7 });
  const net = await id('categories', { name: 'Reconciled switches', kind: 'networking', missingAfterDays: 14 });
  const hp = await id('manufacturers', { name: 'HP Inc.' });
  const hpe = await id('manufacturers', { name: 'Hewlett Packard Enterprise' });
  const cisco = await id('manufacturers', { name: 'Cisco Systems' });
  const mWs = await id('models', { name: 'EliteDesk 800 G6', categoryId: ws, manufacturerId: hp });
  const mSrv = await id('models', { name: 'ProLiant DL380 Gen10', categoryId: srv, manufacturerId: hpe });
  const mSw = await id('models', { name: 'Catalyst 2960-X', modelNumber: 'WS-C2960X', categoryId: net, manufacturerId: cisco });
  const hq = await id('locations', { name: 'HQ', kind: 'site' });
  const buildingA = await id('locations', { name: 'Building A', kind: 'building', parentId: hq });
  const buildingB = await id('locations', { name: 'Building B', kind: 'building', parentId: hq });
  const roomA = await id('locations', { name: 'A-101', kind: 'room', parentId: buildingA });
  const roomB = await id('locations', { name: 'B-201', kind: 'room', parentId: buildingB });
  const finance = await id('departments', { name: 'Finance' });
  const engineering = await id('departments', { name: 'Engineering' });
  const alice = await id('people', { name: 'Alice Archer', username: 'alice', email: 'alice@corp.example', departmentId: finance });
  const bob = await id('people', { name: 'Bob Brown', username: 'bob', departmentId: engineering });
  const carol = await id('people', { name: 'Carol Clark', username: 'carol', departmentId: engineering });
  const asset = (body: Record<string, unknown>) => id('assets', { status: 'in_stock', ...body });
  const a1 = await asset({ name: 'Alice laptop', categoryId: ws, modelId: mWs, serial: 'CZC0000001', locationId: roomA });
  const a2 = await asset({ name: 'ws-b', categoryId: ws, modelId: mWs, serial: 'CZC0000002', locationId: roomA });
  const a3 = await asset({ name: 'SRV-1', categoryId: srv, modelId: mSrv, serial: 'SRV00001', locationId: roomB });
  const a5 = await asset({ name: 'Carol desktop', categoryId: ws, modelId: mWs, serial: 'CZC0000005', locationId: roomB });
  const a6a = await asset({ name: 'Spare one', categoryId: ws, modelId: mWs, serial: 'DUPSERIAL1' });
  const a6b = await asset({ name: 'Spare two', categoryId: ws, modelId: mWs, serial: 'DUPSERIAL1' });
  const a7 = await asset({ name: 'ws-c', categoryId: ws, modelId: mWs, serial: 'CZC0000003', locationId: roomB });
  const a8 = await asset({ name: 'core-sw', categoryId: net, modelId: mSw, serial: 'FOC1234X0AB', locationId: roomB });
  const checkout = (asset: string, type: string, target: string) => api.post(`/api/v1/register/assets/${asset}/checkout`, { target: { type, id: target } });
  await checkout(a1, 'person', alice);
  await checkout(a2, 'person', bob);
  await checkout(a3, 'department', engineering);
  await checkout(a5, 'person', carol);
  await checkout(a8, 'location', roomB);
  return {
    categories: { ws, srv, net },
    people: { alice, bob, carol },
    departments: { finance, engineering },
    assets: { a1, a2, a3, a5, a6a, a6b, a7, a8 },
  };
}

const sw = (name: string, publisher = 'Microsoft Corporation', version?: string): SoftwareEntry => ({ name, publisher, version, source: 'registry' });

export interface AgentDevice {
  hostname: string;
  serial: string;
  manufacturer: string;
  model: string;
  uuid: string;
  macs: string[];
  user?: string;
  cores: number;
  sockets?: number;
  os: string;
  software: SoftwareEntry[];
}

/** The agent devices, in the order they report (which decides who comes last for a licence). */
export const AGENT_DEVICES: AgentDevice[] = [
  {
    hostname: 'ws-a', serial: 'CZC0000001', manufacturer: 'HP', model: 'HP EliteDesk 800 G6 SFF', uuid: 'aaaaaaaa-0000-4000-8000-000000000001',
    macs: ['3c:52:82:00:00:01'], user: 'CORP\\alice', cores: 8, os: 'Microsoft Windows 11 Pro',
    software: [
      sw('Microsoft Office Professional Plus 2019', 'Microsoft Corporation', '16.0.10827.20181'),
      sw('Microsoft Office Word MUI (English) 2019'),
      sw('Microsoft Visio Professional 2016'),
      sw('Adobe Photoshop 2024', 'Adobe Inc.', '25.1'),
      sw('Visual Studio Professional 2022', 'Microsoft Corporation', '17.8.3'),
      sw('Mozilla Firefox 120.0 (x64 en-US)', 'Mozilla', '120.0'),
      sw('Contoso Widget Studio', 'Contoso Ltd', '3.2'),
    ],
  },
  {
    hostname: 'ws-b', serial: 'To Be Filled By O.E.M.', manufacturer: 'Dell Inc.', model: 'OptiPlex 7090', uuid: '00000000-0000-0000-0000-000000000000',
    macs: ['a0:ce:c8:00:00:99'], user: 'dave', cores: 4, os: 'Microsoft Windows 10 Pro',
    software: [
      sw('Microsoft Office Professional Plus 2016', 'Microsoft Corporation', '16.0.4266.1001'),
      sw('Adobe Photoshop 2024', 'Adobe Inc.', '25.1'),
      sw('Contoso Widget Studio', 'Contoso Ltd', '3.2'),
    ],
  },
  {
    hostname: 'srv-1', serial: 'SRV00001', manufacturer: 'HPE', model: 'ProLiant DL380 Gen10', uuid: 'aaaaaaaa-0000-4000-8000-000000000003',
    macs: ['94:40:c9:00:00:03'], user: 'CORP\\svc-sql', cores: 12, sockets: 2, os: 'Microsoft Windows Server 2019 Datacenter',
    software: [sw('Microsoft SQL Server 2019 (64-bit)'), sw('SQL Server 2019 Database Engine Services')],
  },
  {
    hostname: 'ws-new', serial: 'CZC0000077', manufacturer: 'HP', model: 'EliteDesk 800 G6', uuid: 'aaaaaaaa-0000-4000-8000-000000000004',
    macs: ['a0:ce:c8:00:00:99', '3c:52:82:00:00:04'], user: 'erin', cores: 8, os: 'Microsoft Windows 11 Pro',
    software: [sw('Microsoft Office Professional Plus 2019'), sw('TeamViewer 15', 'TeamViewer', '15.48.4')],
  },
  {
    hostname: 'dup-ws', serial: 'DUPSERIAL1', manufacturer: 'HP', model: 'EliteDesk 800 G6', uuid: 'aaaaaaaa-0000-4000-8000-000000000005',
    macs: ['3c:52:82:00:00:05'], user: 'frank', cores: 8, os: 'Debian GNU/Linux',
    software: [sw('Microsoft Office Standard 2016'), sw('TeamViewer 15', 'TeamViewer', '15.48.4')],
  },
  {
    hostname: 'ws-old', serial: 'CZC0000005', manufacturer: 'HP', model: 'HP EliteDesk 800 G6', uuid: 'aaaaaaaa-0000-4000-8000-000000000006',
    macs: ['3c:52:82:00:00:06'], user: 'carol', cores: 8, os: 'Debian GNU/Linux',
    software: [sw('Microsoft Visio Standard 2019')],
  },
  {
    hostname: 'ws-c', serial: 'CZC0000099', manufacturer: 'HP', model: 'EliteDesk 800 G6', uuid: 'aaaaaaaa-0000-4000-8000-000000000007',
    macs: ['3c:52:82:00:00:07'], user: 'ALICE', cores: 8, os: 'Debian GNU/Linux',
    software: [sw('Visual Studio Professional 2022', 'Microsoft Corporation', '17.8.3')],
  },
];

export function agentReport(agentId: string, d: AgentDevice, collectedAt = new Date()) {
  return makeReport(agentId, {
    collectedAt: collectedAt.toISOString(),
    identity: { hostname: d.hostname, hardwareUuid: d.uuid, serialNumber: d.serial, macAddresses: d.macs },
    hardware: {
      system: { manufacturer: d.manufacturer, model: d.model, serial: d.serial, uuid: d.uuid },
      bios: {},
      cpu: { cores: d.cores, sockets: d.sockets ?? 1, threads: d.cores * 2 },
      memory: { modules: [] },
      disks: [],
      networkInterfaces: d.macs.map((mac, i) => ({ name: `eth${i}`, mac, ipv4: [], ipv6: [] })),
      gpus: [],
    },
    os: { platform: d.os.startsWith('Microsoft') ? 'windows' : 'linux', name: d.os, version: '10.0', users: d.user ? { lastLoggedOn: d.user } : undefined },
    software: d.software,
  });
}

export interface Reporter {
  agentId: string;
  token: string;
  deviceId: string;
}

/** Enrols an agent for the device and posts its report through the agent API. */
export async function reportDevice(c: TestCollector, d: AgentDevice, reporter?: Reporter, collectedAt = new Date()): Promise<Reporter> {
  const agent = reporter ?? { ...(await enrolTestAgent(c.url, d.hostname)), deviceId: '' };
  const response = await fetch(`${c.url}/api/v1/agents/report`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${agent.token}` },
    body: JSON.stringify(agentReport(agent.agentId, d, collectedAt)),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  const answer = (await response.json()) as { deviceId: string };
  return { agentId: agent.agentId, token: agent.token, deviceId: answer.deviceId };
}

function probe(host: string, sysName: string, identity: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    target: { host, port: 161 }, credentialId: 'test', version: '2c', probedAt: new Date().toISOString(), durationMs: 10,
    system: { sysName, sysDescr: `${sysName} test device`, sysObjectID: '1.3.6.1.4.1.9.1.1208' },
    identity, interfaces: [], addresses: [], software: [], storage: [], hostDevices: [], entities: [], neighbours: [],
    forwarding: [], walks: [], problems: [], ...extra,
  };
}

/** The switch: it has learned ws-a's MAC alone on Gi0/5, and many on its uplink. */
export function switchProbe() {
  const uplink = Array.from({ length: 6 }, (_, i) => ({ source: 'dot1d', mac: `00:11:22:33:44:${String(i).padStart(2, '0')}`, bridgePort: 48, ifName: 'Gi0/48', status: 'learned' }));
  return probe('192.0.2.10', 'core-sw', { vendor: 'Cisco', model: 'WS-C2960X', serial: 'FOC1234X0AB', deviceType: 'switch' }, {
    forwarding: [{ source: 'dot1d', mac: '3c:52:82:00:00:01', bridgePort: 5, ifName: 'Gi0/5', status: 'learned' }, ...uplink],
  });
}

/** A Windows host only SNMP sees; its name starts like a spreadsheet formula. */
export function legacyHostProbe() {
  return probe('192.0.2.20', '=legacy-srv', { vendor: 'Microsoft', os: 'Windows Server 2003' }, {
    software: [
      { name: 'Microsoft Office Enterprise 2007', source: 'hrSWInstalled' },
      { name: 'WinRAR', version: '4.20', source: 'hrSWInstalled' },
      { name: 'Microsoft .NET Framework 2.0', source: 'hrSWInstalled' },
    ],
  });
}

export async function registerProbe(api: ApiClient, result: unknown): Promise<string> {
  return (await api.post<{ deviceId: string }>('/api/v1/network/discoveries', { result })).deviceId;
}

export const LICENCE_KEY = `KEYAA-${randomUUID().slice(0, 5).toUpperCase()}-CCCCC-DDDDD-EEEEE`;
