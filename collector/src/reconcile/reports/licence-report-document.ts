import { unpricedNote, type LicencePosition } from '@steward/shared';
import type { LicenceReportData } from './licence-report-data.js';
import { formatInstant, formatMoney, formatNumber, type ReportDocument, type ReportTable } from './report-table.js';

const POSITION_COLUMNS: ReportTable['columns'] = [
  { header: 'Publisher', width: 70 }, { header: 'Product', width: 95 }, { header: 'Metric', width: 50 },
  { header: 'Entitled', width: 45, align: 'right' }, { header: 'Consumed', width: 48, align: 'right' },
  { header: 'Covered', width: 45, align: 'right' }, { header: 'Shortfall', width: 45, align: 'right' },
  { header: 'Surplus', width: 42, align: 'right' }, { header: 'Shortfall cost', width: 60, align: 'right' },
  { header: 'Currency', width: 40 }, { header: 'Installs', width: 42, align: 'right' }, { header: 'Unlicensed', width: 50, align: 'right' },
  { header: 'Shelfware', width: 48, align: 'right' },
];

/** The rules every licence position follows, as the report states them. */
const GENERAL_RULES = [
  'Entitlements count when in force on the date (between their term start and end); installs count from the day a discovery first saw them.',
  'An install is covered by the licensed release, by an earlier release where the entitlement grants downgrade rights, and by the editions the entitlement lists (any edition when none is listed).',
  'Per-device metrics count each device once; per-user and subscription metrics count each person once, however many devices they use; per-core metrics count cores raised to the per-processor and per-device minimums; a site licence covers every install.',
  "A shortfall is priced by the highest unit cost among the product's entitlements of its metric, else the organisation's own price, else the catalogue's list price; a product with none of these is named as without a price and left out of the cost.",
];

const yes = (flag: boolean) => (flag ? 'yes' : 'no');

function positionRow(p: LicencePosition): Array<string | number | null> {
  return [p.publisher, p.product, p.metric, p.entitled, p.consumed, p.covered, p.shortfall, p.surplus,
    p.shortfall > 0 && p.shortfallCost === null ? 'no price' : p.shortfallCost, p.currency, p.installs, p.unlicensed, p.shelfware];
}

function positionTables(data: LicenceReportData): ReportTable[] {
  return data.groups.map((g) => ({
    key: 'positions',
    title: data.groupBy === 'vendor' ? `Vendor: ${g.name} — ${g.installs} installs, ${g.unlicensed} unlicensed, shortfall ${formatNumber(g.shortfallCost, 2)}` : 'Position per product',
    columns: POSITION_COLUMNS,
    rows: g.positions.map(positionRow),
  }));
}

function entitlementTable(data: LicenceReportData): ReportTable {
  return {
    key: 'entitlements',
    title: 'Entitlements and contracts counted',
    columns: [
      { header: 'Publisher', width: 55 }, { header: 'Product', width: 70 }, { header: 'Entitlement', width: 80 }, { header: 'Contract', width: 55 },
      { header: 'Vendor', width: 55 }, { header: 'Metric', width: 45 }, { header: 'Quantity', width: 40, align: 'right' },
      { header: 'Used', width: 35, align: 'right' }, { header: 'Release', width: 35 }, { header: 'Downgrade rights', width: 40 },
      { header: 'Editions', width: 60 }, { header: 'Term start', width: 50 }, { header: 'Term end', width: 50 },
      { header: 'Unit cost', width: 40, align: 'right' }, { header: 'Currency', width: 35 },
    ],
    rows: data.entitlements.map((e) => [
      e.publisher, e.product, e.description, e.contract, e.vendor, e.metric, e.quantity ?? 'unlimited', e.used, e.release,
      yes(e.downgradeRights), e.editions?.join(', ') ?? 'any', e.termStart, e.termEnd, e.unitCost, e.currency,
    ]),
  };
}

/** The rules each product's position was computed under: its metric, downgrade rights, editions, price. */
function rulesTable(data: LicenceReportData): ReportTable {
  const positions = data.groups.flatMap((g) => g.positions);
  const rows = positions.map((p) => {
    const counted = data.entitlements.filter((e) => e.productId === p.productId);
    const price = data.prices.get(p.productId);
    const priced = counted.some((e) => e.metric === p.metric && e.unitCost !== null) ? 'entitlement unit cost'
      : price?.organisationPrice != null ? `organisation's price (${formatMoney(price.organisationPrice, price.organisationCurrency)})`
      : price?.listPrice != null ? `list price (${formatMoney(price.listPrice, 'EUR')})` : 'none';
    return [p.publisher, p.product, p.metric, counted.length, yes(counted.some((e) => e.downgradeRights)),
      [...new Set(counted.flatMap((e) => e.editions ?? []))].join(', ') || 'any', priced];
  });
  return {
    key: 'rules',
    title: 'Rules applied per product',
    columns: [
      { header: 'Publisher', width: 70 }, { header: 'Product', width: 100 }, { header: 'Metric counted', width: 60 },
      { header: 'Entitlements counted', width: 60, align: 'right' }, { header: 'Downgrade rights', width: 60 },
      { header: 'Editions covered', width: 110 }, { header: 'Price of the shortfall', width: 140 },
    ],
    rows,
  };
}

function installsTable(data: LicenceReportData): ReportTable {
  return {
    key: 'installs',
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
  };
}

/** The licence reconciliation report as tables, the same for CSV, HTML and PDF. */
export function licenceReportDocument(data: LicenceReportData): ReportDocument {
  const s = data.summary;
  const cost = s.currencies.length === 1 ? formatMoney(s.shortfallCost, s.currencies[0]) : formatMoney(s.shortfallCost, s.currencies.join('/'));
  const tables = positionTables(data);
  if (data.groupBy === 'department') {
    tables.push({
      key: 'departments',
      title: 'Installs per department',
      columns: [{ header: 'Department', width: 150 }, { header: 'Product', width: 200 }, { header: 'Installs', width: 60, align: 'right' }, { header: 'Unlicensed', width: 60, align: 'right' }],
      rows: data.departments.map((d) => [d.department ?? '(no department)', d.product, d.installs, d.unlicensed]),
    });
  }
  tables.push(entitlementTable(data), rulesTable(data), installsTable(data));
  const gaps = unpricedNote(s);
  return {
    title: 'Licence reconciliation report',
    organisation: data.organisation || undefined,
    facts: [
      ['Period', `entitlements in force and installs seen on ${data.asOf.slice(0, 10)}`],
      ['Data as of', formatInstant(data.asOf)],
      ['Generated', formatInstant(data.generatedAt)],
      ['Grouped by', data.groupBy],
    ],
    figures: [
      ['Products', formatNumber(s.products)],
      ['Products short of licences', formatNumber(s.productsShort)],
      ['Licensable installs', formatNumber(s.installs)],
      ['Unlicensed installs', formatNumber(s.unlicensed)],
      ['Shortfall cost', gaps ? `${cost} (known prices only)` : cost],
      ['Without a price', gaps ?? 'none'],
    ],
    tables,
    sections: [{ title: 'Rules applied', lines: GENERAL_RULES }],
    signOff: ['Prepared by', 'Reviewed and approved by'],
  };
}
