import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkDeviceList, sweepView } from '@steward/shared';
import { createUser } from '../../../collector/src/services/auth.js';
import { networkRuntimeOf } from '../../../collector/src/services/network/network-runtime.js';
import { toolAvailable } from '../snmp/support/required-tool.js';
import { fixture } from './support/fixtures.js';
import { eventually, loginAs, startSingleNetworkCollector } from './support/network-collector.js';
import { startNetworkSim, type NetworkSim } from './support/network-sim.js';

const runnable = toolAvailable('snmpsimd', 'snmpsim');

/**
 * Three devices answer the community "lab", each at its own loopback address (snmpsim picks the
 * file by community and address); the fourth address is silent.
 */
describe.skipIf(!runnable)('discovery sweeps', () => {
  let sim: NetworkSim;
  let c: Awaited<ReturnType<typeof startSingleNetworkCollector>>;
  let lab: string;
  let wrong: string;

  beforeAll(async () => {
    sim = await startNetworkSim(
      { 'lab/0': fixture('access-switch'), 'lab/1': fixture('core-switch'), 'lab/2': fixture('linux-host') },
      ['127.0.0.1', '127.0.0.2', '127.0.0.3'],
    );
    c = await startSingleNetworkCollector();
    // Tried first everywhere, answered nowhere: the sweep must move on to the next set.
    wrong = (await c.api('POST', '/api/v1/network/credentials', { name: 'old community', version: '2c', community: 'nobody-answers-this' })).body.id;
    lab = (await c.api('POST', '/api/v1/network/credentials', { name: 'lab', version: '2c', community: 'lab' })).body.id;
  }, 120_000);
  afterAll(async () => {
    await c?.stop();
    await sim?.stop();
  });

  const start = (body: object) => c.api('POST', '/api/v1/network/sweeps', { port: sim.port, timeoutMs: 1500, retries: 1, ...body });
  const finished = (id: string) => eventually(async () => {
    const view = (await c.api('GET', `/api/v1/network/sweeps/${id}`)).body;
    return view.status !== 'running' && view;
  }, 60_000, `sweep ${id} to end`);

  it('answers at once, then sweeps in the background and stores what answered', async () => {
    const answer = await start({ include: ['127.0.0.1-127.0.0.5'], exclude: ['127.0.0.5'] });
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ status: 'running', total: 4, credentialIds: [wrong, lab], port: sim.port });
    // The API keeps answering while the sweep runs.
    const health = await fetch(`${c.url}/api/v1/health`);
    expect(health.status).toBe(200);
    const during = (await c.api('GET', `/api/v1/network/sweeps/${answer.body.id}`)).body;
    expect(during.status).toBe('running');

    const view = await finished(answer.body.id);
    sweepView.parse(view);
    expect(view, JSON.stringify(view.results)).toMatchObject({ status: 'finished', total: 4, done: 4, identified: 3, noResponse: 1, errors: 0, devicesCreated: 3, devicesUpdated: 0, error: null });
    expect(view.results.map((r: { host: string }) => r.host).sort()).toEqual(['127.0.0.1', '127.0.0.2', '127.0.0.3']);
    expect(view.results.every((r: { status: string; credentialId: string; deviceId: string }) => r.status === 'identified' && r.credentialId === lab && r.deviceId)).toBe(true);
    expect(view.results.map((r: { sysName: string }) => r.sysName).sort()).toEqual(['access-sw-1', 'core-sw-1', 'web-01']);

    const devices = (await c.api('GET', '/api/v1/network/devices')).body;
    networkDeviceList.parse(devices);
    expect(devices.total).toBe(3);
    const byName = Object.fromEntries(devices.items.map((d: { hostname: string }) => [d.hostname, d]));
    expect(byName['access-sw-1']).toMatchObject({ address: '127.0.0.1', interfaceCount: 4, neighbourCount: 1, forwardingCount: 15, vendor: 'Cisco' });
    expect(byName['web-01']).toMatchObject({ address: '127.0.0.3', softwareCount: 5 });
    // Polled with the set that answered.
    const detail = (await c.api('GET', `/api/v1/network/devices/${byName['core-sw-1'].id}`)).body;
    expect(detail.credentialId).toBe(lab);
  });

  it('updates the same devices on a second sweep with only the set named', async () => {
    const answer = await start({ include: ['127.0.0.1-3'], credentialIds: [lab] });
    expect(answer.body.credentialIds).toEqual([lab]);
    const view = await finished(answer.body.id);
    expect(view).toMatchObject({ status: 'finished', identified: 3, devicesCreated: 0, devicesUpdated: 3 });
    expect((await c.api('GET', '/api/v1/network/devices')).body.total).toBe(3);
    const list = (await c.api('GET', '/api/v1/network/sweeps')).body.items;
    expect(list.map((s: { id: string }) => s.id)[0]).toBe(answer.body.id);
  });

  it('refuses bad targets, unknown credential sets and users without discovery:write', async () => {
    const tooMany = await start({ include: ['10.0.0.0/8'] });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.message).toMatch(/include/);
    expect((await start({ include: ['printer-room'] })).status).toBe(400);
    const unknown = await start({ include: ['127.0.0.1'], credentialIds: ['6f1c2d3e-0000-4000-8000-000000000000'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/credentialIds/);
    await createUser(c.database.db, 'auditor2', 'auditor-password', 'auditor');
    const auditor = await loginAs(c.url, 'auditor2', 'auditor-password');
    expect((await c.api('POST', '/api/v1/network/sweeps', { include: ['127.0.0.1'] }, auditor)).status).toBe(403);
    expect((await c.api('GET', '/api/v1/network/sweeps', undefined, auditor)).status).toBe(200);
  });

  it('stops a sweep that is cancelled, and marks one stopped with its collector interrupted', async () => {
    const silent = { include: ['127.0.1.1-127.0.1.200'], concurrency: 2 };
    const cancelled = (await start(silent)).body;
    const answer = await c.api('POST', `/api/v1/network/sweeps/${cancelled.id}/cancel`);
    expect(answer.body.status).toBe('cancelled');
    const ended = await finished(cancelled.id);
    expect(ended.done).toBeLessThan(ended.total);

    const running = (await start(silent)).body;
    await networkRuntimeOf(c.ctx).sweeps.stop();
    const view = (await c.api('GET', `/api/v1/network/sweeps/${running.id}`)).body;
    expect(view).toMatchObject({ status: 'interrupted' });
    expect(view.done).toBeLessThan(view.total);
  });
});
