// Filesystems, point releases, every interface with its virtual kind and the processor's
// architecture: the collector keeps what the agent reports of them, on every back end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolTestAgent, startTestCollector, type TestCollector } from '../support/collector.js';
import { CONTRACT_BACKENDS } from '../support/backends.js';
import { makeReport } from '../support/reports.js';

const FILESYSTEMS = [
  { mountPoint: '/', type: 'ext4', sizeBytes: 270553174016, freeBytes: 81835511808, device: '/dev/vda', label: 'root', uuid: '0b6f1c9e-7d0c-4d43-9d8a-3f1c2a1b0e11' },
  { mountPoint: '/srv/data', type: 'nfs4', sizeBytes: 4398046511104, freeBytes: 1099511627776, device: 'nas.example.com:/export/data' },
];

describe.each(CONTRACT_BACKENDS)('agent reports on %s', (backend) => {
  let c: TestCollector;
  let agent: { agentId: string; token: string };
  beforeAll(async () => {
    c = await startTestCollector(backend);
    agent = await enrolTestAgent(c.url, 'vol-host');
  });
  afterAll(async () => c?.stop());

  const post = (body: unknown) => fetch(`${c.url}/api/v1/agents/report`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${agent.token}` }, body: JSON.stringify(body),
  });

  it('keeps filesystems, the point release, virtual interfaces and the architecture, and shows them in the device API', async () => {
    const base = makeReport(agent.agentId, { identity: { hostname: 'vol-host', macAddresses: [] } });
    const report = {
      ...base,
      hardware: {
        ...base.hardware,
        cpu: { ...base.hardware.cpu, arch: 'x86_64', isaLevel: 'x86-64-v3' },
        filesystems: FILESYSTEMS,
        networkInterfaces: [
          ...base.hardware.networkInterfaces,
          { name: 'docker0', mac: '02:42:ac:11:00:01', ipv4: ['172.17.0.1'], ipv6: [], virtual: true, virtualKind: 'docker', status: 'down' },
          { name: 'lo', ipv4: ['127.0.0.1'], ipv6: ['::1'], virtual: true, virtualKind: 'loopback', status: 'up', type: 'loopback' },
        ],
      },
      os: { platform: 'linux', name: 'Debian GNU/Linux', version: '12.11', displayVersion: 'bookworm', arch: 'x86_64', users: { lastLoggedOn: 'alice' } },
    };
    const answer = await post(report);
    expect(answer.status).toBe(200);
    const { deviceId } = await answer.json();
    const device = await (await fetch(`${c.url}/api/v1/devices/${deviceId}`, { headers: await c.adminAuth() })).json();
    expect(device.hardware.filesystems).toEqual(FILESYSTEMS);
    expect(device.hardware.cpu).toMatchObject({ arch: 'x86_64', isaLevel: 'x86-64-v3' });
    expect(device.hardware.networkInterfaces.map((n: { name: string; virtualKind?: string; status?: string }) => [n.name, n.virtualKind, n.status]))
      .toEqual([['eth0', undefined, undefined], ['docker0', 'docker', 'down'], ['lo', 'loopback', 'up']]);
    expect(device.os).toMatchObject({ version: '12.11', displayVersion: 'bookworm', users: { lastLoggedOn: 'alice' } });
  });

  it('refuses a filesystem with a negative size, naming the field, and stores nothing of it', async () => {
    const base = makeReport(agent.agentId, { identity: { hostname: 'vol-host', macAddresses: [] } });
    const before = await c.database.db.query<{ n: number }>('select count(*)::int as n from agent_reports');
    const answer = await post({ ...base, hardware: { ...base.hardware, filesystems: [{ mountPoint: '/', sizeBytes: -1 }] } });
    expect(answer.status).toBe(400);
    expect((await answer.json()).message).toMatch(/hardware\.filesystems\.0\.sizeBytes/);
    const after = await c.database.db.query<{ n: number }>('select count(*)::int as n from agent_reports');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });
});
