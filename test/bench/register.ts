import { assetListQuery } from '@steward/shared';
import { migrate } from '../../collector/src/store/migrate.js';
import { assetsTable } from '../../collector/src/store/register/asset-tables.js';
import { listRecords } from '../../collector/src/store/register/record-table.js';
import { categoriesTable } from '../../collector/src/store/register/reference-tables.js';
import { seedDefaultCategories } from '../../collector/src/services/register/default-categories.js';
import { previewImport } from '../../collector/src/services/register/csv-import/preview.js';
import { commitImport } from '../../collector/src/services/register/csv-import/commit.js';
import type { Database } from '../../collector/src/store/database.js';
import { changeAssets } from '../../collector/src/services/register/bulk.js';
import { createTestDatabase } from '../support/database.js';

export interface RegisterFigures {
  backend: string;
  assets: number;
  /** Rows per second through preview + commit of a 10,000-row CSV file. */
  importRowsPerSecond: number;
  searchP50Ms: number;
  searchP95Ms: number;
  filteredPageP50Ms: number;
  filteredPageP95Ms: number;
  /** The list as it first opens and is paged through: unfiltered, sorted by tag or by name. */
  listPage: Percentiles;
  /** The list's search box given an asset's tag, its serial number, or words of its name. */
  searchBy: { tag: Percentiles; serial: Percentiles; name: Percentiles };
  /** One bulk change of 1,000 assets through the bulk endpoint's domain call: worst of three runs, in ms. */
  bulkStatusMs: number;
  bulkFieldMs: number;
  /**
   * The same figures in this process's CPU time instead of wall time. On the embedded back end all
   * the work (the database included) runs in this process, so these are what an unloaded machine
   * would measure even when other programs share the CPU; on PostgreSQL they leave out the server.
   */
  cpu: {
    importRowsPerSecond: number; searchP50Ms: number; searchP95Ms: number; filteredPageP50Ms: number; filteredPageP95Ms: number;
    listPageP95Ms: number; searchByP95Ms: { tag: number; serial: number; name: number }; bulkStatusMs: number; bulkFieldMs: number;
  };
}

export interface Percentiles {
  p50: number;
  p95: number;
  cpuP95: number;
}

/** Wall and CPU milliseconds of one piece of work. */
async function measure(work: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - started, cpu: (used.user + used.system) / 1000 };
}

const actor = { id: '00000000-0000-0000-0000-000000000001', username: 'bench' };
const WORDS = ['latitude', 'thinkpad', 'elitebook', 'optiplex', 'poweredge', 'catalyst', 'meraki', 'surface', 'macbook', 'probook', 'precision', 'proliant'];
// Five statuses against six categories, so that status and category do not move together.
const STATUSES = ['in_stock', 'deployed', 'deployed', 'in_repair', 'retired'];
const CATEGORY_KEYS = ['hardware.computers', 'hardware.servers', 'hardware.network', 'hardware.peripherals', 'hardware.printers', 'hardware.mobile'];

/** A deterministic CSV of `count` assets numbered from `start`, spread over categories, models and rooms. */
const tagOf = (i: number) => `B-${String(i).padStart(7, '0')}`;
const serialOf = (i: number) => `SN${(i * 7919).toString(36).toUpperCase()}`;

