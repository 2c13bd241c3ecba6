import { parseArgs } from 'node:util';
import pino from 'pino';
import { startCollector } from './collector.js';
import { loadCollectorConfig } from './config.js';
import { migrate } from './store/migrate.js';
import { openDatabase } from './store/open.js';
import { databaseKind } from './store/database.js';
import { COLLECTOR_VERSION } from './version.js';
import { verifyAuditChain } from './services/audit.js';

const HELP = `steward ${COLLECTOR_VERSION}: the Steward collector

Usage: steward <command> [options]
  serve        run the collector (API, agent channel, dashboard)
  migrate      bring the database schema up to date and exit
  audit verify check the audit log's hash chain; exits 1 when it is broken
  version      print the version

Configuration comes from the environment (DATABASE_URL, STEWARD_DATA_DIR, STEWARD_PORT, STEWARD_HOST,
STEWARD_ENROLL_SECRET, STEWARD_ADMIN_PASSWORD, STEWARD_LOG_LEVEL) and an optional JSON file (STEWARD_CONFIG).
Without DATABASE_URL the collector keeps an embedded PostgreSQL in STEWARD_DATA_DIR (default ./data).`;

async function serve(): Promise<void> {
  const config = loadCollectorConfig();
  const collector = await startCollector(config);
  const lines = [`Steward is running at ${collector.url}  (database: ${collector.ctx.databaseKind})`];
  if (collector.initialAdminPassword) lines.push(`First administrator: user "admin", password "${collector.initialAdminPassword}" (shown once; set STEWARD_ADMIN_PASSWORD to choose it)`);
  else if (!config.adminPassword) lines.push('Log in as "admin" with the password shown on the first start.');
  if (collector.createdEnrollSecret) lines.push(`Agent enrolment secret: ${collector.createdEnrollSecret} (agents need it as STEWARD_ENROLL_SECRET)`);
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await collector.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function migrateOnly(): Promise<void> {
  const config = loadCollectorConfig();
  const log = pino({ level: config.logLevel });
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(db);
  log.info({ applied, database: await databaseKind(db) }, applied.length ? 'migrations applied' : 'schema already up to date');
  await db.close();
}

async function auditVerify(): Promise<void> {
  const config = loadCollectorConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const verdict = await verifyAuditChain(db);
  await db.close();
  console.log(JSON.stringify(verdict, null, 2));
  if (!verdict.intact) process.exitCode = 1;
}

async function main(): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true, strict: false });
  const command = positionals[0] ?? 'help';
  switch (command) {
    case 'serve': return serve();
    case 'migrate': return migrateOnly();
    case 'audit':
      if (positionals[1] === 'verify') return auditVerify();
      console.log(HELP);
      process.exitCode = 2;
      return;
    case 'version': return void console.log(COLLECTOR_VERSION);
    default:
      console.log(HELP);
      if (command !== 'help') process.exitCode = 2;
  }
}

main().catch((error: Error) => {
  process.stderr.write(`steward: ${error.message}\n`);
  process.exit(1);
});
