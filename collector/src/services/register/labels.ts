import bwipjs from 'bwip-js';
import PDFDocument from 'pdfkit';
import type { LabelLayout } from '@steward/shared';

const MM = 72 / 25.4;
const INCH = 72;

/** A label stock: the page it comes on and where each label sits on it. */
interface LabelStock {
  page: [number, number];
  width: number;
  height: number;
  columns: number;
  rows: number;
  left: number;
  top: number;
  pitchX: number;
  pitchY: number;
}

/**
 * Avery L7163: A4 sheets of 14 labels (2 × 7) of 99.1 × 38.1 mm.
 * Dymo 99012: rolls of 89 × 36 mm labels, one per page. 2 × 1 in: thermal rolls, one per page.
 */
export const LABEL_STOCKS: Record<LabelLayout, LabelStock> = {
  'avery-l7163': {
    page: [210 * MM, 297 * MM], width: 99.1 * MM, height: 38.1 * MM, columns: 2, rows: 7,
    left: 4.65 * MM, top: 15.15 * MM, pitchX: 101.6 * MM, pitchY: 38.1 * MM,
  },
  'dymo-99012': { page: [89 * MM, 36 * MM], width: 89 * MM, height: 36 * MM, columns: 1, rows: 1, left: 0, top: 0, pitchX: 0, pitchY: 0 },
  '2x1in': { page: [2 * INCH, 1 * INCH], width: 2 * INCH, height: 1 * INCH, columns: 1, rows: 1, left: 0, top: 0, pitchX: 0, pitchY: 0 },
};

export interface LabelItem {
  tag: string;
  name: string;
}

/** QR code and Code 128 barcode of an asset tag, as PNG images. */
async function codesOf(tag: string): Promise<{ qr: Buffer; barcode: Buffer }> {
  const [qr, barcode] = await Promise.all([
    bwipjs.toBuffer({ bcid: 'qrcode', text: tag, scale: 4 }),
    bwipjs.toBuffer({ bcid: 'code128', text: tag, scale: 3, height: 8, includetext: false }),
  ]);
  return { qr, barcode };
}

function drawLabel(doc: PDFKit.PDFDocument, x: number, y: number, stock: LabelStock, item: LabelItem, codes: { qr: Buffer; barcode: Buffer }, heading?: string): void {
  const pad = Math.min(stock.height * 0.08, 3 * MM);
  const qrSize = stock.height - 2 * pad;
  doc.image(codes.qr, x + pad, y + pad, { width: qrSize, height: qrSize });
  const textX = x + 2 * pad + qrSize;
  const textWidth = stock.width - qrSize - 3 * pad;
  const small = Math.max(stock.height / 9, 5);
  let cursor = y + pad;
  if (heading) {
    doc.font('Helvetica').fontSize(small).text(heading, textX, cursor, { width: textWidth, height: small * 1.2, lineBreak: false, ellipsis: true });
    cursor += small * 1.3;
  }
  // The tag must stay whole and readable: shrink it to the width rather than wrap it.
  doc.font('Helvetica-Bold').fontSize(100);
  const tagSize = Math.min(Math.max(stock.height / 5.5, 6), (100 * textWidth) / doc.widthOfString(item.tag));
  doc.fontSize(tagSize).text(item.tag, textX, cursor, { width: textWidth + 1, lineBreak: false });
  cursor += tagSize * 1.2;
  doc.font('Helvetica').fontSize(small).text(item.name, textX, cursor, { width: textWidth, height: small * 1.2, lineBreak: false, ellipsis: true });
  const barcodeHeight = y + stock.height - pad - (cursor + small * 1.4);
  if (barcodeHeight > 4) doc.image(codes.barcode, textX, cursor + small * 1.4, { width: textWidth, height: barcodeHeight });
}

/**
 * A PDF of asset labels (QR code, tag, name, barcode) laid out for the chosen label stock. Drawing
 * a label is synchronous work: the loop lets other work in between labels, so a sheet of thousands
 * holds neither requests nor the renewal of the job's lease, and stops between labels on the signal.
 */
export async function renderLabels(items: LabelItem[], layout: LabelLayout, heading?: string, signal?: AbortSignal): Promise<Buffer> {
  const stock = LABEL_STOCKS[layout];
  const perPage = stock.columns * stock.rows;
  const doc = new PDFDocument({ size: stock.page, margin: 0, autoFirstPage: false, info: { Title: 'Asset labels', Creator: 'Steward' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  for (const [index, item] of items.entries()) {
    const slot = index % perPage;
    if (slot === 0) doc.addPage({ size: stock.page, margin: 0 });
    const x = stock.left + (slot % stock.columns) * stock.pitchX;
    const y = stock.top + Math.floor(slot / stock.columns) * stock.pitchY;
    drawLabel(doc, x, y, stock, item, await codesOf(item.tag), heading);
    await new Promise((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
