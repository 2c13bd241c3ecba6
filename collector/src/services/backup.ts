import { createReadStream, createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database } from '../store/database.js';
import {
  appliedMigrations, emptyTables, relaxConstraintChecks, enableTriggers, insertTableRows, readTableRows, resetSequences, tableChecksum,
  tablesInDependencyOrder, type RowEncoding,
} from '../store/backup.js';
import { migrate } from '../store/migrate.js';
import { migrations as knownMigrations } from '../store/migrations/index.js';

export interface BackupSummary {
  file: string;
  bytes: number;
  createdAt: string;
  tables: Record<string, { rows: number; md5: string }>;
}

interface BackupHeader {
  steward: 'backup';
  /** 1: rows as row_to_json; 2: json/jsonb values wrapped, so JSON null and SQL NULL stay apart. */
  version: 1 | 2;
  createdAt: string;
  migrations: number[];
}

/**
 * Writes a consistent snapshot of every table (one repeatable-read transaction) as gzipped lines:
 * a JSON header, then per table a `@table NAME` line followed by its rows exactly as PostgreSQL
 * wrote them as JSON (never re-encoded, so numbers such as 1.50 come back as they were; json and
 * jsonb values wrapped in a one-element array so JSON null is not read back as SQL NULL), and an
 * `@end` line with each table's row count and checksum. The same file restores into the
 * embedded database or a PostgreSQL server, whichever it came from.
 */
export async function writeBackup(db: Database, file: string): Promise<BackupSummary> {
  const temp = `${file}.partial`;
  const gzip = createGzip();
  const out = createWriteStream(temp, { mode: 0o600 });
  gzip.pipe(out);
  // A file that cannot be written fails the backup instead of leaving it waiting for a drain.
  out.on('error', (error) => gzip.destroy(error));
  gzip.on('error', () => undefined);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  const createdAt = new Date().toISOString();
  try {
    const tables = await db.transaction(async (tx) => {
      await tx.query('set transaction isolation level repeatable read, read only');
      const header: BackupHeader = { steward: 'backup', version: 2, createdAt, migrations: await appliedMigrations(tx) };
      await write(JSON.stringify(header));
      const names = await tablesInDependencyOrder(tx);
      const sums: BackupSummary['tables'] = {};
      for (const table of names) {
        await write(`@table ${table}`);
        for await (const page of readTableRows(tx, table, 'wrapped')) await write(page.join('\n'));
        sums[table] = await tableChecksum(tx, table, 'wrapped');
      }
      await write(`@end ${JSON.stringify(sums)}`);
      return sums;
    });
    gzip.end();
    await once(out, 'close');
    renameSync(temp, file);
    return { file, bytes: statSync(file).size, createdAt, tables };
  } catch (error) {
    gzip.destroy();
    out.destroy();
    rmSync(temp, { force: true });
    throw error;
  }
}

async function* readLines(file: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield line;
}

/**
 * Replaces the database's content with a backup's, in one transaction: the tables' checksums must
 * match the backup's before it commits, so a damaged file changes nothing. A database on an older
 * schema is first brought to the backup's, and newer migrations run after the data is back.
 */
export async function restoreBackup(db: Database, file: string): Promise<Record<string, { rows: number; md5: string }>> {
  const lines = readLines(file);
  const first = await lines.next();
  const header = first.done ? undefined : (JSON.parse(first.value) as BackupHeader);
  if (header?.steward !== 'backup' || (header.version !== 1 && header.version !== 2)) throw new Error(`${file} is not a Steward backup`);
  const encoding: RowEncoding = header.version === 1 ? 'plain' : 'wrapped';
  const known = new Set(knownMigrations.map((m) => m.id));
  const unknown = header.migrations.filter((id) => !known.has(id));
  if (unknown.length) throw new Error(`the backup comes from a newer Steward (migrations ${unknown.join(', ')}); upgrade first`);
  const current = await migrate(db, knownMigrations.filter((m) => header.migrations.includes(m.id))).then(() => appliedMigrations(db));
  if (current.some((id) => !header.migrations.includes(id))) {
    throw new Error('the database is on a newer schema than the backup; restore into an empty database');
  }
  const restored = await db.transaction(async (tx) => {
    const tables = await tablesInDependencyOrder(tx);
    await relaxConstraintChecks(tx);
    await emptyTables(tx, tables);
    let footer: { tables: Record<string, { rows: number; md5: string }> } | undefined;
    let table: string | undefined;
    let batch: string[] = [];
    const flush = async () => {
      if (table && batch.length) await insertTableRows(tx, table, batch, encoding);
      batch = [];
    };
    for await (const line of lines) {
      if (line.startsWith('@table ')) {
        await flush();
        table = line.slice(7);
        if (!tables.includes(table)) throw new Error(`the backup holds a table this database lacks: ${table}`);
      } else if (line.startsWith('@end ')) {
        await flush();
        footer = { tables: JSON.parse(line.slice(5)) };
      } else {
        batch.push(line);
        if (batch.length >= 2000) await flush();
      }
    }
    if (!footer) throw new Error('the backup is truncated: its closing checksums are missing');
    for (const [table, expected] of Object.entries(footer.tables)) {
      const actual = await tableChecksum(tx, table, encoding);
      if (actual.rows !== expected.rows || actual.md5 !== expected.md5) {
        throw new Error(`table ${table} does not match the backup after restore (${actual.rows} rows vs ${expected.rows})`);
      }
    }
    await resetSequences(tx);
    await enableTriggers(tx, tables);
    return footer.tables;
  });
  await migrate(db);
  return restored;
}
