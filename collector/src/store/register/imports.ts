import type { Queryable } from '../database.js';

export interface StoredImport<T> {
  id: string;
  fileName: string | null;
  createdBy: string;
  state: 'previewed' | 'committed' | 'discarded';
  checked: T;
  errorRows: number;
  totalRows: number;
  imported: number | null;
}

const COLUMNS = `id, file_name as "fileName", created_by as "createdBy", state, rows as checked,
  error_rows as "errorRows", total_rows as "totalRows", imported`;

export async function insertImport<T>(db: Queryable, record: Omit<StoredImport<T>, 'state' | 'imported'>): Promise<void> {
  await db.query(
    `insert into register_imports (id, file_name, created_by, rows, error_rows, total_rows) values ($1, $2, $3, $4::jsonb, $5, $6)`,
    [record.id, record.fileName, record.createdBy, JSON.stringify(record.checked), record.errorRows, record.totalRows],
  );
}

export async function getImport<T>(db: Queryable, id: string, lock = false): Promise<StoredImport<T> | undefined> {
  const { rows } = await db.query<StoredImport<T>>(`select ${COLUMNS} from register_imports where id = $1 ${lock ? 'for update' : ''}`, [id]);
  return rows[0];
}

export async function finishImport(db: Queryable, id: string, state: 'committed' | 'discarded', imported: number | null): Promise<void> {
  // The checked rows go once the import is settled (the history keeps what was written); the error report stays.
  await db.query(`update register_imports set state = $2, imported = $3, rows = rows - 'assets' where id = $1`, [id, state, imported]);
}
