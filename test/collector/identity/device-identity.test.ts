import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceDetail, Finding, IdentityReview, LicencePosition } from '@steward/shared';
import { startTestCollector, type TestCollector } from '../../support/collector.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { ApiClient } from '../reconcile/api-client.js';
import { backfillDeviceEvidence } from '../../../collector/src/store/identity/evidence.js';
import { junkIdentifiers } from '../../../collector/src/reconcile/identity/junk-identifiers.js';
import { install, newMachine, postReport, reported, type Machine } from './machines.js';

const VISUAL_STUDIO = { name: 'Visual Studio Professional 2022', publisher: 'Microsoft Corporation', version: '17.8.3', source: 'registry' as const };

/**
 * One machine, one device, through the real agent API: a reinstalled agent, a reimaged laptop, a
 * cloned VM template and a repaired motherboard come out as the identity rules say, and a doubtful
 * pair is merged and un-merged by a person with nothing lost.
 */
describe.each(CONTRACT_BACKENDS)('device identity on %s', (backend) => {
  let c: TestCollector;
  let api: ApiClient;
  beforeAll(async () => {
    c = await startTestCollector(backend);
    api = await ApiClient.admin(c);
  });
  afterAll(async () => c?.stop());

  const devicesNamed = async (hostname: string) =>
    (await api.get<{ items: DeviceDetail[] }>(`/api/v1/devices?search=${encodeURIComponent(hostname)}&limit=100`)).items.filter((d) => d.hostname === hostname);
  const reviewsOf = (deviceId: string) => api.get<{ items: IdentityReview[] }>(`/api/v1/devices/identity-reviews?deviceId=${deviceId}`);
  const findingsOf = async (deviceId: string) => (await api.get<{ items: Finding[] }>(`/api/v1/findings?deviceId=${deviceId}&limit=1000`)).items;
  const later = (seconds: number) => new Date(Date.now() + seconds * 1000);

  it('keeps one device and one licence consumption when an agent enrols again with an empty state folder', async () => {
    const laptop = newMachine('reenrol', [VISUAL_STUDIO]);
    const first = await install(c, laptop);
    await api.post('/api/v1/reconcile/run?wait=true', {});
    const consumedBefore = (await api.get<{ items: LicencePosition[] }>('/api/v1/licenses/position?productId=microsoft-visual-studio')).items[0]!.consumed;
    expect(consumedBefore).toBe(1);
    const ws = new WebSocket(`${c.url.replace('http', 'ws')}/api/v1/agents/ws`, { headers: { authorization: `Bearer ${first.token}` } });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    // Reinstalled: the state folder is gone, so the new agent has no token and enrols anew.
    const second = await install(c, laptop);
    expect(await closed).toBe(1008);
    expect(second.agentId).not.toBe(first.agentId);
    expect(second.deviceId).toBe(first.deviceId);
    expect(await devicesNamed(laptop.hostname)).toHaveLength(1);
    await api.post('/api/v1/reconcile/run?wait=true', {});
    expect((await api.get<{ items: LicencePosition[] }>('/api/v1/licenses/position?productId=microsoft-visual-studio')).items[0]!.consumed).toBe(1);
    // The old agent is retired, its reports kept with the device; its token is refused.
    const agents = (await api.get<{ items: Array<{ id: string; status: string; deviceId: string }> }>('/api/v1/agents?limit=1000')).items;
    expect(agents.find((a) => a.id === first.agentId)).toMatchObject({ status: 'retired', deviceId: first.deviceId });
    const { rows } = await c.ctx.db.query<{ agent_id: string }>('select agent_id from agent_reports where device_id = $1', [first.deviceId]);
    expect(new Set(rows.map((r) => r.agent_id))).toEqual(new Set([first.agentId, second.agentId]));
    const stale = await postReport(c, first, laptop, later(5));
    expect(stale.status).toBe(403);
    expect((await stale.json()).error).toBe('agent_replaced');
  });

  it('takes a reimaged laptop (same hardware, new OS install) as the same device', async () => {
    const laptop = newMachine('reimaged');
    const before = await install(c, laptop);
    const reimaged: Machine = { ...laptop, machineId: 'f'.repeat(8) + before.agentId.replace(/-/g, '').slice(8) };
    const after = await install(c, reimaged);
    expect(after.deviceId).toBe(before.deviceId);
    expect(await devicesNamed(laptop.hostname)).toHaveLength(1);
  });

  it('keeps a VM cloned from a template (same machine id, new hardware UUID) as a device of its own, with no question asked', async () => {
    const template = { ...newMachine('vm-template'), macs: ['00:50:56:aa:bb:01'] };
    const original = await install(c, template);
    const clone: Machine = { ...newMachine('vm-clone'), machineId: template.machineId, macs: ['00:50:56:aa:bb:02'] };
    const copy = await install(c, clone);
    expect(copy.deviceId).not.toBe(original.deviceId);
    expect((await reviewsOf(copy.deviceId)).items).toEqual([]);
  });

  it('keeps a repaired machine (same serial and OS install, new motherboard UUID) as the same device', async () => {
    const desk = newMachine('board-kept');
    const before = await install(c, desk);
    const after = await install(c, { ...desk, uuid: newMachine('x').uuid });
    expect(after.deviceId).toBe(before.deviceId);
  });

  it('asks a person about a doubtful pair; a merge leaves one device, and un-merging gives both back with nothing lost', async () => {
    const desk = newMachine('board-swap', [VISUAL_STUDIO]);
    const old = await install(c, desk);
    const swapped: Machine = { ...desk, uuid: newMachine('x').uuid, machineId: newMachine('x').machineId, software: [VISUAL_STUDIO, { name: 'htop', version: '3', source: 'dpkg' }] };
    const fresh = await install(c, swapped);
    expect(fresh.deviceId).not.toBe(old.deviceId);
    const [review] = (await reviewsOf(fresh.deviceId)).items;
    expect(review).toMatchObject({ kind: 'possible-duplicate', rule: 'motherboard-swap', state: 'open', deviceId: fresh.deviceId, otherDeviceId: old.deviceId });
    await api.post('/api/v1/reconcile/run?wait=true', {});
    const finding = (await findingsOf(fresh.deviceId)).find((f) => f.type === 'duplicate');
    expect(finding).toMatchObject({ state: 'open', subtype: 'possible-duplicate' });
    const consumed = async () => (await api.get<{ items: LicencePosition[] }>('/api/v1/licenses/position?productId=microsoft-visual-studio')).items[0]!.consumed;
    const consumedApart = await consumed();
    const keptBefore = await api.get<DeviceDetail>(`/api/v1/devices/${old.deviceId}`);
    const mergedBefore = await api.get<DeviceDetail>(`/api/v1/devices/${fresh.deviceId}`);
    const mergedFindings = await findingsOf(fresh.deviceId);

    const merge = await api.post<{ id: string; keptDeviceId: string }>('/api/v1/devices/merges', { keepDeviceId: old.deviceId, mergeDeviceId: fresh.deviceId });
    expect(await devicesNamed(desk.hostname)).toHaveLength(1);
    expect((await api.raw('GET', `/api/v1/devices/${fresh.deviceId}`)).status).toBe(404);
    expect((await findingsOf(fresh.deviceId)).filter((f) => f.state === 'open')).toEqual([]);
    await api.post('/api/v1/reconcile/run?wait=true', {});
    expect(await consumed()).toBe(consumedApart - 1);

    await api.post(`/api/v1/devices/merges/${merge.id}/unmerge`, {});
    const comparable = (d: DeviceDetail) => ({ ...d, online: false, lastSeen: null });
    expect(comparable(await api.get<DeviceDetail>(`/api/v1/devices/${fresh.deviceId}`))).toEqual(comparable(mergedBefore));
    expect(comparable(await api.get<DeviceDetail>(`/api/v1/devices/${old.deviceId}`))).toEqual(comparable(keptBefore));
    expect((await findingsOf(fresh.deviceId)).map((f) => [f.id, f.state]).sort()).toEqual(mergedFindings.map((f) => [f.id, f.state]).sort());
    expect((await reviewsOf(fresh.deviceId)).items[0]).toMatchObject({ id: review!.id, state: 'open' });
    await api.post('/api/v1/reconcile/run?wait=true', {});
    expect(await consumed()).toBe(consumedApart);
    // Undone once, the merge is not undone twice.
    expect((await api.raw('POST', `/api/v1/devices/merges/${merge.id}/unmerge`, {})).status).toBe(409);
    const { rows } = await c.ctx.db.query<{ action: string }>(
      "select action from audit_log where action in ('device.merge', 'device.unmerge') and object_id = $1 order by id", [old.deviceId]);
    expect(rows.map((r) => r.action)).toEqual(['device.merge', 'device.unmerge']);
    // Merged again, the merged device's agent reports for the kept device.
    await api.post('/api/v1/devices/merges', { keepDeviceId: old.deviceId, mergeDeviceId: fresh.deviceId });
    expect(await reported(c, fresh, swapped, later(10))).toBe(old.deviceId);
    expect(await devicesNamed(desk.hostname)).toHaveLength(1);
  });

  it('settles a doubt by keeping the two devices apart: the finding goes, and the choice is audited', async () => {
    const desk = newMachine('kept-apart');
    const old = await install(c, desk);
    const fresh = await install(c, { ...desk, uuid: newMachine('x').uuid, machineId: undefined });
    expect((await reviewsOf(fresh.deviceId)).items).toHaveLength(1);
    await api.post('/api/v1/reconcile/run?wait=true', {});
    expect((await findingsOf(fresh.deviceId)).some((f) => f.type === 'duplicate' && f.state === 'open')).toBe(true);
    await api.post('/api/v1/devices/keep-apart', { deviceId: fresh.deviceId, otherDeviceId: old.deviceId, reason: 'two machines share a refurbished chassis serial' });
    expect((await findingsOf(fresh.deviceId)).filter((f) => f.type === 'duplicate').map((f) => f.state)).toEqual(['resolved']);
    expect((await reviewsOf(fresh.deviceId)).items[0]).toMatchObject({ state: 'kept-apart', decidedBy: 'admin' });
    const { rows } = await c.ctx.db.query("select 1 from audit_log where action = 'device.keep-apart' and object_id = $1", [fresh.deviceId]);
    expect(rows).toHaveLength(1);
  });

  it('gives devices stored before evidence was kept the same evidence their reports would, so their machines re-enrol onto them', async () => {
    const desk: Machine = { ...newMachine('stored-before'), macs: [newMachine('x').macs[0]!, '02:42:ac:11:00:02', '00:50:56:a1:b2:c3'] };
    const before = await install(c, desk);
    const evidence = async () => (await c.ctx.db.query<{ key: string; value: string }>(
      'select key, value from device_identity_evidence where device_id = $1 order by key, value', [before.deviceId])).rows;
    const recorded = await evidence();
    expect(recorded.map((r) => r.key)).toEqual(['hardware_uuid', 'mac', 'machine_id', 'serial']);
    await c.ctx.db.query('delete from device_identity_evidence where device_id = $1', [before.deviceId]);
    expect(await backfillDeviceEvidence(c.ctx.db, junkIdentifiers())).toBeGreaterThanOrEqual(1);
    expect(await evidence()).toEqual(recorded);
    expect((await install(c, desk)).deviceId).toBe(before.deviceId);
  });

  it('refuses a merge of a device into itself or of an unknown device, naming the field', async () => {
    const desk = await install(c, newMachine('merge-refusals'));
    const self = await api.raw('POST', '/api/v1/devices/merges', { keepDeviceId: desk.deviceId, mergeDeviceId: desk.deviceId });
    expect(self.status).toBe(400);
    expect((await self.json()).message).toMatch(/mergeDeviceId/);
    const unknown = await api.raw('POST', '/api/v1/devices/merges', { keepDeviceId: desk.deviceId, mergeDeviceId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).message).toMatch(/mergeDeviceId/);
  });
});
