// `npm run bench -- search [--devices N]`: estate-wide software search over the reconciliation
// bench's synthetic estate (60 installs a device: 100,000 devices make 6 million installs), on PostgreSQL.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { migrate } from '../../collector/src/store/migrate.js';
import { searchInstalledSoftware } from '../../collector/src/store/software-inventory.js';
import { foldSoftwareCountChanges } from '../../collector/src/store/software-counts.js';
import { createTestDatabase } from '../support/database.js';
import { generateEstate } from './reconcile-estate.js';
import { percentile } from '../fleet/fleet.js';

const { values } = parseArgs({ args: process.argv.slice(2).filter((a) => a !== 'search'), options: { devices: { type: 'string', default: '100000' } }, strict: false });
if (!process.env.TEST_DATABASE_URL) throw new Error('the search benchmark needs PostgreSQL: set TEST_DATABASE_URL');
const devices = Number(values.devices);
const INSTALLS = 60;
const TERMS = ['firefox', 'photoshop', 'kb4000', 'visual c++', 'lib', 'no-such-title'];

const t = await createTestDatabase('postgres');
try {
  await migrate(t.db);
  let started = Date.now();
  await generateEstate(t.db, { devices, installsPerDevice: INSTALLS, commercialPerDevice: 10, otherTitles: 1700 });
  // As autovacuum leaves a table after a bulk load: statistics, and pages marked all-visible, so
  // the installs' index answers without visiting the table.
  await t.db.exec('vacuum analyze device_software');
  await t.db.exec('analyze');
  console.log(`\n== Software search: ${devices.toLocaleString('en')} devices, ${(devices * INSTALLS).toLocaleString('en')} installs (generated in ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  const searchEveryTerm = async (label: string) => {
    for (const term of TERMS) {
      const ms: number[] = [];
      let titles = 0;
      for (let i = 0; i < 7; i++) {
        started = performance.now();
        titles = (await searchInstalledSoftware(t.db, term, 50)).length;
        ms.push(performance.now() - started);
      }
      console.log(`${`search "${term}"${label} (${titles} titles) p50 / p95`.padEnd(58)} ${`${percentile(ms, 50).toFixed(0)} / ${percentile(ms, 95).toFixed(0)} ms`.padStart(16)}   (target ≤ 100 ms)`);
    }
  };
  await searchEveryTerm('');
  // A search between two folds: the installs of the last seconds' reports are read as changes.
  const moved = Math.min(devices, 2000);
  await t.db.query(
    `with gone as (delete from device_software where device_id in (select md5('device' || i)::uuid from generate_series(1, $1::int) i) returning *)
     insert into device_software select * from gone`, [moved]);
  const { rows } = await t.db.query<{ n: number }>('select count(*)::int as n from software_count_changes');
  console.log(`${`changes waiting to be folded (${moved.toLocaleString('en')} devices' installs re-stored)`.padEnd(58)} ${rows[0]!.n.toLocaleString('en').padStart(16)}`);
  await searchEveryTerm(', changes waiting');
  started = performance.now();
  while (await t.db.transaction((tx) => foldSoftwareCountChanges(tx, 20_000)) > 0);
  console.log(`${'those changes folded in'.padEnd(58)} ${`${(performance.now() - started).toFixed(0)} ms`.padStart(16)}`);
  // The machine's load beside the figures: on a shared server they are only as good as it was idle.
  console.log(`${'load average (1, 5, 15 min)'.padEnd(58)} ${loadavg().map((l) => l.toFixed(1)).join(' ').padStart(16)}`);
} finally {
  await t.drop();
}
