import PDFDocument from 'pdfkit';
import type { ReportResult } from '@steward/shared';
import { toCsv } from '../services/csv.js';

/** The report's table as CSV; every cell is neutralised so a spreadsheet never runs it as a formula. */
export function reportCsv(report: ReportResult): string {
  return toCsv(report.rows, report.columns.map((c) => ({ header: c.header, value: (row: ReportResult['rows'][number]) => row[c.key] })));
}

function cellText(value: unknown, kind: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && kind === 'money') return value.toFixed(2);
  if (typeof value === 'number' && kind === 'percent') return `${value.toFixed(1)}%`;
  return String(value);
}

/** Column widths in proportion to what they hold, filling the page width. */
function columnWidths(report: ReportResult, width: number): number[] {
  const want = report.columns.map((c) => Math.min(40, Math.max(c.header.length, ...report.rows.slice(0, 200).map((r) => cellText(r[c.key], c.kind).length), 4)));
  const total = want.reduce((a, b) => a + b, 0);
  return want.map((w) => (w / total) * width);
}

/** The report as a printable PDF: title, parameters, headline figures, then the table across pages. */
export function reportPdf(report: ReportResult): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 36, info: { Title: report.title, Producer: 'Steward' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('Helvetica-Bold').fontSize(16).text(report.title);
  doc.font('Helvetica').fontSize(9).fillColor('#555')
    .text(`Generated ${report.generatedAt.replace('T', ' ').slice(0, 16)} UTC`)
    .text(Object.entries(report.params).map(([k, v]) => `${k}: ${String(v)}`).join('   ') || ' ');
  doc.moveDown(0.5).fillColor('#000').fontSize(10).text(report.summary.map((s) => `${s.label}: ${s.value ?? '-'}`).join('    '));
  doc.moveDown(0.8);
  const widths = columnWidths(report, width);
  const bottom = doc.page.height - doc.page.margins.bottom;
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(7.5);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 4 }))) + 4;
    if (doc.y + height > bottom) {
      doc.addPage();
      if (!bold) drawRow(report.columns.map((c) => c.header), true);
    }
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.text(c, x + 2, y + 2, { width: widths[i]! - 4, align: report.columns[i]!.kind === 'text' || report.columns[i]!.kind === 'date' ? 'left' : 'right' });
      x += widths[i]!;
    });
    doc.y = y + height;
    doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(bold ? 0.8 : 0.3).strokeColor('#999').stroke();
  };
  drawRow(report.columns.map((c) => c.header), true);
  for (const row of report.rows) drawRow(report.columns.map((c) => cellText(row[c.key], c.kind)), false);
  if (report.rows.length === 0) doc.font('Helvetica-Oblique').fontSize(9).text('Nothing to report.', left, doc.y + 6);
  doc.end();
  return done;
}
