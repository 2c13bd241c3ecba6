import { migrate } from '../../collector/src/store/migrate.js';
import { ensureShippedCatalogue } from '../../collector/src/reconcile/catalogue/ensure-catalogue.js';
import { runFullReconciliation } from '../../collector/src/reconcile/run/full-reconciliation.js';
import { reconcileDevice } from '../../collector/src/reconcile/run/reconcile-device.js';
import { recomputePositions } from '../../collector/src/reconcile/run/recompute-positions.js';
import { licenceReportData } from '../../collector/src/reconcile/reports/licence-report-data.js';
import { licenceReportDocument } from '../../collector/src/reconcile/reports/licence-report-document.js';
import { renderPdf } from '../../collector/src/reconcile/reports/render-pdf.js';
import { renderCsvZip } from '../../collector/src/reconcile/reports/render-csv.js';
import { replaceEntitlement } from '../../collector/src/reconcile/entitlements/entitlement-service.js';
import { getEntitlement } from '../../collector/src/store/reconcile/entitlements.js';
import { loadavg } from 'node:os';
import { randomBytes } from 'node:crypto';
import { createTestDatabase } from '../support/database.js';
import { commercialTitles, generateEntitlements, generateEstate, generateRegister } from './reconcile-estate.js';

export interface ReconcileFigures {
  devices: number;
  installs: number;
  licensableInstalls: number;
  entitlements: number;
  unlicensed: number;
  generateSeconds: number;
  /** First full reconciliation: every title normalised, every install, match and finding made. */
  fullFirstSeconds: number;
  /** Full reconciliation after the entitlements were added. */
  fullSeconds: number;
  /** Full reconciliation with nothing changed since the last. */
  fullUnchangedSeconds: number;
  /** One entitlement changed through the service, its product's position recomputed with it. */
  entitlementChangeP50Ms: number;
  entitlementChangeP95Ms: number;
  entitlementChangeMaxMs: number;
  /** The change on the product with the most installs. */
  entitlementChangeLargest: { productId: string; installs: number; ms: number };
  /** One device after a report: titles, installs, identity, match and findings. */
  incrementalP50Ms: number;
  incrementalP95Ms: number;
  /** The positions that device moves (each product computed whole), measured on every tenth sample. */
  positionsP50Ms: number;
  positionsP95Ms: number;
  reportPdfSeconds: number;
  reportPdfPages: number;
  reportCsvSeconds: number;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1000 };
}

/**
 * Full and incremental reconciliation over a synthetic estate (by default 100,000 devices with 60
 * installs each and 2,000 entitlements) on PostgreSQL, and the licence report as PDF and CSV.
 */
