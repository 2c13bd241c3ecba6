import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, LicencePosition, PositionList } from '@steward/shared';
import { openSecret } from '../../../collector/src/services/secrets.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { startTestCollector, type TestCollector } from '../../support/collector.js';
import { ApiClient } from './api-client.js';
import { settle } from './settle.js';
import { reconciliationSnapshot } from './snapshot.js';
import {
  AGENT_DEVICES, buildRegister, legacyHostProbe, LICENCE_KEY, registerProbe, reportDevice, switchProbe, type Register, type Reporter,
} from './world.js';

const figuresOf = (p: LicencePosition | undefined) => p && {
  metric: p.metric, entitled: p.entitled, consumed: p.consumed, covered: p.covered, shortfall: p.shortfall,
  surplus: p.surplus, shortfallCost: p.shortfallCost, installs: p.installs, unlicensed: p.unlicensed, shelfware: p.shelfware,
};

describe.each(CONTRACT_BACKENDS)('reconciliation of a small estate on %s', (backend) => {
  let c: TestCollector;
  let api: ApiClient;
  let reg: Register;
  const devices = new Map<string, Reporter>();
  let switchId: string;
  let legacyId: string;
  const entitlements: Record<string, string> = {};
  const position = async (productId: string) => (await api.get<PositionList>(`/api/v1/licenses/position?productId=${productId}`)).items[0];
  const findings = async (query = '') => (await api.get<{ items: Finding[] }>(`/api/v1/findings?limit=1000${query}`)).items;

  beforeAll(async () => {
    c = await startTestCollector(backend);
    api = await ApiClient.admin(c);
  });
  afterAll(async () => c?.stop());

  it('builds the register and the entitlements through the API; keys are sealed and never answered', async () => {
    reg = await buildRegister(api);
    const add = async (name: string, body: Record<string, unknown>) => {
      const created = await api.post<{ id: string; licenceKeyCount: number }>('/api/v1/licenses/entitlements', body);
      entitlements[name] = created.id;
      return created;
    };
    const office = await add('officeProPlus', {
      productId: 'microsoft-office', metric: 'device', quantity: 3, release: '2019', downgradeRights: true,
      editions: ['Professional Plus'], unitCost: 400, vendor: 'Contoso Reseller', contract: 'EA-1', licenceKeys: [LICENCE_KEY],
    });
    expect(office.licenceKeyCount).toBe(1);
    expect(JSON.stringify(office)).not.toContain(LICENCE_KEY);
    await add('officeStd', { productId: 'microsoft-office', metric: 'device', quantity: 1, release: '2016', editions: ['Standard'], unitCost: 250 });
    await add('winServer', { productId: 'microsoft-windows-server', metric: 'core', quantity: 8, release: '2019', unitCost: 100 });
    await add('sql', { productId: 'microsoft-sql-server', metric: 'core', quantity: 24, release: '2022', downgradeRights: true, unitCost: 50 });
    await add('photoshop', { productId: 'adobe-photoshop', metric: 'subscription', quantity: 1, termEnd: '2099-12-31', unitCost: 300, allocations: [{ targetKind: 'user', target: 'bob' }] });
    await add('photoshopOld', { productId: 'adobe-photoshop', metric: 'subscription', quantity: 5, termStart: '2019-01-01', termEnd: '2020-12-31', unitCost: 200 });
    await add('visio', { productId: 'microsoft-visio', metric: 'device', quantity: 2, release: '2019' });
    await add('winrar', { productId: 'winrar', metric: 'site' });
    await add('vs', { productId: 'microsoft-visual-studio', metric: 'user', quantity: 1, release: '2022' });
    await add('teamviewer', { productId: 'teamviewer', metric: 'concurrent', quantity: 1 });

    const read = await api.get(`/api/v1/licenses/entitlements/${entitlements.officeProPlus}`);
    expect(JSON.stringify(read)).not.toContain(LICENCE_KEY);
    const { rows } = await c.ctx.db.query<{ sealed: string }>('select sealed from entitlement_keys where entitlement_id = $1', [entitlements.officeProPlus]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sealed).not.toContain(LICENCE_KEY);
    expect(openSecret(c.ctx.secrets, rows[0]!.sealed)).toBe(LICENCE_KEY);
    const audit = await c.ctx.db.query<{ n: number }>('select count(*)::int as n from audit_log where position($1 in coalesce(after::text, \'\') || coalesce(before::text, \'\')) > 0', [LICENCE_KEY]);
    expect(audit.rows[0]!.n).toBe(0);
  });

  it('reconciles agent reports and SNMP discoveries as they arrive', async () => {
    for (const d of AGENT_DEVICES) devices.set(d.hostname, await reportDevice(c, d));
    switchId = await registerProbe(api, switchProbe());
    legacyId = await registerProbe(api, legacyHostProbe());
    await settle(c);
    const visio = await api.post(`/api/v1/licenses/entitlements/${entitlements.visio}/allocations`, { targetKind: 'device', target: devices.get('ws-old')!.deviceId });
    expect(visio.allocations).toHaveLength(1);
    await settle(c);
  });

  it('counts every metric as worked out by hand: editions, downgrade rights, core floors, users, allocations, site and concurrent', async () => {
    // Office: ws-a and ws-new (2019 ProPlus) and ws-b (2016 ProPlus, by downgrade) take the three ProPlus
    // licences, dup-ws (2016 Standard) the Standard one; the 2007 Enterprise seen by SNMP has none.
    expect(figuresOf(await position('microsoft-office'))).toEqual({
      metric: 'device', entitled: 4, consumed: 5, covered: 4, shortfall: 1, surplus: 0, shortfallCost: 400, installs: 5, unlicensed: 1, shelfware: 0,
    });
    // Windows Server 2019 on 2 sockets x 6 cores: 12 cores, raised to 8 per processor and 16 per server, of
    // which 8 are licensed; the 2003 host SNMP sees (cores unknown) needs the 16-core floor, and the 2019
    // licence has no downgrade rights.
    expect(figuresOf(await position('microsoft-windows-server'))).toEqual({
      metric: 'core', entitled: 8, consumed: 32, covered: 8, shortfall: 24, surplus: 0, shortfallCost: 2400, installs: 2, unlicensed: 2, shelfware: 0,
    });
    // SQL Server 2019 under a 2022 licence with downgrade rights: 12 cores (4 per processor is below that).
    expect(figuresOf(await position('microsoft-sql-server'))).toEqual({
      metric: 'core', entitled: 24, consumed: 12, covered: 12, shortfall: 0, surplus: 12, shortfallCost: 0, installs: 1, unlicensed: 0, shelfware: 0,
    });
    // Photoshop: one seat in force, allocated to bob (ws-b's assignee); alice goes without; the 2020 seats have lapsed.
    expect(figuresOf(await position('adobe-photoshop'))).toEqual({
      metric: 'subscription', entitled: 1, consumed: 2, covered: 1, shortfall: 1, surplus: 0, shortfallCost: 300, installs: 2, unlicensed: 1, shelfware: 0,
    });
    // Visual Studio: ws-a (assigned to alice) and ws-c (last used by ALICE) are one named user.
    expect(figuresOf(await position('microsoft-visual-studio'))).toEqual({
      metric: 'user', entitled: 1, consumed: 1, covered: 1, shortfall: 0, surplus: 0, shortfallCost: null, installs: 2, unlicensed: 0, shelfware: 0,
    });
    // Visio: the 2019 licence is allocated to ws-old, so ws-a's 2016 (no downgrade rights anyway) is short.
    expect(figuresOf(await position('microsoft-visio'))).toEqual({
      metric: 'device', entitled: 2, consumed: 2, covered: 1, shortfall: 1, surplus: 1, shortfallCost: null, installs: 2, unlicensed: 1, shelfware: 0,
    });
    expect(figuresOf(await position('winrar'))).toEqual({
      metric: 'site', entitled: null, consumed: 1, covered: 1, shortfall: 0, surplus: null, shortfallCost: null, installs: 1, unlicensed: 0, shelfware: 0,
    });
    expect(figuresOf(await position('teamviewer'))).toEqual({
      metric: 'concurrent', entitled: 1, consumed: 2, covered: 1, shortfall: 1, surplus: 0, shortfallCost: null, installs: 2, unlicensed: 1, shelfware: 0,
    });
    expect(figuresOf(await position('microsoft-windows'))).toEqual({
      metric: 'device', entitled: 0, consumed: 3, covered: 0, shortfall: 3, surplus: 0, shortfallCost: null, installs: 3, unlicensed: 3, shelfware: 0,
    });
    const all = await api.get<PositionList>('/api/v1/licenses/position');
    // Visio, TeamViewer and Windows are short with no price: their 5 unlicensed installs are named beside the cost.
    expect(all.totals).toEqual({
      products: 9, productsShort: 6, consumed: 60, shortfall: 31, shortfallCost: 3100, unlicensed: 9, unpricedProducts: 3, unpricedInstalls: 5,
    });
  });

  it('names each unlicensed install and the discovery that saw it, the latest comer first', async () => {
    const { items } = await api.get<{ items: Array<{ productId: string; hostname: string; deviceKind: string; source: string; rawName: string; user: string | null }> }>('/api/v1/licenses/unlicensed');
    const named = items.map((u) => `${u.productId} ${u.hostname}`).sort();
    expect(named).toEqual([
      'adobe-photoshop ws-a', 'microsoft-office =legacy-srv', 'microsoft-visio ws-a', 'microsoft-windows ws-a', 'microsoft-windows ws-b',
      'microsoft-windows ws-new', 'microsoft-windows-server =legacy-srv', 'microsoft-windows-server srv-1', 'teamviewer dup-ws',
    ]);
    expect(items.find((u) => u.productId === 'microsoft-office')).toMatchObject({ deviceKind: 'snmp', source: 'hrSWInstalled', rawName: 'Microsoft Office Enterprise 2007' });
    expect(items.find((u) => u.productId === 'adobe-photoshop')).toMatchObject({ user: 'alice', rawName: 'Adobe Photoshop 2024' });
  });

  it('finds unregistered, ambiguous and mismatched devices, matching by the strongest key', async () => {
    const open = await findings('&state=open');
    const keys = open.map((f) => `${f.type}${f.subtype ? `/${f.subtype}` : ''} ${String(f.details.hostname ?? f.details.tag)}`).sort();
    expect(keys).toEqual([
      'ambiguous/serial dup-ws',
      'mismatch/assignee-elsewhere ws-b',
      'mismatch/location ws-a',
      'mismatch/model ws-b',
      'mismatch/serial ws-c',
      'unregistered =legacy-srv',
      'unregistered ws-new',
    ]);
    const ambiguous = open.find((f) => f.type === 'ambiguous')!;
    expect([...(ambiguous.details.candidates as string[])].sort()).toEqual([reg.assets.a6a, reg.assets.a6b].sort());
    const links = await c.ctx.db.query<{ device_id: string; asset_id: string; key: string; confidence: number }>(
      'select device_id, asset_id, key, confidence from device_asset_links');
    const link = (hostname: string) => links.rows.find((l) => l.device_id === devices.get(hostname)?.deviceId);
    expect(link('ws-a')).toMatchObject({ asset_id: reg.assets.a1, key: 'serial' });
    expect(link('ws-a')!.confidence).toBeCloseTo(0.95);
    expect(link('ws-b')).toMatchObject({ asset_id: reg.assets.a2, key: 'hostname' });
    expect(link('srv-1')).toMatchObject({ asset_id: reg.assets.a3, key: 'serial' });
    expect(link('ws-c')).toMatchObject({ asset_id: reg.assets.a7, key: 'hostname' });
    expect(links.rows.find((l) => l.device_id === switchId)).toMatchObject({ asset_id: reg.assets.a8, key: 'serial' });
    expect(link('ws-new')).toBeUndefined();
  });

  it('gives the same answer from a full reconciliation as from the incremental one', async () => {
    const incremental = await reconciliationSnapshot(c.ctx.db);
    const run = await api.post<{ installs: number; devices: number }>('/api/v1/reconcile/run?wait=true', {});
    expect(run.devices).toBe(AGENT_DEVICES.length + 2);
    expect(await reconciliationSnapshot(c.ctx.db)).toEqual(incremental);
  });

  it('counts an allocation to a department as used when a device of that department has the product, in any case', async () => {
    // Visual Studio is on ws-a (Alice's, Finance) and ws-c (no department); nobody in Engineering has it.
    const url = `/api/v1/licenses/entitlements/${entitlements.vs}/allocations`;
    await api.post(url, { targetKind: 'department', target: 'FINANCE' });
    const both = await api.post<{ allocations: Array<{ id: string; target: string }> }>(url, { targetKind: 'department', target: 'Engineering' });
    await api.post('/api/v1/reconcile/run?wait=true', {});
    expect(figuresOf(await position('microsoft-visual-studio'))).toMatchObject({ covered: 1, shortfall: 0, shelfware: 1 });
    expect(both.allocations.map((a) => a.target).sort()).toEqual(['Engineering', 'FINANCE']);
    for (const a of both.allocations) await api.call('DELETE', `${url}/${a.id}`);
    await api.post('/api/v1/reconcile/run?wait=true', {});
    expect((await position('microsoft-visual-studio'))!.shelfware).toBe(0);
  });

  it('reports deployed assets not seen within their category’s days as missing, and shelfware', async () => {
    const wsOld = devices.get('ws-old')!.deviceId;
    await c.ctx.db.query("update devices set last_seen = now() - interval '20 days' where id = $1", [wsOld]);
    await c.ctx.db.query("update register_transitions set at = at - interval '30 days' where asset_id = $1", [reg.assets.a5]);
    await c.ctx.db.query("update register_assets set created_at = created_at - interval '30 days' where id = $1", [reg.assets.a5]);
    await api.put('/api/v1/reconcile/settings', { shelfwareAfterDays: 10 });
    await api.post('/api/v1/reconcile/run?wait=true', {});
    const missing = (await findings('&type=missing&state=open'));
    expect(missing.map((f) => f.assetId)).toEqual([reg.assets.a5]);
    expect((await position('microsoft-visio'))!.shelfware).toBe(1);
  });

  it('closes findings whose cause goes away, keeps dismissed ones dismissed, and acts on findings', async () => {
    const open = await findings('&state=open');
    const serial = open.find((f) => f.subtype === 'serial')!;
    const model = open.find((f) => f.subtype === 'model')!;
    await api.post(`/api/v1/findings/${serial.id}/actions`, { action: 'dismiss', reason: 'board replaced under warranty' });
    await api.post(`/api/v1/findings/${model.id}/actions`, { action: 'acknowledge' });
    const tooShort = await api.raw('POST', `/api/v1/findings/${serial.id}/actions`, { action: 'dismiss', reason: '' });
    expect(tooShort.status).toBe(400);

    // ws-b's user is now its assignee: the assignee mismatch closes itself on the next report.
    const wsB = AGENT_DEVICES.find((d) => d.hostname === 'ws-b')!;
    await reportDevice(c, { ...wsB, user: 'CORP\\bob' }, devices.get('ws-b'), new Date(Date.now() + 1000));
    await settle(c);
    const ambiguous = open.find((f) => f.type === 'ambiguous')!;
    await api.post(`/api/v1/findings/${ambiguous.id}/actions`, { action: 'link', assetId: reg.assets.a6a });
    const legacy = open.find((f) => f.type === 'unregistered' && f.deviceId === legacyId)!;
    const registered = await api.post<Finding>(`/api/v1/findings/${legacy.id}/actions`, { action: 'register', asset: { categoryId: reg.categories.srv, name: 'legacy-srv' } });
    expect(registered.state).toBe('resolved');
    // ws-new registered through the register itself: the next full reconciliation matches it by serial.
    await api.post('/api/v1/register/assets', { name: 'New workstation', categoryId: reg.categories.ws, serial: 'CZC0000077', status: 'in_stock' });
    await api.post('/api/v1/reconcile/run?wait=true', {});

    const after = await findings();
    const state = (f: Finding) => after.find((x) => x.id === f.id)?.state;
    expect(state(serial)).toBe('dismissed');
    expect(after.find((x) => x.id === serial.id)?.reason).toBe('board replaced under warranty');
    expect(state(model)).toBe('acknowledged');
    expect(state(open.find((f) => f.subtype === 'assignee-elsewhere')!)).toBe('resolved');
    expect(state(ambiguous)).toBe('resolved');
    expect(state(open.find((f) => f.type === 'unregistered' && f.details.hostname === 'ws-new')!)).toBe('resolved');
    const links = await c.ctx.db.query<{ asset_id: string; method: string }>('select asset_id, method from device_asset_links where device_id = $1', [devices.get('dup-ws')!.deviceId]);
    expect(links.rows).toEqual([{ asset_id: reg.assets.a6a, method: 'manual' }]);
    const legacyLink = await c.ctx.db.query<{ asset_id: string }>('select asset_id from device_asset_links where device_id = $1', [legacyId]);
    expect(legacyLink.rows).toHaveLength(1);
  });

  it('writes the licence reconciliation report with the same figures in CSV, HTML and PDF, formulas defused', async () => {
    const table = async (path: string) => parse((await api.get<string>(path)).replace(/^\uFEFF/, '')) as string[][];
    const positions = await table('/api/v1/reports/license-reconciliation?format=csv&table=positions');
    expect(positions).toHaveLength(1 + 9);
    const office = positions.find((r) => r[0] === 'Microsoft' && r[1] === 'Office');
    expect(office).toEqual(['Microsoft', 'Office', 'device', '4', '5', '4', '1', '0', '400', 'EUR', '5', '1', '0']);
    expect(positions.find((r) => r[1] === 'Visio')?.[8]).toBe('no price');
    const installs = await table('/api/v1/reports/license-reconciliation?format=csv&table=installs');
    expect(installs).toHaveLength(1 + 9);
    const unlicensedOffice = installs.find((r) => r[1] === 'Office' && r[3] === 'SNMP');
    expect(unlicensedOffice?.[2]).toBe("'=legacy-srv");
    expect(unlicensedOffice).toContain('hrSWInstalled');
    expect(unlicensedOffice).toContain('Microsoft Office Enterprise 2007');
    expect(installs.some((r) => r.some((cell) => /^[=+@]/.test(cell)))).toBe(false);

    const html = await api.get<string>('/api/v1/reports/license-reconciliation?format=html&groupBy=vendor');
    expect(html).toContain('<h2>Vendor: Microsoft');
    expect(html).toContain('=legacy-srv');
    const pdf = await api.raw('GET', '/api/v1/reports/license-reconciliation?format=pdf&groupBy=department');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');

    const device = await table('/api/v1/reports/device-reconciliation?format=csv&table=findings');
    expect(device[0]![0]).toBe('Finding');
    expect(device.some((r) => r[0] === 'missing')).toBe(true);
    expect(device.some((r) => r.includes('board replaced under warranty'))).toBe(true);
  });

  it('computes the position as of an earlier date: entitlements then in force, installs first seen by then', async () => {
    const earlier = await api.get<PositionList>('/api/v1/licenses/position?asOf=2020-06-30');
    const photoshop = earlier.items.find((p) => p.productId === 'adobe-photoshop')!;
    // The lapsed 2019-2020 seats were in force then, and so was the open-ended one.
    expect(figuresOf(photoshop)).toMatchObject({ entitled: 6, consumed: 0, installs: 0, surplus: 6 });
    const office = earlier.items.find((p) => p.productId === 'microsoft-office')!;
    expect(figuresOf(office)).toMatchObject({ entitled: 4, consumed: 0, installs: 0 });
  });

  it('lets each role do only what it may', async () => {
    const auditor = await ApiClient.withRole(c, 'auditor');
    const compliance = await ApiClient.withRole(c, 'compliance');
    const itadmin = await ApiClient.withRole(c, 'itadmin');
    const finding = (await findings('&state=acknowledged'))[0]!;
    expect((await auditor.raw('GET', '/api/v1/licenses/position')).status).toBe(200);
    expect((await auditor.raw('GET', '/api/v1/reports/license-reconciliation?format=csv')).status).toBe(403);
    expect((await auditor.raw('POST', '/api/v1/licenses/entitlements', { productId: 'winzip', metric: 'device', quantity: 1 })).status).toBe(403);
    expect((await compliance.raw('POST', '/api/v1/licenses/entitlements', { productId: 'winzip', metric: 'device', quantity: 1 })).status).toBe(201);
    expect((await compliance.raw('POST', `/api/v1/findings/${finding.id}/actions`, { action: 'reopen' })).status).toBe(403);
    expect((await itadmin.raw('POST', `/api/v1/findings/${finding.id}/actions`, { action: 'reopen' })).status).toBe(200);
    expect((await itadmin.raw('POST', '/api/v1/licenses/entitlements', { productId: 'winzip', metric: 'device', quantity: 1 })).status).toBe(403);
    expect((await itadmin.raw('GET', '/api/v1/reports/device-reconciliation?format=html')).status).toBe(200);
  });

  it('lists unrecognised software for triage, the titles on most devices first', async () => {
    const triage = await api.get<{ items: Array<{ name: string; devices: number }> }>('/api/v1/software/triage?limit=5');
    expect(triage.items[0]).toMatchObject({ name: 'Contoso Widget Studio', devices: 2 });
  });

  it('applies a rule a person adds to every install of the title, which leaves triage', async () => {
    const title = { source: 'registry', name: 'Contoso Widget Studio', publisher: 'Contoso Ltd', version: '3.2' };
    expect((await api.post('/api/v1/catalogue/normalise', title)).licence).toBe('unrecognised');
    const bad = await api.raw('POST', '/api/v1/catalogue/rules', { rule: { kind: 'regex', pattern: '(unclosed', productId: 'winzip' } });
    expect(bad.status).toBe(400);
    await api.post('/api/v1/catalogue/rules', { rule: { kind: 'exact', pattern: 'contoso  widget studio', productId: 'winzip', release: '{versionMajor}' } });
    expect(await api.post('/api/v1/catalogue/normalise', title)).toMatchObject({ productId: 'winzip', release: '3' });
    await api.post('/api/v1/reconcile/run?wait=true', {});
    // ws-a and ws-b have it; the one WinZip licence recorded by the compliance user covers ws-a, which had it first.
    expect(figuresOf(await position('winzip'))).toMatchObject({ entitled: 1, installs: 2, covered: 1, shortfall: 1, unlicensed: 1 });
    const triage = await api.get<{ items: Array<{ name: string }> }>('/api/v1/software/triage?limit=100');
    expect(triage.items.map((i) => i.name)).not.toContain('Contoso Widget Studio');
  });
});
