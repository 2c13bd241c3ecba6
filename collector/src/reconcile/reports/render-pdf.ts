import PDFDocument from 'pdfkit';
import { formatNumber, type ReportDocument, type ReportTable } from './report-table.js';

const MARGIN = 30;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const SIZE = 7;

function cellText(value: string | number | null): string {
  if (value === null) return '—';
  return typeof value === 'number' ? formatNumber(value, Number.isInteger(value) ? 0 : 2) : value;
}

/** Scales a table's nominal column widths to the page width. */
function widthsFor(table: ReportTable, pageWidth: number): number[] {
  const total = table.columns.reduce((s, c) => s + c.width, 0);
  return table.columns.map((c) => (c.width / total) * pageWidth);
}

function drawRow(doc: PDFKit.PDFDocument, cells: string[], table: ReportTable, widths: number[], bold: boolean): void {
  doc.font(bold ? BOLD : FONT).fontSize(SIZE);
  const heights = cells.map((text, i) => doc.heightOfString(text, { width: widths[i]! - 4 }));
  const height = Math.max(...heights, SIZE + 2) + 3;
  if (doc.y + height > doc.page.height - MARGIN) {
    doc.addPage();
    if (!bold) drawRow(doc, table.columns.map((c) => c.header), table, widths, true);
  }
  const top = doc.y;
  let x = MARGIN;
  cells.forEach((text, i) => {
    doc.text(text, x + 2, top + 1.5, { width: widths[i]! - 4, align: table.columns[i]?.align === 'right' ? 'right' : 'left', lineBreak: true });
    x += widths[i]!;
  });
  doc.moveTo(MARGIN, top + height).lineTo(doc.page.width - MARGIN, top + height).lineWidth(0.3).strokeColor(bold ? '#888888' : '#dddddd').stroke();
  doc.y = top + height;
  doc.x = MARGIN;
}

function drawTable(doc: PDFKit.PDFDocument, table: ReportTable): void {
  const pageWidth = doc.page.width - 2 * MARGIN;
  const widths = widthsFor(table, pageWidth);
  if (doc.y > doc.page.height - MARGIN - 60) doc.addPage();
  doc.moveDown(0.8).font(BOLD).fontSize(10).text(table.title, MARGIN, doc.y, { width: pageWidth });
  doc.moveDown(0.3);
  drawRow(doc, table.columns.map((c) => c.header), table, widths, true);
  if (table.rows.length === 0) {
    doc.font(FONT).fontSize(SIZE).fillColor('#777777').text('None', MARGIN + 2, doc.y + 2).fillColor('#000000');
    return;
  }
  for (const row of table.rows) drawRow(doc, row.map(cellText), table, widths, false);
}

/** The report as an A4 landscape PDF. */
export function renderPdf(report: ReportDocument): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, bufferPages: false, info: { Title: report.title } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font(BOLD).fontSize(16).text(report.title);
  doc.font(FONT).fontSize(9).fillColor('#555555').text(report.subtitle).fillColor('#000000');
  doc.moveDown(0.6);
  for (const [label, value] of report.figures) {
    doc.font(FONT).fontSize(9).text(`${label}: `, { continued: true }).font(BOLD).text(value);
  }
  for (const table of report.tables) drawTable(doc, table);
  if (report.note) doc.moveDown(1).font(FONT).fontSize(7).fillColor('#555555').text(report.note, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN });
  doc.end();
  return done;
}
