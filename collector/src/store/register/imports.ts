import type { Queryable } from '../database.js';

export interface StoredImport {
  id: string;
  fileName: string | null;
  createdBy: string;
  state: 'previewed' | 'committed' | 'discarded';
  /** The checked rows and the error report, as JSON text. */
  checked: string;
  errorRows: number;
  totalRows: number;
  imported: number | null;
}

const COLUMNS = `id, file_name as "fileName", created_by as "createdBy", state, checked,
  error_rows as "errorRows", total_rows as "totalRows", imported`;

export async function insertImport(db: Queryable, record: Omit<StoredImport, 'state' | 'imported'>): Promise<void> {
  await db.query(
    'insert into register_imports (id, file_name, created_by, checked, error_rows, total_rows) values ($1, $2, $3, $4, $5, $6)',
    [record.id, record.fileName, record.createdBy, record.checked, record.errorRows, record.totalRows],
  );
}

export async function getImport(db: Queryable, id: string, lock = false): Promise<StoredImport | undefined> {
  const { rows } = await db.query<StoredImport>(`select ${COLUMNS} from register_imports where id = $1 ${lock ? 'for update' : ''}`, [id]);
  return rows[0];
}

/** Settles an import; `checked` replaces the stored rows (the report stays, the rows need not). */
export async function finishImport(db: Queryable, id: string, state: 'committed' | 'discarded', imported: number | null, checked: string): Promise<void> {
  await db.query('update register_imports set state = $2, imported = $3, checked = $4 where id = $1', [id, state, imported, checked]);
}
