import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '@steward/shared';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import type { TestCollector } from '../../support/collector.js';
import { clientWithRole, expectStatus, startRegister, type RegisterClient } from './register-api.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 7)]);
const EXECUTABLE = Buffer.concat([Buffer.from('MZ'), Buffer.from([0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0xff, 0xff])]);

describe.each(CONTRACT_BACKENDS)('files attached to an asset on %s', (backend) => {
  let c: TestCollector;
  let admin: RegisterClient;
  let assetId: string;

  beforeAll(async () => {
    ({ c, admin } = await startRegister(backend));
    const categoryId = await admin.categoryId('hardware.peripherals');
    assetId = expectStatus(await admin.post('/assets', { name: 'Attachment probe', categoryId }), 201).id;
  });
  afterAll(async () => c?.stop());

  it('keeps a PDF and a photo by their content, gives them back byte for byte, and names them in the history', async () => {
    // The name says .txt: the type comes from the bytes, not from the name.
    const pdf = expectStatus(await admin.post(`/assets/${assetId}/attachments`, { fileName: 'invoice.txt', kind: 'invoice', content: PDF.toString('base64') }), 201);
    expect(pdf).toMatchObject({ mediaType: 'application/pdf', size: PDF.length, kind: 'invoice', fileName: 'invoice.txt' });
    const png = expectStatus(await admin.post(`/assets/${assetId}/attachments`, { fileName: 'shelf.png', kind: 'photo', content: PNG.toString('base64') }), 201);
    expect(png.mediaType).toBe('image/png');

    const listed = expectStatus(await admin.get(`/assets/${assetId}/attachments`), 200);
    expect(listed.items.map((a: { fileName: string }) => a.fileName)).toEqual(['invoice.txt', 'shelf.png']);

    const response = await fetch(`${c.url}/api/v1/register/assets/${assetId}/attachments/${pdf.id}`, { headers: await c.adminAuth() });
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);

    const history = expectStatus(await admin.get(`/assets/${assetId}/history`), 200);
    expect(history.items.filter((h: { action: string }) => h.action === 'file_attached')).toHaveLength(2);
  });

  it('refuses a file of another type and one over the size limit, storing nothing', async () => {
    const before = expectStatus(await admin.get(`/assets/${assetId}/attachments`), 200).items.length;
    const refused = await admin.post(`/assets/${assetId}/attachments`, { fileName: 'setup.pdf', kind: 'other', content: EXECUTABLE.toString('base64') });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('content');
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(ATTACHMENT_MAX_BYTES, 0x20)]);
    const tooBig = await admin.post(`/assets/${assetId}/attachments`, { fileName: 'scan.pdf', kind: 'certificate', content: big.toString('base64') });
    expect([400, 413]).toContain(tooBig.status);
    expect(expectStatus(await admin.get(`/assets/${assetId}/attachments`), 200).items).toHaveLength(before);
  });

  it('lets readers download but not upload or remove; removal by a writer is recorded', async () => {
    const auditor = await clientWithRole(c, 'auditor');
    const listed = expectStatus(await auditor.get(`/assets/${assetId}/attachments`), 200);
    expect(listed.items.length).toBeGreaterThan(0);
    expect((await auditor.post(`/assets/${assetId}/attachments`, { fileName: 'a.pdf', kind: 'other', content: PDF.toString('base64') })).status).toBe(403);
    const first = listed.items[0].id as string;
    expect((await auditor.delete(`/assets/${assetId}/attachments/${first}`)).status).toBe(403);
    expect((await admin.delete(`/assets/${assetId}/attachments/${first}`)).status).toBe(204);
    expect((await admin.delete(`/assets/${assetId}/attachments/${first}`)).status).toBe(404);
    const history = expectStatus(await admin.get(`/assets/${assetId}/history`), 200);
    expect(history.items.some((h: { action: string }) => h.action === 'file_removed')).toBe(true);
  });
});
