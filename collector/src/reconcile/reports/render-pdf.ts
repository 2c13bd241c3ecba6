import PDFDocument from 'pdfkit';
import { factsLine, formatNumber, SIGN_OFF_LINES, type ReportDocument, type ReportSection, type ReportTable } from './report-table.js';

const MARGIN = 30;
/** Room kept under each page's content for its footer. */
const FOOTER = 16;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const SIZE = 7;

type Pdf = PDFKit.PDFDocument;

const bottomOf = (doc: Pdf) => doc.page.height - MARGIN - FOOTER;
const widthOf = (doc: Pdf) => doc.page.width - 2 * MARGIN;

function cellText(value: string | number | null): string {
  if (value === null) return '—';
  return typeof value === 'number' ? formatNumber(value, Number.isInteger(value) ? 0 : 2) : value;
}

/** Scales a table's nominal column widths to the page width. */
function widthsFor(table: ReportTable, pageWidth: number): number[] {
  const total = table.columns.reduce((s, c) => s + c.width, 0);
  return table.columns.map((c) => (c.width / total) * pageWidth);
}

/** Starts a new page unless `height` still fits on this one. */
function keepRoom(doc: Pdf, height: number): void {
  if (doc.y + height > bottomOf(doc)) {
    doc.addPage();
    doc.x = MARGIN;
  }
}

function drawRow(doc: Pdf, cells: string[], table: ReportTable, widths: number[], bold: boolean): void {
  doc.font(bold ? BOLD : FONT).fontSize(SIZE);
  const heights = cells.map((text, i) => doc.heightOfString(text, { width: widths[i]! - 4 }));
  const height = Math.max(...heights, SIZE + 2) + 3;
  if (doc.y + height > bottomOf(doc)) {
    doc.addPage();
    if (!bold) drawRow(doc, table.columns.map((c) => c.header), table, widths, true);
    doc.font(bold ? BOLD : FONT).fontSize(SIZE);
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

function drawTable(doc: Pdf, table: ReportTable): void {
  const widths = widthsFor(table, widthOf(doc));
  keepRoom(doc, 60);
  doc.moveDown(0.8).font(BOLD).fontSize(10).text(table.title, MARGIN, doc.y, { width: widthOf(doc) });
  doc.moveDown(0.3);
  drawRow(doc, table.columns.map((c) => c.header), table, widths, true);
  if (table.rows.length === 0) {
    doc.font(FONT).fontSize(SIZE).fillColor('#777777').text('None', MARGIN + 2, doc.y + 2).fillColor('#000000');
    return;
  }
  for (const row of table.rows) drawRow(doc, row.map(cellText), table, widths, false);
}

function drawSection(doc: Pdf, section: ReportSection): void {
  keepRoom(doc, 50);
  doc.moveDown(0.8).font(BOLD).fontSize(10).text(section.title, MARGIN, doc.y, { width: widthOf(doc) });
  doc.moveDown(0.3).font(FONT).fontSize(8);
  for (const line of section.lines) {
    keepRoom(doc, doc.heightOfString(line, { width: widthOf(doc) - 10 }) + 2);
    doc.text(`•  ${line}`, MARGIN, doc.y, { width: widthOf(doc) - 10 });
    doc.moveDown(0.2);
  }
}

/** Side by side, one block per signatory: a name, role, date and signature line for each. */
function drawSignOff(doc: Pdf, roles: string[]): void {
  const lineGap = 22;
  keepRoom(doc, 40 + lineGap * SIGN_OFF_LINES.length);
  doc.moveDown(1.2).font(BOLD).fontSize(10).text('Sign-off', MARGIN, doc.y, { width: widthOf(doc) });
  const top = doc.y + 6;
  const column = widthOf(doc) / roles.length;
  roles.forEach((role, i) => {
    const x = MARGIN + i * column;
    doc.font(BOLD).fontSize(9).text(role, x, top, { width: column - 20 });
    SIGN_OFF_LINES.forEach((label, n) => {
      const y = top + 18 + n * lineGap;
      doc.font(FONT).fontSize(8).text(`${label}:`, x, y, { width: 50 });
      doc.moveTo(x + 52, y + 9).lineTo(x + column - 30, y + 9).lineWidth(0.5).strokeColor('#333333').stroke();
    });
  });
  doc.y = top + 18 + SIGN_OFF_LINES.length * lineGap;
  doc.x = MARGIN;
}

/** Each page's footer: what the report is and whose, and "Page n of m". */
function drawFooters(doc: Pdf, report: ReportDocument): void {
  const range = doc.bufferedPageRange();
  const label = [report.organisation, report.title].filter(Boolean).join(' · ');
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN - FOOTER + 6;
    // Writing below the bottom margin would otherwise start a new page.
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, bottom: 0 };
    doc.font(FONT).fontSize(7).fillColor('#555555');
    doc.text(label, MARGIN, y, { width: widthOf(doc) / 2, lineBreak: false });
    doc.text(`Page ${i + 1 - range.start} of ${range.count}`, MARGIN + widthOf(doc) / 2, y, { width: widthOf(doc) / 2, align: 'right', lineBreak: false });
    doc.page.margins = margins;
  }
  doc.fillColor('#000000');
}

/** The report as an A4 landscape PDF, numbered "Page n of m". */
export function renderPdf(report: ReportDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4', layout: 'landscape', margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER }, bufferPages: true, info: { Title: report.title, Producer: 'Steward' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  if (report.organisation) doc.font(BOLD).fontSize(12).text(report.organisation);
  doc.font(BOLD).fontSize(16).text(report.title);
  doc.font(FONT).fontSize(9).fillColor('#555555').text(factsLine(report)).fillColor('#000000');
  doc.moveDown(0.6);
  for (const [label, value] of report.figures) {
    doc.font(FONT).fontSize(9).text(`${label}: `, { continued: true }).font(BOLD).text(value);
  }
  for (const table of report.tables) drawTable(doc, table);
  for (const section of report.sections ?? []) drawSection(doc, section);
  if (report.note) doc.moveDown(1).font(FONT).fontSize(7).fillColor('#555555').text(report.note, MARGIN, doc.y, { width: widthOf(doc) }).fillColor('#000000');
  if (report.signOff?.length) drawSignOff(doc, report.signOff);
  drawFooters(doc, report);
  doc.end();
  return done;
}
