import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

let seed: Promise<Uint8Array> | undefined;

/** The seed's file, named after the installed PGlite build, so an upgrade makes a new one. */
function seedFile(): string {
  const dist = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  const packageJson = path.join(dist, '..', 'package.json');
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  return path.join(os.tmpdir(), `steward-test-pglite-${version}-${statSync(packageJson).mtimeMs.toFixed(0)}.tar`);
}

/**
 * A freshly initialised embedded database's data folder, as PGlite dumps it: tests start their
 * databases from it instead of initialising each one (seconds of the emulated server's work). Made
 * once per machine and kept in the temporary folder; each new database is still empty and unmigrated.
 */
export function embeddedSeed(): Promise<Uint8Array> {
  seed ??= (async () => {
    const file = seedFile();
    try {
      return new Uint8Array(readFileSync(file));
    } catch {
      const fresh = await PGlite.create({ extensions: { pg_trgm } });
      const bytes = new Uint8Array(await (await fresh.dumpDataDir('none')).arrayBuffer());
      await fresh.close();
      // Written aside and renamed, so a test process never reads half a file another is writing.
      const partial = `${file}.${process.pid}`;
      writeFileSync(partial, bytes);
      renameSync(partial, file);
      return bytes;
    }
  })();
  return seed;
}
