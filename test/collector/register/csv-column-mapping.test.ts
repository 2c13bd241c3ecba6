import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestCollector } from '../../support/collector.js';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { expectStatus, startRegister, type RegisterClient } from './register-api.js';

/** A computers list as GLPI exports it, with a column no tool knows. */
const GLPI = [
  'Inventory number,Name,Type,Serial number,Date of purchase,Value,Warranty expiration date,Shelf code',
  'GLPI-0001,Scanner one,Peripherals,SC-1,2025-01-02,99.5,2027-01-02,A-12',
  'GLPI-0002,Scanner two,Peripherals,SC-2,2025-01-03,105,2027-01-03,B-07',
].join('\n');

describe.each(CONTRACT_BACKENDS)('CSV columns recognised and chosen by hand on %s', (backend) => {
  let c: TestCollector;
  let admin: RegisterClient;
  beforeAll(async () => { ({ c, admin } = await startRegister(backend)); });
  afterAll(async () => c?.stop());

  it('recognises GLPI\'s column names and leaves an unknown column aside', async () => {
    const preview = expectStatus(await admin.post('/import', { csv: GLPI, fileName: 'glpi.csv' }), 201);
    expect(preview.columns).toEqual({
      'Inventory number': 'tag', Name: 'name', Type: 'category', 'Serial number': 'serial', 'Date of purchase': 'purchaseDate',
      Value: 'purchaseCost', 'Warranty expiration date': 'warrantyExpires',
    });
    expect(preview.ignoredColumns).toEqual(['Shelf code']);
    expect(preview.sample[0]).toMatchObject({ tag: 'GLPI-0001', serial: 'SC-1', purchaseDate: '2025-01-02', purchaseCost: 99.5 });
  });

  it('takes the fields chosen by hand: an unknown column filled, a known one moved or ignored', async () => {
    const preview = expectStatus(await admin.post('/import', {
      csv: GLPI, fileName: 'glpi.csv', columns: { 'Shelf code': 'notes', 'Serial number': 'orderNumber', Value: '' },
    }), 201);
    expect(preview.columns['Shelf code']).toBe('notes');
    expect(preview.columns['Serial number']).toBe('orderNumber');
    expect(preview.columns.Value).toBeUndefined();
    expect(preview.ignoredColumns).toContain('Value');
    expect(preview.sample[0]).toMatchObject({ serial: null, purchaseCost: null });
    expectStatus(await admin.post(`/import/${preview.importId}/commit`, {}), 200);
    const stored = expectStatus(await admin.get('/assets?search=GLPI-0001'), 200).items[0];
    expect(stored).toMatchObject({ notes: 'A-12', orderNumber: 'SC-1', serial: null, purchaseCost: null });
  });

  it('refuses a field that does not exist, naming it', async () => {
    const refused = await admin.post('/import', { csv: GLPI, columns: { Value: 'price' } });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('columns');
  });
});
