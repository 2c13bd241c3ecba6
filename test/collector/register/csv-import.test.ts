import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import type { TestCollector } from '../../support/collector.js';
import { expectStatus, startRegister, type RegisterClient } from './register-api.js';

/**
 * Laid out like Snipe-IT's asset export: its column names, status labels, money with a currency
 * sign, warranty in months, date-times, and columns we have no use for (ID, Company, Created At).
 */
const SNIPE_IT_EXPORT = [
  'ID,Company,Asset Name,Asset Tag,Model,Model No.,Category,Manufacturer,Serial,Purchased,Cost,EOL,Order Number,Supplier,Location,Default Location,Status,Checked Out To,Username,Email,Warranty,Memory (GB),Notes,Created At',
  '1,Acme,Finance laptop 1,LT-0001,Latitude 5440,P137G,Laptops,Dell,5CG1234XYZ,2023-04-03 00:00:00,"$1,299.00",2027-04-03,PO-7781,Dell Direct,HQ / Floor 2,,Ready to Deploy,,,,36,16,"Spare, boxed",2023-04-05 09:12:44',
  '2,Acme,,LT-0002,Latitude 5440,P137G,Laptops,Dell,5CG1234XZA,2023-04-03,1299,,PO-7781,Dell Direct,HQ / Floor 2,,Deployed,Maria Garcia,mgarcia,maria.garcia@example.org,36,32,,2023-04-05 09:12:44',
  '3,Acme,Reception screen,MN-0107,P2422H,,Monitors,Dell,CN0ABC123,2022-11-20,189.99,,,Dell Direct,,HQ / Reception,Archived,,,,,,"=HYPERLINK(""http://x"")",2022-11-21 10:00:00',
  '4,Acme,Loaner,LT-0003,EliteBook 840 G9,,Laptops,HP,5CD9988776,2024-01-15,1410.50,,,,HQ / Floor 2,,Out for Repair,,,,12,sixteen,,2024-01-16 08:00:00',
  '5,Acme,Duplicate,LT-0001,Latitude 5440,,Laptops,Dell,X,2024-01-15,10,,,,,,Ready to Deploy,,,,,,,2024-01-16 08:00:00',
  '6,Acme,Printer,PR-0001,LaserJet,,Printers,HP,Y,2024-01-15,10,,,,,,Ready to Deploy,,,,,,,2024-01-16 08:00:00',
].join('\n');

