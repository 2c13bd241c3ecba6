import type { Attachment } from '@steward/shared';
import type { Queryable } from '../database.js';

const COLUMNS = `id, asset_id as "assetId", kind, file_name as "fileName", media_type as "mediaType", size, uploaded_by as "uploadedBy",
  to_char(uploaded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "uploadedAt"`;

export interface StoredFile {
  attachment: Attachment;
  content: Buffer;
}

export async function listAttachments(db: Queryable, assetId: string): Promise<Attachment[]> {
  const { rows } = await db.query<Attachment>(`select ${COLUMNS} from register_attachments where asset_id = $1 order by uploaded_at, id`, [assetId]);
  return rows;
}

/** The content travels as base64 text so both database drivers hand back the same thing. */
export async function readAttachment(db: Queryable, assetId: string, id: string): Promise<StoredFile | undefined> {
  const { rows } = await db.query<Attachment & { content: string }>(
    `select ${COLUMNS}, encode(content, 'base64') as content from register_attachments where asset_id = $1 and id = $2`,
    [assetId, id],
  );
  const row = rows[0];
  if (!row) return undefined;
  const { content, ...attachment } = row;
  return { attachment, content: Buffer.from(content, 'base64') };
}

export async function insertAttachment(db: Queryable, record: Omit<Attachment, 'uploadedAt'>, content: Buffer): Promise<void> {
  await db.query(
    `insert into register_attachments (id, asset_id, kind, file_name, media_type, size, content, uploaded_by)
     values ($1, $2, $3, $4, $5, $6, decode($7, 'base64'), $8)`,
    [record.id, record.assetId, record.kind, record.fileName, record.mediaType, record.size, content.toString('base64'), record.uploadedBy],
  );
}

export async function deleteAttachment(db: Queryable, assetId: string, id: string): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>('delete from register_attachments where asset_id = $1 and id = $2 returning id', [assetId, id]);
  return rows.length > 0;
}
