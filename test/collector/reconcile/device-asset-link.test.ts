import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset, DeviceDetail, DeviceList, Finding, GlobalSearchAnswer } from '@steward/shared';
import { migrations } from '../../../collector/src/store/migrations/index.js';
import { migrate } from '../../../collector/src/store/migrate.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { startTestCollector, type TestCollector } from '../../support/collector.js';
import { createTestDatabase } from '../../support/database.js';
import { ApiClient } from './api-client.js';
import { settle } from './settle.js';
import { reportDevice, type AgentDevice } from './world.js';

const machine = (hostname: string, serial: string, n: number): AgentDevice => ({
  hostname, serial, manufacturer: 'HP', model: 'EliteDesk 800 G6', uuid: `bbbbbbbb-0000-4000-8000-00000000000${n}`,
  macs: [`3c:52:82:aa:00:0${n}`], cores: 4, os: 'Debian GNU/Linux', software: [],
});

/**
 * A device and its asset are tied by one link, whichever way it was made (matched by serial,
 * linked by hand from the findings queue, registered from a finding, or given on the asset), and
 * every screen, export and search that shows one shows the other.
 */
describe.each(CONTRACT_BACKENDS)('one link between a device and its asset on %s', (backend) => {
  let c: TestCollector;
  let api: ApiClient;
  let category: string;
  const assets: Record<string, Asset> = {};
  const devices: Record<string, string> = {};

  beforeAll(async () => {
    c = await startTestCollector(backend);
    api = await ApiClient.admin(c);
    category = (await api.post<{ id: string }>('/api/v1/register/categories', { name: 'Linked laptops', kind: 'hardware' })).id;
    const asset = (tag: string, serial: string) => api.post<Asset>('/api/v1/register/assets', { tag, name: `Laptop ${tag}`, categoryId: category, serial, status: 'deployed' });
    assets.matched = await asset('LNK-0001', 'LNKSERIAL01');
    assets.byHand = await asset('LNK-0002', 'OTHERSERIAL2');
    devices.matched = (await reportDevice(c, machine('lnk-matched', 'LNKSERIAL01', 1))).deviceId;
    devices.byHand = (await reportDevice(c, machine('lnk-by-hand', 'NOSUCHSERIAL3', 2))).deviceId;
    devices.registered = (await reportDevice(c, machine('lnk-registered', 'NOSUCHSERIAL4', 3))).deviceId;
    devices.given = (await reportDevice(c, machine('lnk-given', 'NOSUCHSERIAL5', 4))).deviceId;
    await settle(c);
  });
  afterAll(async () => c?.stop());

  const unregisteredFinding = async (deviceId: string) =>
    (await api.get<{ items: Finding[] }>(`/api/v1/findings?type=unregistered&deviceId=${deviceId}&limit=5`)).items[0]!;

  it('links by hand from the findings queue: the finding resolves naming its asset and who resolved it', async () => {
    const finding = await unregisteredFinding(devices.byHand!);
    expect(finding.state).toBe('open');
    const after = await api.post<Finding>(`/api/v1/findings/${finding.id}/actions`, { action: 'link', assetId: assets.byHand!.id });
    expect(after).toMatchObject({ state: 'resolved', assetId: assets.byHand!.id, updatedBy: 'admin' });
  });

  it('registers from a finding and takes the asset the device is given on the register', async () => {
    const finding = await unregisteredFinding(devices.registered!);
    const after = await api.post<Finding>(`/api/v1/findings/${finding.id}/actions`, { action: 'register', asset: { categoryId: category, tag: 'LNK-0003' } });
    expect(after).toMatchObject({ state: 'resolved', updatedBy: 'admin' });
    expect(after.assetId).not.toBeNull();
    assets.given = await api.post<Asset>('/api/v1/register/assets', { tag: 'LNK-0004', name: 'Given laptop', categoryId: category, status: 'deployed', deviceId: devices.given });
    await settle(c);
    const given = await unregisteredFinding(devices.given!);
    expect(given).toMatchObject({ state: 'resolved', assetId: assets.given.id });
  });

  const cases = [['matched', 'LNK-0001'], ['byHand', 'LNK-0002'], ['registered', 'LNK-0003'], ['given', 'LNK-0004']] as const;

  it.each(cases)('shows the %s device with its asset tag on its page and in the list, and the asset with its device', async (way, tag) => {
    const device = await api.get<DeviceDetail>(`/api/v1/devices/${devices[way]}`);
    expect(device.asset?.tag).toBe(tag);
    const list = await api.get<DeviceList>('/api/v1/devices?limit=100');
    expect(list.items.find((d) => d.id === devices[way])?.asset?.tag).toBe(tag);
    const byDevice = await api.get<{ items: Asset[] }>(`/api/v1/register/assets?deviceId=${devices[way]}`);
    expect(byDevice.items.map((a) => a.tag)).toEqual([tag]);
    const asset = await api.get<Asset>(`/api/v1/register/assets/${byDevice.items[0]!.id}`);
    expect(asset.deviceId).toBe(devices[way]);
    expect(asset.linkedDevice?.hostname).toBe(device.hostname);
  });

  it('says how each link was made and keeps a person\'s link when matching finds another asset', async () => {
    const how = async (way: keyof typeof devices) => (await api.get<DeviceDetail>(`/api/v1/devices/${devices[way]}`)).asset;
    expect(await how('matched')).toMatchObject({ method: 'auto', key: 'serial', linkedBy: null });
    expect(await how('byHand')).toMatchObject({ method: 'manual', key: 'manual', linkedBy: 'admin' });
    expect(await how('registered')).toMatchObject({ method: 'manual', key: 'register', linkedBy: 'admin' });
    const serialOf = (serial: string) => api.call('PATCH', `/api/v1/register/assets/${assets.matched!.id}`, { serial });
    await serialOf('NOSUCHSERIAL3');
    await api.post('/api/v1/reconcile/run?wait=true', {});
    await settle(c);
    expect((await how('byHand'))?.tag).toBe('LNK-0002');
    await serialOf('LNKSERIAL01');
    await api.post('/api/v1/reconcile/run?wait=true', {});
    await settle(c);
    expect((await how('matched'))?.tag).toBe('LNK-0001');
  });

  it('writes the asset tag into the devices export', async () => {
    const csv = await api.get<string>('/api/v1/devices/export');
    const rows = parse(csv.replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;
    expect(rows.find((r) => r.hostname === 'lnk-by-hand')?.asset_tag).toBe('LNK-0002');
    expect(rows.find((r) => r.hostname === 'lnk-registered')?.asset_tag).toBe('LNK-0003');
  });

  it('finds a device by its asset tag in the devices list and the global search', async () => {
    const list = await api.get<DeviceList>('/api/v1/devices?search=lnk-0002');
    expect(list.items.map((d) => d.hostname)).toEqual(['lnk-by-hand']);
    const found = await api.get<GlobalSearchAnswer>('/api/v1/search?q=LNK-0002');
    expect(found.devices).toEqual([expect.objectContaining({ id: devices.byHand, via: 'asset', assetTag: 'LNK-0002' })]);
    expect(found.assets?.map((a) => [a.tag, a.hostname])).toEqual([['LNK-0002', 'lnk-by-hand']]);
  });

  it('searches devices by serial, MAC and address, and takes LIKE wildcards literally', async () => {
    const search = (q: string) => api.get<GlobalSearchAnswer>(`/api/v1/search?q=${encodeURIComponent(q)}`);
    expect((await search('nosuchserial4')).devices?.map((d) => [d.hostname, d.via])).toEqual([['lnk-registered', 'serial']]);
    expect((await search('3C-52-82-AA-00-04')).devices?.map((d) => [d.hostname, d.via])).toEqual([['lnk-given', 'mac']]);
    expect((await search('127.0.0.1')).devices?.map((d) => d.via)).toEqual(['ip', 'ip', 'ip', 'ip']);
    const wild = await search('%_');
    expect([...wild.devices!, ...wild.assets!, ...wild.people!, ...wild.software!]).toEqual([]);
    expect((await api.raw('GET', '/api/v1/search?q=a')).status).toBe(400);
  });

  it('lists each device with its asset in the device reconciliation report', async () => {
    const csv = await api.get<string>('/api/v1/reports/device-reconciliation?format=csv&table=links');
    for (const [way, tag] of cases) {
      const hostname = (await api.get<DeviceDetail>(`/api/v1/devices/${devices[way]}`)).hostname;
      expect(csv).toMatch(new RegExp(`${hostname}.*${tag}`));
    }
  });

  it('leaves no link behind when its asset is deleted', async () => {
    const spare = await api.post<Asset>('/api/v1/register/assets', { tag: 'LNK-0009', name: 'Spare', categoryId: category, status: 'in_stock', deviceId: devices.given });
    await api.call('DELETE', `/api/v1/register/assets/${spare.id}`);
    const { rows } = await c.ctx.db.query('select 1 from device_asset_links where asset_id = $1', [spare.id]);
    expect(rows).toEqual([]);
  });
});

describe.each(CONTRACT_BACKENDS)('folding the asset device field into the link on %s', (backend) => {
  it('keeps the register\'s links, a person\'s other link winning, and drops the field', async () => {
    const t = await createTestDatabase(backend);
    try {
      await migrate(t.db, migrations.filter((m) => m.id < 20));
      const q = (sql: string, params: unknown[] = []) => t.db.query(sql, params);
      await q(`insert into devices (id, kind, hostname) values ('00000000-0000-4000-8000-0000000000d1', 'agent', 'fold-1'),
               ('00000000-0000-4000-8000-0000000000d2', 'agent', 'fold-2'), ('00000000-0000-4000-8000-0000000000d3', 'agent', 'fold-3')`);
      await q(`insert into register_categories (id, name, kind) values ('00000000-0000-4000-8000-0000000000c1', 'Fold', 'hardware')`);
      await q(`insert into register_assets (id, tag, name, category_id, status, device_id) values
               ('00000000-0000-4000-8000-0000000000a1', 'F-1', 'one', '00000000-0000-4000-8000-0000000000c1', 'deployed', '00000000-0000-4000-8000-0000000000d1'),
               ('00000000-0000-4000-8000-0000000000a2', 'F-2', 'two', '00000000-0000-4000-8000-0000000000c1', 'deployed', '00000000-0000-4000-8000-0000000000d2'),
               ('00000000-0000-4000-8000-0000000000a3', 'F-3', 'three', '00000000-0000-4000-8000-0000000000c1', 'deployed', null)`);
      await q(`insert into device_asset_links (device_id, asset_id, method, key, confidence, linked_by) values
               ('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-0000000000a1', 'auto', 'register', 1, null),
               ('00000000-0000-4000-8000-0000000000d2', '00000000-0000-4000-8000-0000000000a3', 'manual', 'manual', 1, 'alice'),
               ('00000000-0000-4000-8000-0000000000d3', '00000000-0000-4000-8000-0000000000ff', 'manual', 'manual', 1, 'bob')`);
      await migrate(t.db);
      const links = await q('select device_id, asset_id, method, key from device_asset_links order by device_id');
      expect(links.rows).toEqual([
        { device_id: '00000000-0000-4000-8000-0000000000d1', asset_id: '00000000-0000-4000-8000-0000000000a1', method: 'manual', key: 'register' },
        { device_id: '00000000-0000-4000-8000-0000000000d2', asset_id: '00000000-0000-4000-8000-0000000000a3', method: 'manual', key: 'manual' },
      ]);
      const column = await q("select 1 from information_schema.columns where table_name = 'register_assets' and column_name = 'device_id'");
      expect(column.rows).toEqual([]);
    } finally {
      await t.drop();
    }
  });
});
