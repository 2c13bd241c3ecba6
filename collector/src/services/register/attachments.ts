import { randomUUID } from 'node:crypto';
import { ATTACHMENT_MAX_BYTES, type Attachment, type AttachmentUpload } from '@steward/shared';
import type { Database } from '../../store/database.js';
import { lockAsset } from '../../store/register/assets.js';
import { deleteAttachment, insertAttachment, readAttachment, type StoredFile } from '../../store/register/attachments.js';
import { insertHistory } from '../../store/register/history.js';
import { ApiProblem } from '../errors.js';
import type { Actor } from './actor.js';

type MediaType = Attachment['mediaType'];

/** File signatures: the first bytes of each type taken. */
const SIGNATURES: ReadonlyArray<{ type: MediaType; test: (bytes: Buffer) => boolean }> = [
  { type: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { type: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/gif', test: (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString('latin1')) },
  { type: 'image/webp', test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
];

/** Text is taken when it is valid UTF-8 without control characters other than tab and line ends. */
function isPlainText(bytes: Buffer): boolean {
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  // eslint-disable-next-line no-control-regex
  return !decoded.includes('\uFFFD') && !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(decoded);
}

/** The type the content shows, or a 400 naming what is taken. */
export function sniffMediaType(bytes: Buffer): MediaType {
  const known = SIGNATURES.find((s) => s.test(bytes))?.type;
  if (known) return known;
  if (isPlainText(bytes)) return 'text/plain';
  const message = 'content: not a file type the register keeps (PDF, PNG, JPEG, WebP, GIF or plain text)';
  throw new ApiProblem(400, 'unsupported_type', message, [message]);
}

function decodeContent(base64: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new ApiProblem(400, 'invalid_body', 'content: must be base64', ['content: must be base64']);
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw new ApiProblem(400, 'invalid_body', 'content: the file is empty', ['content: the file is empty']);
  if (bytes.length > ATTACHMENT_MAX_BYTES) {
    const message = `content: ${bytes.length} bytes; files of at most ${ATTACHMENT_MAX_BYTES} bytes are kept`;
    throw new ApiProblem(413, 'too_large', message, [message]);
  }
  return bytes;
}

/** Keeps a file with an asset once its size and type are checked; the asset's history names it. */
export async function attachFile(db: Database, actor: Actor, assetId: string, upload: AttachmentUpload): Promise<Attachment> {
  const content = decodeContent(upload.content);
  const mediaType = sniffMediaType(content);
  return db.transaction(async (tx) => {
    if (!(await lockAsset(tx, assetId))) throw new ApiProblem(404, 'not_found', `no asset with id ${assetId}`);
    const id = randomUUID();
    await insertAttachment(tx, { id, assetId, kind: upload.kind, fileName: upload.fileName, mediaType, size: content.length, uploadedBy: actor.username }, content);
    const stored = (await readAttachment(tx, assetId, id))!.attachment;
    await insertHistory(tx, [{ objectType: 'asset', objectId: assetId, action: 'file_attached', by: actor.username, before: null, after: stored }]);
    return stored;
  });
}

export async function attachedFile(db: Database, assetId: string, id: string): Promise<StoredFile> {
  const file = await readAttachment(db, assetId, id);
  if (!file) throw new ApiProblem(404, 'not_found', `no file ${id} on asset ${assetId}`);
  return file;
}

export async function removeFile(db: Database, actor: Actor, assetId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = (await readAttachment(tx, assetId, id))?.attachment;
    if (!before || !(await deleteAttachment(tx, assetId, id))) throw new ApiProblem(404, 'not_found', `no file ${id} on asset ${assetId}`);
    await insertHistory(tx, [{ objectType: 'asset', objectId: assetId, action: 'file_removed', by: actor.username, before, after: null }]);
  });
}
