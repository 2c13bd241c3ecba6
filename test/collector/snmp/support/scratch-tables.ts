import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_DATA_DIR, useIdentificationTables } from '../../../../collector/src/snmp/identify/data-tables.js';

/**
 * A copy of the shipped identification tables in a folder of its own, with rows put first, as a
 * user adds a product line: tests show a new device identified by table data alone.
 */
export class ScratchTables {
  readonly dir = mkdtempSync(join(tmpdir(), 'steward-tables-'));

  constructor() {
    cpSync(DEFAULT_DATA_DIR, join(this.dir, 'tables'), { recursive: true });
  }

  /** Writes a walk beside the tables; its path. */
  walk(name: string, text: string): string {
    writeFileSync(join(this.dir, name), text);
    return join(this.dir, name);
  }

  /** Identifies from the shipped tables with these sysDescr rules and vendor objects put first. */
  use(add: { rules?: object[]; entries?: object[] }): void {
    const tables = join(this.dir, 'tables');
    const put = (file: string, key: string, rows: object[] = []) => {
      const shipped = JSON.parse(readFileSync(new URL(file, DEFAULT_DATA_DIR), 'utf8')) as Record<string, unknown[]>;
      shipped[key]!.unshift(...rows);
      writeFileSync(join(tables, file), JSON.stringify(shipped));
    };
    put('os-patterns.json', 'rules', add.rules);
    put('vendor-identity-oids.json', 'entries', add.entries);
    useIdentificationTables(pathToFileURL(`${tables}/`));
  }

  /** Back to the shipped tables, and the folder gone. */
  remove(): void {
    useIdentificationTables();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