export async function benchReconcile(options: { devices?: number; installsPerDevice?: number; entitlements?: number; samples?: number; entitlementSamples?: number; log?: (line: string) => void } = {}): Promise<ReconcileFigures> {
  if (!process.env.TEST_DATABASE_URL) throw new Error('the reconciliation benchmark needs PostgreSQL: set TEST_DATABASE_URL');
  const devices = options.devices ?? 100_000;
  const installsPerDevice = options.installsPerDevice ?? 60;
  const entitlementCount = options.entitlements ?? 2000;
  const samples = options.samples ?? 200;
  const entitlementSamples = options.entitlementSamples ?? 30;
  const log = options.log ?? (() => undefined);
  const t = await createTestDatabase('postgres');
  try {
    const db = t.db;
    await migrate(db);
    await ensureShippedCatalogue(db);
    const generated = await timed(async () => {
      await generateEstate(db, { devices, installsPerDevice, commercialPerDevice: 10, otherTitles: 1700 });
      await generateRegister(db, devices);
      await db.exec('analyze');
    });
    log(`estate generated in ${generated.seconds.toFixed(1)} s`);
    const steps = (label: string) => {
      const parts: string[] = [];
      return { onStep: (step: string, ms: number) => parts.push(`${step} ${(ms / 1000).toFixed(1)} s`), print: () => log(`  ${label}: ${parts.join(', ')}`) };
    };
    const firstSteps = steps('first full, by step');
    const first = await timed(() => runFullReconciliation(db, { onStep: firstSteps.onStep }));
    firstSteps.print();
    log(`first full reconciliation ${first.seconds.toFixed(1)} s: ${JSON.stringify(first.value)}`);
    await generateEntitlements(db, entitlementCount);
    await db.exec('analyze');
    const fullSteps = steps('full, by step');
    const full = await timed(() => runFullReconciliation(db, { onStep: fullSteps.onStep }));
    log(`full reconciliation with entitlements ${full.seconds.toFixed(1)} s`);
    fullSteps.print();
    const unchanged = await timed(() => runFullReconciliation(db));
    log(`full reconciliation, nothing changed ${unchanged.seconds.toFixed(1)} s`);

    // An entitlement changed through the service, as the API changes it: the product's position
    // is recomputed in the same transaction. One entitlement of each product, the products with the
    // most installs (the dearest to recompute) first.
    const keys = { current: 'bench', keys: new Map([['bench', randomBytes(32)]]) };
    const actor = { username: 'bench', role: 'admin' };
    const { rows: changing } = await db.query<{ id: string; product_id: string; installs: number }>(
      `select * from (
         select distinct on (e.product_id) e.id, e.product_id, p.installs from entitlements e join licence_positions p on p.product_id = e.product_id
          where e.metric <> 'site' order by e.product_id, e.id) e
        order by installs desc, product_id limit $1`, [entitlementSamples]);
    const entitlementChange: number[] = [];
    let largestProduct = { productId: '', installs: 0, ms: 0 };
    for (const [n, { id }] of changing.entries()) {
      const e = (await getEntitlement(db, id))!;
      const input = {
        productId: e.productId, description: e.description ?? undefined, metric: e.metric, quantity: (e.quantity ?? 0) + (n % 2 ? -1 : 1),
        release: e.release ?? undefined, downgradeRights: e.downgradeRights, editions: e.editions ?? undefined,
        minCoresPerProcessor: e.minCoresPerProcessor ?? undefined, minCoresPerDevice: e.minCoresPerDevice ?? undefined,
        termStart: e.termStart ?? undefined, termEnd: e.termEnd ?? undefined, unitCost: e.unitCost ?? undefined, currency: e.currency,
        vendor: e.vendor ?? undefined, contract: e.contract ?? undefined,
      };
      const changed = await timed(() => replaceEntitlement(db, keys, actor, id, input));
      entitlementChange.push(changed.seconds * 1000);
      if (n === 0) largestProduct = { productId: changing[0]!.product_id, installs: changing[0]!.installs, ms: changed.seconds * 1000 };
    }
    log(`entitlement change p50 ${percentile(entitlementChange, 50).toFixed(1)} ms, p95 ${percentile(entitlementChange, 95).toFixed(1)} ms`);

    const incremental: number[] = [];
    const positions: number[] = [];
    const commercial = commercialTitles();
    for (let s = 0; s < samples; s++) {
      const i = 1 + ((s * 7919) % devices);
      const [name, publisher, version] = commercial[(s * 31) % commercial.length]!;
      // What a report changes: one package gone, another come (linked to its title), the device seen again.
      await db.query(
        `with gone as (delete from device_software where ctid = (select ctid from device_software where device_id = md5('device' || $1)::uuid limit 1))
         insert into device_software (device_id, source, name, version, publisher, first_seen, title_id)
         values (md5('device' || $1)::uuid, 'registry', $2, $3, $4, now(),
                 (select id from software_titles where source = 'registry' and name = $2 and publisher = $4 and version = $3))`,
        [i, name, version, publisher],
      );
      await db.query(`update devices set last_seen = now() where id = md5('device' || $1)::uuid`, [i]);
      const { rows } = await db.query<{ id: string }>(`select md5('device' || $1)::uuid::text as id`, [i]);
      const device = await timed(() => reconcileDevice(db, rows[0]!.id));
      incremental.push(device.seconds * 1000);
      if (s % 10 === 0) {
        const moved = await timed(() => recomputePositions(db, device.value.products));
        positions.push(moved.seconds * 1000);
      }
    }
    log(`incremental p95 ${percentile(incremental, 95).toFixed(1)} ms, positions p95 ${percentile(positions, 95).toFixed(1)} ms`);

    const pdf = await timed(async () => {
      const doc = licenceReportDocument(await licenceReportData(db, { groupBy: 'product' }));
      return { doc, bytes: await renderPdf(doc) };
    });
    const csv = await timed(async () => renderCsvZip(licenceReportDocument(await licenceReportData(db, { groupBy: 'product' })), 'licence'));
    const pages = (pdf.value.bytes.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
    const counts = await db.query<{ installs: number; licensable: number; unlicensed: number; entitlements: number }>(
      `select (select count(*)::int from device_software) as installs, (select count(*)::int from licence_installs) as licensable,
              (select count(*)::int from licence_unlicensed) as unlicensed, (select count(*)::int from entitlements) as entitlements`,
    );
    const c = counts.rows[0]!;
    return {
      devices, installs: c.installs, licensableInstalls: c.licensable, entitlements: c.entitlements, unlicensed: c.unlicensed,
      generateSeconds: generated.seconds, fullFirstSeconds: first.seconds, fullSeconds: full.seconds, fullUnchangedSeconds: unchanged.seconds,
      entitlementChangeP50Ms: percentile(entitlementChange, 50), entitlementChangeP95Ms: percentile(entitlementChange, 95),
      entitlementChangeMaxMs: Math.max(...entitlementChange), entitlementChangeLargest: largestProduct,
      incrementalP50Ms: percentile(incremental, 50), incrementalP95Ms: percentile(incremental, 95),
      positionsP50Ms: percentile(positions, 50), positionsP95Ms: percentile(positions, 95),
      reportPdfSeconds: pdf.seconds, reportPdfPages: pages, reportCsvSeconds: csv.seconds,
    };
  } finally {
    await t.drop();
  }
}

/** Targets of the figures a 2-core collector on PostgreSQL must meet at 100,000 devices and 6 million installs. */
export const RECONCILE_TARGETS = {
  fullSeconds: '≤ 2 s',
  entitlementChangeP95Ms: '≤ 200 ms',
  incrementalP95Ms: 'p95 ≤ 50 ms',
} as const;

export function printReconcileFigures(f: ReconcileFigures, load: string): void {
  const line = (name: string, value: string, target?: string) =>
    console.log(`${name.padEnd(58)} ${value.padStart(16)}${target ? `   (target ${target})` : ''}`);
  console.log(`\n== Reconciliation on PostgreSQL: ${f.devices.toLocaleString('en')} devices, ${f.installs.toLocaleString('en')} installs, ${f.licensableInstalls.toLocaleString('en')} licensable, ${f.entitlements.toLocaleString('en')} entitlements (load average ${load})`);
  line('full reconciliation', `${f.fullSeconds.toFixed(2)} s`, RECONCILE_TARGETS.fullSeconds);
  line('full reconciliation, nothing changed', `${f.fullUnchangedSeconds.toFixed(2)} s`, RECONCILE_TARGETS.fullSeconds);
  line('first full reconciliation (every title new)', `${f.fullFirstSeconds.toFixed(2)} s`);
  line('entitlement change, position recomputed p50 / p95', `${f.entitlementChangeP50Ms.toFixed(0)} / ${f.entitlementChangeP95Ms.toFixed(0)} ms`, RECONCILE_TARGETS.entitlementChangeP95Ms);
  line('entitlement change, slowest', `${f.entitlementChangeMaxMs.toFixed(0)} ms`);
  const big = f.entitlementChangeLargest;
  line(`entitlement change of ${big.productId} (${big.installs.toLocaleString('en')} installs)`, `${big.ms.toFixed(0)} ms`, RECONCILE_TARGETS.entitlementChangeP95Ms);
  line('one device re-reconciled p50 / p95', `${f.incrementalP50Ms.toFixed(1)} / ${f.incrementalP95Ms.toFixed(1)} ms`, RECONCILE_TARGETS.incrementalP95Ms);
  line("that device's positions p50 / p95", `${f.positionsP50Ms.toFixed(0)} / ${f.positionsP95Ms.toFixed(0)} ms`);
  line(`licence report: PDF (${f.reportPdfPages} pages) / CSV`, `${f.reportPdfSeconds.toFixed(1)} / ${f.reportCsvSeconds.toFixed(1)} s`);
}

export const loadAverage = () => loadavg().map((l) => l.toFixed(1)).join(' ');

// Run directly: node --conditions=steward-source --import tsx test/bench/reconcile.ts [devices] [--samples N] [--verbose]
if (import.meta.url === `file://${process.argv[1]}`) {
  const devices = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 100_000);
  const verbose = process.argv.includes('--verbose');
  const samplesAt = process.argv.indexOf('--samples');
  const samples = samplesAt > 0 ? Number(process.argv[samplesAt + 1]) : undefined;
  const figures = await benchReconcile({ devices, samples, log: verbose ? (line) => console.log(`  ${line}`) : undefined });
  printReconcileFigures(figures, loadAverage());
}
