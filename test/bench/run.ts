// `npm run bench`: every benchmark, printing figures and their ratio to the target.
import { benchIngest } from './ingest.js';

function line(name: string, value: string, target?: string) {
  console.log(`${name.padEnd(58)} ${value.padStart(14)}${target ? `   (target ${target})` : ''}`);
}

async function ingest() {
  console.log('\n== Agent report ingest (1,000 software entries per report)');
  const backends: Array<'embedded' | 'postgres'> = ['embedded'];
  if (process.env.TEST_DATABASE_URL) backends.push('postgres');
  else console.log('(set TEST_DATABASE_URL to measure the PostgreSQL back end too)');
  for (const backend of backends) {
    const f = await benchIngest(backend);
    line(`reports/s, ${backend}, first inventory of a device`, f.firstPerSecond.toFixed(1));
    line(`reports/s, ${backend}, re-report with 20 packages upgraded`, f.repeatPerSecond.toFixed(1));
  }
}

const only = process.argv.slice(2);
const suites: Record<string, () => Promise<void>> = { ingest };
for (const [name, run] of Object.entries(suites)) {
  if (only.length && !only.includes(name)) continue;
  await run();
}
