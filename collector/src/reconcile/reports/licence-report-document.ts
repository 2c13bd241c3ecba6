import type { LicenceReportData } from './licence-report-data.js';
import { formatInstant, formatMoney, formatNumber, type ReportDocument, type ReportTable } from './report-table.js';

const POSITION_COLUMNS: ReportTable['columns'] = [
  { header: 'Publisher', width: 70 }, { header: 'Product', width: 95 }, { header: 'Metric', width: 50 },
  { header: 'Entitled', width: 45, align: 'right' }, { header: 'Consumed', width: 48, align: 'right' },
  { header: 'Covered', width: 45, align: 'right' }, { header: 'Shortfall', width: 45, align: 'right' },
  { header: 'Surplus', width: 42, align: 'right' }, { header: 'Shortfall cost', width: 70, align: 'right' },
  { header: 'Installs', width: 42, align: 'right' }, { header: 'Unlicensed', width: 50, align: 'right' },
  { header: 'Shelfware', width: 48, align: 'right' },
];

/** The licence reconciliation report as tables, the same for CSV, HTML and PDF. */
export function licenceReportDocument(data: LicenceReportData): ReportDocument {
  const s = data.summary;
  const cost = s.currencies.length === 1 ? formatMoney(s.shortfallCost, s.currencies[0]) : formatMoney(s.shortfallCost, s.currencies.join('/'));
  const tables: ReportTable[] = data.groups.map((g) => ({
    title: data.groupBy === 'vendor' ? `Vendor: ${g.name} — ${g.installs} installs, ${g.unlicensed} unlicensed, shortfall ${formatNumber(g.shortfallCost, 2)}` : 'Position per product',
    columns: POSITION_COLUMNS,
    rows: g.positions.map((p) => [
      p.publisher, p.product, p.metric, p.entitled, p.consumed, p.covered, p.shortfall, p.surplus,
      p.shortfallCost, p.installs, p.unlicensed, p.shelfware,
    ]),
  }));
  if (data.groupBy === 'department') {
    tables.push({
      title: 'Installs per department',
      columns: [{ header: 'Department', width: 150 }, { header: 'Product', width: 200 }, { header: 'Installs', width: 60, align: 'right' }, { header: 'Unlicensed', width: 60, align: 'right' }],
      rows: data.departments.map((d) => [d.department ?? '(no department)', d.product, d.installs, d.unlicensed]),
    });
  }
  tables.push({
    title: 'Unlicensed installs and their evidence',
    columns: [
      { header: 'Publisher', width: 60 }, { header: 'Product', width: 70 }, { header: 'Device', width: 80 }, { header: 'Seen by', width: 40 },
      { header: 'User', width: 60 }, { header: 'Release', width: 40 }, { header: 'Edition', width: 50 }, { header: 'Units', width: 32, align: 'right' },
      { header: 'Source', width: 48 }, { header: 'Installed title', width: 110 }, { header: 'Version', width: 50 },
      { header: 'First seen', width: 58 }, { header: 'Last seen', width: 58 },
    ],
    rows: data.unlicensed.map((u) => [
      u.publisher, u.product, u.hostname, u.deviceKind === 'snmp' ? 'SNMP' : 'agent', u.user, u.release, u.edition, u.units,
      u.source, u.rawName, u.rawVersion, u.firstSeen.slice(0, 10), u.lastSeen.slice(0, 10),
    ]),
  });
  return {
    title: 'Licence reconciliation report',
    subtitle: `As of ${formatInstant(data.asOf)} · generated ${formatInstant(data.generatedAt)} · grouped by ${data.groupBy}`,
    figures: [
      ['Products', formatNumber(s.products)],
      ['Products short of licences', formatNumber(s.productsShort)],
      ['Licensable installs', formatNumber(s.installs)],
      ['Unlicensed installs', formatNumber(s.unlicensed)],
      ['Shortfall cost', cost],
    ],
    tables,
    note: 'Entitlements count when in force on the date; installs count from the day a discovery first saw them. An install is covered by the licensed release, by an earlier one where downgrade rights allow, and by the editions listed.',
  };
}