describe.each(CONTRACT_BACKENDS)('CSV import on %s', (backend) => {
  let c: TestCollector;
  let admin: RegisterClient;
  let hardware: string;

  beforeAll(async () => {
    ({ c, admin } = await startRegister(backend));
    hardware = await admin.categoryId('hardware');
    expectStatus(await admin.post('/categories', {
      name: 'Laptops', kind: 'hardware', parentId: hardware, customFields: [{ key: 'ram_gb', label: 'Memory (GB)', type: 'number' }],
    }), 201);
    expectStatus(await admin.post('/categories', { name: 'Monitors', kind: 'hardware', parentId: hardware }), 201);
  });
  afterAll(async () => c?.stop());

  const assetCount = async () => expectStatus(await admin.get('/assets?limit=1'), 200).total as number;

  it('understands a Snipe-IT export: previews, names bad rows, then imports the good ones', async () => {
    const before = await assetCount();
    const preview = expectStatus(await admin.call('POST', '/import?fileName=snipe.csv', SNIPE_IT_EXPORT), 201);
    expect(preview).toMatchObject({ fileName: 'snipe.csv', totalRows: 6, validRows: 3, errorRows: 3 });
    expect(preview.columns).toMatchObject({
      'Asset Tag': 'tag', 'Asset Name': 'name', Model: 'model', 'Model No.': 'modelNumber', Purchased: 'purchaseDate', Cost: 'purchaseCost',
      EOL: 'eolDate', Supplier: 'supplier', 'Checked Out To': 'assigneeName', Warranty: 'warrantyMonths', 'Default Location': 'defaultLocation',
    });
    expect(preview.ignoredColumns).toEqual(['ID', 'Company', 'Created At']);
    expect(preview.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [5, 'Memory (GB)'], // "sixteen" is not a number
      [6, 'Asset Tag'], // LT-0001 again
      [7, 'Category'], // no "Printers" category
    ]);
    expect(preview.errors[1].message).toContain('row 2');
    expect(preview.willCreate).toMatchObject({
      manufacturers: ['Dell'], models: ['Latitude 5440', 'P2422H'], vendors: ['Dell Direct'],
      locations: ['HQ / Floor 2', 'HQ / Reception'], people: ['Maria Garcia'],
    });
    expect(await assetCount()).toBe(before);

    const refused = await admin.post(`/import/${preview.importId}/commit`, {});
    expect([refused.status, refused.body.error]).toEqual([409, 'import_has_errors']);
    expect(await assetCount()).toBe(before);

    const done = expectStatus(await admin.post(`/import/${preview.importId}/commit`, { acceptValidRows: true }), 200);
    expect(done).toMatchObject({ imported: 3, skipped: 3 });
    expect(await assetCount()).toBe(before + 3);

    const list = expectStatus(await admin.get('/assets?search=lt-000&sort=tag'), 200);
    expect(list.items.map((a: { tag: string }) => a.tag)).toEqual(['LT-0001', 'LT-0002']);
    const [first, second] = list.items;
    expect(first).toMatchObject({
      name: 'Finance laptop 1', status: 'in_stock', serial: '5CG1234XYZ', purchaseDate: '2023-04-03', purchaseCost: 1299,
      eolDate: '2027-04-03', orderNumber: 'PO-7781', warrantyExpires: '2026-04-03', modelName: 'Latitude 5440', manufacturerName: 'Dell',
      locationName: 'Floor 2', customFields: { ram_gb: 16 }, notes: 'Spare, boxed',
    });
    // No asset name in the file: named after its model.
    expect(second).toMatchObject({ name: 'Latitude 5440', status: 'deployed', assignedTo: { type: 'person', name: 'Maria Garcia' } });
    const people = expectStatus(await admin.get('/people?search=maria'), 200);
    expect(people.items[0]).toMatchObject({ email: 'maria.garcia@example.org', username: 'mgarcia' });

    const monitor = expectStatus(await admin.get('/assets?search=MN-0107'), 200).items[0];
    expect(monitor).toMatchObject({ status: 'retired', locationName: 'Reception', notes: '=HYPERLINK("http://x")' });
    const locations = expectStatus(await admin.get('/locations?search=reception'), 200);
    expect(locations.items[0].path).toBe('HQ / Reception');

    const again = await admin.post(`/import/${preview.importId}/commit`, { acceptValidRows: true });
    expect([again.status, again.body.error]).toEqual([409, 'import_settled']);
  });

  it('numbers rows without a tag from the tag pattern', async () => {
    const csv = 'Name,Category\nKeyboard A,hardware.peripherals\nKeyboard B,Hardware / Peripherals\n';
    const preview = expectStatus(await admin.call('POST', '/import', csv), 201);
    expect(preview.errors).toEqual([]);
    expectStatus(await admin.post(`/import/${preview.importId}/commit`, {}), 200);
    const items = expectStatus(await admin.get('/assets?search=keyboard&sort=name'), 200).items;
    expect(items.map((a: { tag: string }) => a.tag)).toEqual([expect.stringMatching(/^STW-\d{6}$/), expect.stringMatching(/^STW-\d{6}$/)]);
    expect(items[0].tag).not.toBe(items[1].tag);
  });

  describe('a 10,000-row file with 3 bad rows', () => {
    const BAD = new Map<number, [string, string]>([
      [1234, ['Purchase Date', '31/02/2024']],
      [5678, ['Purchase Cost', 'twelve']],
      [9001, ['Status', 'misplaced']],
    ]);
    const header = 'Asset Tag,Name,Category,Serial,Purchase Date,Purchase Cost,Status,Location';
    const csv = [header, ...Array.from({ length: 10_000 }, (_, i) => {
      const bad = BAD.get(i);
      const date = bad?.[0] === 'Purchase Date' ? bad[1] : `2024-0${(i % 9) + 1}-1${i % 10}`;
      const cost = bad?.[0] === 'Purchase Cost' ? bad[1] : String(100 + (i % 900));
      const status = bad?.[0] === 'Status' ? bad[1] : i % 3 === 0 ? 'in_stock' : 'Ready to Deploy';
      return `BULK-${String(i).padStart(5, '0')},Bulk item ${i},hardware.peripherals,SN${i},${date},${cost},${status},Warehouse / Bay ${i % 20}`;
    })].join('\n');

    it('previews naming the 3 rows and fields, writes nothing until accepted, then imports 9,997 at once', async () => {
      const before = await assetCount();
      const preview = expectStatus(await admin.call('POST', '/import', csv), 201);
      expect(preview).toMatchObject({ totalRows: 10_000, validRows: 9_997, errorRows: 3 });
      // Data row i is spreadsheet row i + 2: the header is row 1.
      expect(preview.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
        [1236, 'Purchase Date'], [5680, 'Purchase Cost'], [9003, 'Status'],
      ]);
      expect(await assetCount()).toBe(before);
      expect((await admin.post(`/import/${preview.importId}/commit`, {})).status).toBe(409);
      expect(await assetCount()).toBe(before);

      const done = expectStatus(await admin.post(`/import/${preview.importId}/commit`, { acceptValidRows: true }), 200);
      expect(done.imported).toBe(9_997);
      expect(await assetCount()).toBe(before + 9_997);
      const bay = expectStatus(await admin.get('/locations?search=bay 7'), 200).items;
      expect(bay.map((l: { path: string }) => l.path)).toContain('Warehouse / Bay 7');
      const history = expectStatus(await admin.get('/history?objectType=asset&limit=1'), 200);
      expect(history.total).toBeGreaterThanOrEqual(9_997);
      // Each imported asset has its first transition and a history entry holding what was stored.
      const [one] = expectStatus(await admin.get('/assets?search=bulk-00042'), 200).items;
      const transitions = expectStatus(await admin.get(`/assets/${one.id}/transitions`), 200).items;
      expect(transitions.map((t: { fromStatus: string | null; toStatus: string }) => [t.fromStatus, t.toStatus])).toEqual([[null, 'in_stock']]);
      const [entry] = expectStatus(await admin.get(`/assets/${one.id}/history`), 200).items;
      expect(entry).toMatchObject({ action: 'imported', before: null, after: { id: one.id, tag: 'BULK-00042', name: 'Bulk item 42', serial: 'SN42', status: 'in_stock', purchaseDate: '2024-07-12', purchaseCost: 142 } });
      expect(Object.values(entry.after)).not.toContain(null);
    });

    it('counts a broad search only so far past the page, and says so', async () => {
      const broad = expectStatus(await admin.get('/assets?search=bulk item&limit=10&offset=20'), 200);
      expect([broad.items.length, broad.total, broad.totalCapped]).toEqual([10, 20 + 10 + 1_000, true]);
      // "Bulk item 99", "Bulk item 990" to "999" and "Bulk item 9900" to "9999", none of them a bad row.
      const narrow = expectStatus(await admin.get('/assets?search=bulk item 99&limit=10'), 200);
      expect([narrow.total, narrow.totalCapped]).toEqual([1 + 10 + 100, false]);
      // Pages come in list order whether every match was counted or not.
      const tags = async (query: string) => expectStatus(await admin.get(`/assets?${query}`), 200).items.map((a: { tag: string }) => a.tag);
      expect(await tags('search=bulk item 99&sort=tag&order=desc&limit=3&offset=1')).toEqual(['BULK-09998', 'BULK-09997', 'BULK-09996']);
      expect(await tags('search=bulk item&sort=tag&limit=2&offset=20')).toEqual(['BULK-00020', 'BULK-00021']);
      const all = expectStatus(await admin.get('/assets?limit=1'), 200);
      expect([all.total >= 9_997, all.totalCapped]).toEqual([true, false]);
    });

    it('changes nothing when the commit fails part-way (a tag taken since the preview)', async () => {
      const small = [header, 'RACE-1,Race one,hardware.peripherals,,,,,', 'RACE-2,Race two,hardware.peripherals,,,,,'].join('\n');
      const preview = expectStatus(await admin.call('POST', '/import', small), 201);
      expectStatus(await admin.post('/assets', { tag: 'race-2', name: 'Registered meanwhile', categoryId: await admin.categoryId('hardware.peripherals') }), 201);
      const before = await assetCount();
      const refused = await admin.post(`/import/${preview.importId}/commit`, { acceptValidRows: true });
      expect([refused.status, refused.body.error]).toEqual([409, 'tags_taken']);
      expect(refused.body.issues).toEqual(['row 3: tag RACE-2 was added to the register after the preview']);
      expect(await assetCount()).toBe(before);
      expect((await admin.get('/assets?search=race one')).body.total).toBe(0);
    });
  });
});
