import { inflateSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import type { TestCollector } from '../../support/collector.js';
import { expectStatus, startRegister, type RegisterClient } from './register-api.js';

/** The text drawn on each page of a PDF, read from its (deflated) content streams. */
function pdfPageTexts(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const texts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index! + match[0].length;
    const end = raw.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue; // images and fonts are not page content
    }
    if (!/\bBT\b/.test(content)) continue;
    const shown = [...content.matchAll(/\[([^\]]*)\]\s*TJ/g)].map((tj) =>
      [...tj[1]!.matchAll(/<([0-9a-fA-F]+)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''));
    texts.push(shown.join('\n'));
  }
  return texts;
}

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
const imageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Subtype \/Image/g) ?? []).length;

async function fetchBinary(c: TestCollector, path: string, body: unknown, auth: Record<string, string>) {
  const response = await fetch(`${c.url}/api/v1/register${path}`, {
    method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  return { status: response.status, type: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()) };
}

describe.each(CONTRACT_BACKENDS)('labels and CSV export on %s', (backend) => {
  let c: TestCollector;
  let admin: RegisterClient;
  let auth: Record<string, string>;
  let categoryId: string;
  const assets: Array<{ id: string; tag: string }> = [];

  beforeAll(async () => {
    ({ c, admin } = await startRegister(backend));
    auth = await c.adminAuth();
    categoryId = await admin.categoryId('hardware.peripherals');
    for (let i = 0; i < 15; i++) assets.push(expectStatus(await admin.post('/assets', { name: `Label test ${i}`, categoryId }), 201));
  });
  afterAll(async () => c?.stop());

  it('lays out 15 labels on Avery L7163 sheets: 14 on the first A4 page, 1 on the second', async () => {
    const answer = await fetchBinary(c, '/labels', { assetIds: assets.map((a) => a.id), layout: 'avery-l7163', heading: 'Acme IT' }, auth);
    expect(answer.status).toBe(200);
    expect(answer.type).toBe('application/pdf');
    expect(answer.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(answer.body)).toBe(2);
    expect(answer.body.toString('latin1')).toContain('/MediaBox [0 0 595.275591 841.889764]');
    const pages = pdfPageTexts(answer.body);
    const tagsOn = (page: string) => assets.filter((a) => page.includes(a.tag)).map((a) => a.tag);
    expect(tagsOn(pages[0]!)).toEqual(assets.slice(0, 14).map((a) => a.tag));
    expect(tagsOn(pages[1]!)).toEqual([assets[14]!.tag]);
    expect(pages[0]).toContain('Acme IT');
    // A QR code and a barcode per label, each an image (identical images may be shared).
    expect(imageCount(answer.body)).toBeGreaterThanOrEqual(2);
  });

  it('prints one label per page on Dymo 99012 and 2x1 in rolls', async () => {
    const three = assets.slice(0, 3).map((a) => a.id);
    const dymo = await fetchBinary(c, '/labels', { assetIds: three, layout: 'dymo-99012' }, auth);
    expect(pageCount(dymo.body)).toBe(3);
    expect(dymo.body.toString('latin1')).toContain('/MediaBox [0 0 252.283465 102.047244]');
    const small = await fetchBinary(c, '/labels', { assetIds: three, layout: '2x1in' }, auth);
    expect(pageCount(small.body)).toBe(3);
    expect(small.body.toString('latin1')).toContain('/MediaBox [0 0 144 72]');
    expect(pdfPageTexts(small.body).map((p) => assets.find((a) => p.includes(a.tag))?.id)).toEqual(three);
  });

  it('refuses labels for assets that do not exist', async () => {
    const answer = await admin.post('/labels', { assetIds: ['00000000-0000-4000-8000-000000000000'] });
    expect([answer.status, answer.body.error]).toEqual([400, 'unknown_assets']);
  });

  it('exports a filtered list as CSV with formula-looking cells neutralised', async () => {
    const dangerous = ['=HYPERLINK("http://evil")', '+SUM(A1)', '-2+3', '@cmd', '\tTabbed', '\rReturn'];
    for (const [i, notes] of dangerous.entries()) {
      expectStatus(await admin.post('/assets', { name: `Export ${i}`, categoryId, notes, serial: i === 0 ? '=1+1' : `SER-${i}`, status: 'in_repair' }), 201);
    }
    const answer = await admin.get('/export/assets?status=in_repair&sort=name');
    expect(answer.status).toBe(200);
    const rows = parse(answer.body as string, { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.Name)).toEqual(dangerous.map((_, i) => `Export ${i}`));
    expect(rows.map((r) => r.Notes)).toEqual(dangerous.map((d) => `'${d}`));
    expect(rows[0]!.Serial).toBe("'=1+1");
    expect(rows[1]!.Serial).toBe('SER-1');
    expect(rows[0]).toMatchObject({ Category: 'Peripherals', Status: 'in_repair' });
  });

  it('exports every list, and an exported asset list reads back through the import', async () => {
    for (const list of ['categories', 'models', 'manufacturers', 'vendors', 'people', 'departments', 'locations', 'contracts', 'assignments', 'work-orders', 'maintenance-schedules']) {
      const answer = await admin.get(`/export/${list}`);
      expect(answer.status, list).toBe(200);
    }
    const categories = parse((await admin.get('/export/categories?sort=name')).body as string, { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(categories.map((r) => r.Name)).toContain('SSL certificates');

    const exported = (await admin.get('/export/assets?search=label test')).body as string;
    const preview = expectStatus(await admin.call('POST', '/import', exported), 201);
    expect(preview.totalRows).toBe(15);
    expect(preview.columns).toMatchObject({ Tag: 'tag', Name: 'name', Category: 'category', Serial: 'serial', Status: 'status' });
    // The same tags are in the register already: every row says so.
    expect(preview.errorRows).toBe(15);
    expect(new Set(preview.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['Tag']));
  });
});
