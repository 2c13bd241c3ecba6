import { useCallback, useState } from 'preact/hooks';
import { ATTACHMENT_MAX_BYTES, attachmentKind, type Asset, type AttachmentKind } from '@steward/shared';
import { downloadAttachment, fetchAttachments, fileAsBase64, removeAttachment, uploadAttachment } from '../../api/register.js';
import { saveFile } from '../../api/save-file.js';
import { useApp } from '../../app/app-context.js';
import { ErrorNotice } from '../../components/notices.js';
import { formatBytes } from '../../format/numbers.js';
import { formatDateTime } from '../../format/time.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useSubmit } from '../../hooks/use-submit.js';
import { ActionError } from './register-nav.js';

const KIND_LABELS: Record<AttachmentKind, string> = { invoice: 'Invoice', photo: 'Photo', certificate: 'Certificate', other: 'Other' };

/** Invoices, photos and certificates kept with the asset: listed, downloaded, and for writers added or removed. */
export function AttachmentsCard({ asset, mayWrite }: { asset: Asset; mayWrite: boolean }) {
  const { api } = useApp();
  const files = useLoader(`files:${asset.id}`, useCallback((signal: AbortSignal) => fetchAttachments(api, asset.id, signal), [api, asset.id]));
  const [kind, setKind] = useState<AttachmentKind>('invoice');
  const [file, setFile] = useState<File | null>(null);
  const { busy, error, run } = useSubmit();
  const upload = () => run(async () => {
    if (!file) return;
    if (file.size > ATTACHMENT_MAX_BYTES) throw new Error(`${file.name} is ${formatBytes(file.size)}; files of at most ${formatBytes(ATTACHMENT_MAX_BYTES)} are kept.`);
    await uploadAttachment(api, asset.id, { fileName: file.name, kind, content: await fileAsBase64(file) });
    setFile(null);
  }, files.reload);
  return (
    <section class="card" aria-label="Files" data-testid="asset-files">
      <h2 class="card-title">Files</h2>
      {files.error ? <ErrorNotice error={files.error} onRetry={files.reload} /> : null}
      {files.data?.items.length ? (
        <ul class="plain-list">
          {files.data.items.map((f) => (
            <li key={f.id} data-file={f.fileName}>
              <button type="button" class="link-button" onClick={() => void run(async () => saveFile(await downloadAttachment(api, asset.id, f.id)))}>{f.fileName}</button>
              {' '}<span class="muted">{KIND_LABELS[f.kind]} · {formatBytes(f.size)} · {f.uploadedBy}, {formatDateTime(f.uploadedAt)}</span>
              {mayWrite ? <button type="button" class="button button-quiet" aria-label={`Remove ${f.fileName}`} onClick={() => void run(() => removeAttachment(api, asset.id, f.id), files.reload)}>Remove</button> : null}
            </li>
          ))}
        </ul>
      ) : <p class="muted">{files.data ? 'No files attached.' : 'Loading…'}</p>}
      {mayWrite ? (
        <form class="inline-form" aria-label="Attach a file" onSubmit={(e) => { e.preventDefault(); void upload(); }}>
          <label class="field field-narrow"><span>Kind of file</span>
            <select value={kind} onChange={(e) => setKind(e.currentTarget.value as AttachmentKind)}>
              {attachmentKind.options.map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
            </select>
          </label>
          <label class="field"><span>File (PDF, image or text, up to {formatBytes(ATTACHMENT_MAX_BYTES)})</span>
            <input type="file" accept=".pdf,.png,.jpg,.jpeg,.webp,.gif,.txt" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} /></label>
          <div class="form-buttons"><button type="submit" class="button" disabled={busy || !file}>Attach file</button></div>
        </form>
      ) : null}
      <ActionError error={error} />
    </section>
  );
}