function assetCsv(start: number, count: number): string {
  const lines = ['Asset Tag,Name,Category,Model,Manufacturer,Serial,Status,Location,Purchase Date,Purchase Cost,Notes'];
  for (let i = start; i < start + count; i++) {
    const word = WORDS[i % WORDS.length]!;
    lines.push([
      tagOf(i), `${word} ${i % 997}`, CATEGORY_KEYS[i % CATEGORY_KEYS.length], `${word} gen ${i % 7}`, `Maker ${i % 5}`,
      serialOf(i), STATUSES[i % STATUSES.length], `Campus ${i % 3} / Building ${i % 4} / Room ${i % 40}`,
      `20${18 + (i % 7)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, String(200 + (i % 2800)),
      i % 10 === 0 ? 'refurbished unit' : '',
    ].join(','));
  }
  return lines.join('\n');
}

async function importRows(db: Database, start: number, count: number): Promise<{ wall: number; cpu: number }> {
  const csv = assetCsv(start, count);
  const took = await measure(async () => {
    const preview = await previewImport(db, actor, csv, null);
    if (preview.errorRows) throw new Error(`bench CSV has errors: ${JSON.stringify(preview.errors.slice(0, 3))}`);
    await commitImport(db, actor, preview.importId, false);
  });
  return { wall: count / (took.wall / 1000), cpu: count / (took.cpu / 1000) };
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timeQueries(runs: number, query: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 10; i++) await query(i); // warm caches and plans
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const took = await measure(() => query(i));
    wall.push(took.wall);
    cpu.push(took.cpu);
  }
  return { p50: percentile(wall, 50), p95: percentile(wall, 95), cpuP50: percentile(cpu, 50), cpuP95: percentile(cpu, 95) };
}

/**
 * The register with `total` assets: CSV import rate (preview + commit of 10,000 rows), full-text
 * search, and a filtered, sorted page, each as the API runs it (the same store calls).
 */
export async function benchRegister(backend: 'embedded' | 'postgres', total = 100_000): Promise<RegisterFigures> {
  const t = await createTestDatabase(backend);
  await migrate(t.db);
  await seedDefaultCategories(t.db);
  const importRate = await importRows(t.db, 0, 10_000);
  for (let start = 10_000; start < total; start += 10_000) await importRows(t.db, start, Math.min(10_000, total - start));

  const categories = await listRecords<{ id: string; key: string }>(t.db, categoriesTable, { sort: 'name', order: 'asc', limit: 100, offset: 0 });
  const computers = categories.items.find((c) => c.key === 'hardware.computers')!.id;
  const terms = ['thinkpad 4', 'sn1a', 'refurb', 'optiplex 99', 'b-00123', 'proliant', 'macbook 12', 'meraki 5'];
  const search = await timeQueries(200, (i) =>
    listRecords(t.db, assetsTable, assetListQuery.parse({ search: terms[i % terms.length], limit: 50 })));
  const page = await timeQueries(200, (i) =>
    listRecords(t.db, assetsTable, assetListQuery.parse({
      status: 'deployed,in_repair', categoryId: computers, sort: i % 2 ? 'purchaseDate' : 'name', order: i % 3 ? 'desc' : 'asc',
      limit: 50, offset: (i % 10) * 50,
    })));
  // The list screen opens sorted by tag; by name is the other order people page through.
  const listPage = await timeQueries(200, (i) =>
    listRecords(t.db, assetsTable, assetListQuery.parse({ sort: i % 3 ? 'tag' : 'name', order: i % 2 ? 'desc' : 'asc', limit: 50, offset: (i % 10) * 50 })));
  // A different asset each time, spread over the whole register, so no answer comes from a warm page.
  const pick = (i: number) => (i * 7_919) % total;
  const searchFor = (term: (i: number) => string) => timeQueries(200, (i) =>
    listRecords(t.db, assetsTable, assetListQuery.parse({ search: term(i), limit: 50 })));
  const searchBy = {
    tag: await searchFor((i) => tagOf(pick(i))),
    serial: await searchFor((i) => serialOf(pick(i))),
    name: await searchFor((i) => `${WORDS[i % WORDS.length]} ${pick(i) % 997}`),
  };
  const bulk = await benchBulk(t.db);
  await t.drop();
  return {
    backend, assets: total, importRowsPerSecond: importRate.wall, listPage, searchBy, bulkStatusMs: bulk.wall.status, bulkFieldMs: bulk.wall.field,
    searchP50Ms: search.p50, searchP95Ms: search.p95, filteredPageP50Ms: page.p50, filteredPageP95Ms: page.p95,
    cpu: {
      importRowsPerSecond: importRate.cpu, searchP50Ms: search.cpuP50, searchP95Ms: search.cpuP95,
      filteredPageP50Ms: page.cpuP50, filteredPageP95Ms: page.cpuP95, listPageP95Ms: listPage.cpuP95,
      searchByP95Ms: { tag: searchBy.tag.cpuP95, serial: searchBy.serial.cpuP95, name: searchBy.name.cpuP95 },
      bulkStatusMs: bulk.cpu.status, bulkFieldMs: bulk.cpu.field,
    },
  };
}

/**
 * Bulk changes of 1,000 assets as the bulk endpoint makes them: a status move there and back, and a
 * location set, each in its one transaction with history and audit. The worst of three runs each.
 */
async function benchBulk(db: Database): Promise<Record<'wall' | 'cpu', { status: number; field: number }>> {
  const ids = (await db.query<{ id: string }>(`select id from register_assets where status = 'in_stock' order by id limit 1000`)).rows.map((r) => r.id);
  const rooms = (await db.query<{ id: string }>('select id from register_locations order by id limit 3')).rows.map((r) => r.id);
  if (ids.length < 1000 || rooms.length < 3) throw new Error('bench register has too few in-stock assets or rooms');
  const status: Array<{ wall: number; cpu: number }> = [];
  const field: Array<{ wall: number; cpu: number }> = [];
  for (let run = 0; run < 3; run++) {
    status.push(await measure(() => changeAssets(db, actor, ids, { type: 'status', to: 'in_repair', reason: 'bench' })));
    await changeAssets(db, actor, ids, { type: 'status', to: 'in_stock', reason: 'bench' });
    field.push(await measure(() => changeAssets(db, actor, ids, { type: 'set', values: { locationId: rooms[run]! } })));
  }
  const worst = (runs: typeof status, of: 'wall' | 'cpu') => Math.max(...runs.map((r) => r[of]));
  return { wall: { status: worst(status, 'wall'), field: worst(field, 'wall') }, cpu: { status: worst(status, 'cpu'), field: worst(field, 'cpu') } };
}
