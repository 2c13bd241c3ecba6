import { parseArgs } from 'node:util';
import pino from 'pino';
import { startCollector } from './collector.js';
import { startBanner } from './first-start-banner.js';
import { loadCollectorConfig } from './config.js';
import { migrate } from './store/migrate.js';
import { openDatabase } from './store/open.js';
import { databaseKind } from './store/database.js';
import { COLLECTOR_VERSION } from './version.js';
import { verifyAuditChain } from './services/audit.js';
import { restoreBackup, writeBackup } from './services/backup.js';
import { resetPasswordFromConsole, unlockAccount } from './services/users.js';
import { snmpCli } from './services/network/snmp-command.js';

const HELP = `steward ${COLLECTOR_VERSION}: the Steward collector

Usage: steward <command> [options]
  serve        run the collector (API, agent channel, dashboard)
  migrate      bring the database schema up to date and exit
  audit verify check the audit log's hash chain; exits 1 when it is broken
  snmp probe HOST[:PORT] [--community C | --user U ...] [--save]
               probe one SNMP device and print what it says; --save registers it with the collector
  snmp identify FOLDER [--reference FILE]
               identify recorded walks offline; with a reference, the share of each field that agrees
  users reset-password USER
               give USER a new random password, printed once (the account is unlocked and signed out)
  backup FILE  write a consistent snapshot of the database to FILE (gzipped)
  restore FILE replace the database's content with a backup (checked before it commits)
               (on the embedded database, stop the collector first: it holds the data folder)
  users unlock NAME
               lift a sign-in lock from this host (works when every administrator is locked out)
  version      print the version

Configuration comes from the environment (DATABASE_URL, STEWARD_DATA_DIR, STEWARD_PORT, STEWARD_HOST,
STEWARD_ENROLL_SECRET, STEWARD_ADMIN_PASSWORD, STEWARD_LOG_LEVEL, STEWARD_LOG_FILE) and an optional JSON file (STEWARD_CONFIG).
Without DATABASE_URL the collector keeps an embedded PostgreSQL in STEWARD_DATA_DIR (default ./data).`;

async function serve(): Promise<void> {
  const config = loadCollectorConfig();
  const collector = await startCollector(config);
  const banner = startBanner({
    url: collector.url, databaseKind: collector.ctx.databaseKind, initialAdminPassword: collector.initialAdminPassword,
    adminPasswordConfigured: Boolean(config.adminPassword), createdEnrollSecret: collector.createdEnrollSecret, logFile: config.logFile,
  });
  process.stdout.write(`\n${banner}\n\n`);
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const started = performance.now();
    collector.ctx.log.info({ signal }, 'collector stopping');
    await collector.close();
    collector.ctx.log.info({ signal, milliseconds: Math.round(performance.now() - started) }, 'collector stopped');
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

async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const config = loadCollectorConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

async function backup(file: string | undefined): Promise<void> {
  if (!file) throw new Error('usage: steward backup FILE');
  const summary = await withDatabase(async (db) => {
    await migrate(db);
    return writeBackup(db, file);
  });
  const rows = Object.values(summary.tables).reduce((n, t) => n + t.rows, 0);
  console.log(`backup written to ${summary.file}: ${Object.keys(summary.tables).length} tables, ${rows} rows, ${summary.bytes} bytes`);
}

async function restore(file: string | undefined): Promise<void> {
  if (!file) throw new Error('usage: steward restore FILE');
  const tables = await withDatabase((db) => restoreBackup(db, file));
  const rows = Object.values(tables).reduce((n, t) => n + t.rows, 0);
  console.log(`restored ${Object.keys(tables).length} tables, ${rows} rows, checksums verified`);
}

async function usersCli(action: string | undefined, username: string | undefined): Promise<void> {
  if (action === 'reset-password') return resetPassword(username);
  if (action !== 'unlock' || !username) throw new Error('usage: steward users unlock NAME | steward users reset-password NAME');
  const unlocked = await withDatabase(async (db) => {
    await migrate(db);
    return unlockAccount(db, { actor: 'cli' }, { username });
  });
  console.log(`${unlocked.username} is unlocked`);
}

async function resetPassword(username: string | undefined): Promise<void> {
  if (!username) throw new Error('usage: steward users reset-password USER');
  const password = await withDatabase(async (db) => {
    await migrate(db);
    return resetPasswordFromConsole(db, username);
  });
  process.stdout.write(`New password for ${username}: ${password}\n(shown once; they are signed out everywhere and should change it on their account page)\n`);
}

async function main(): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true, strict: false });
  const command = positionals[0] ?? 'help';
  switch (command) {
    case 'serve': return serve();
    case 'migrate': return migrateOnly();
    case 'backup': return backup(positionals[1]);
    case 'restore': return restore(positionals[1]);
    case 'snmp': return snmpCli(process.argv.slice(process.argv.indexOf('snmp') + 1));
    case 'audit':
      if (positionals[1] === 'verify') return auditVerify();
      console.log(HELP);
      process.exitCode = 2;
      return;
    case 'users': return usersCli(positionals[1], positionals[2]);
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
