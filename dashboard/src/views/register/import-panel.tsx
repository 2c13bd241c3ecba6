import { useState } from 'preact/hooks';
import type { ImportPreview } from '@steward/shared';
import { commitImport, previewImport } from '../../api/register.js';
import { useApp } from '../../app/app-context.js';
import { ErrorNotice } from '../../components/notices.js';

const SHOWN_ERRORS = 200;

/** Upload, look at what would happen (and which rows and fields are wrong), then commit. */
export function ImportPanel({ onImported, onClose }: { onImported: () => void; onClose: () => void }) {
  const { api } = useApp();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const attempt = async (call: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await call();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const upload = (file: File) => attempt(async () => {
    setResult(null);
    setPreview(await previewImport(api, await file.text(), file.name));
  });
  const commit = (current: ImportPreview) => attempt(async () => {
    const answer = await commitImport(api, current.importId, current.errorRows > 0);
    setPreview(null);
    setResult(`Imported ${answer.imported} asset${answer.imported === 1 ? '' : 's'}${answer.skipped ? `, skipped ${answer.skipped} in error` : ''}.`);
    onImported();
  });

  return (
    <section class="card import-panel" aria-label="Import assets from CSV" data-testid="import-panel">
      <div class="inline-form">
        <label class="field">
          <span>CSV file</span>
          <input type="file" accept=".csv,text/csv" disabled={busy} onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) void upload(file);
          }} />
        </label>
        <button type="button" class="button button-quiet" onClick={onClose}>Close</button>
      </div>
      {result ? <p role="status" data-testid="import-result">{result}</p> : null}
      {error ? <ErrorNotice error={error} /> : null}
      {preview ? (
        <div data-testid="import-preview">
          <p><strong>{preview.totalRows}</strong> rows: <strong>{preview.validRows}</strong> ready, <strong>{preview.errorRows}</strong> in error.
            {preview.ignoredColumns.length ? ` Ignored columns: ${preview.ignoredColumns.join(', ')}.` : ''}</p>
          {preview.errors.length ? (
            <table class="data-table nested-table" data-testid="import-errors">
              <caption class="visually-hidden">Rows in error</caption>
              <thead><tr><th scope="col" class="numeric">Row</th><th scope="col">Field</th><th scope="col">Problem</th></tr></thead>
              <tbody>
                {preview.errors.slice(0, SHOWN_ERRORS).map((entry) => (
                  <tr key={`${entry.row}:${entry.field}`}><td class="numeric">{entry.row}</td><td class="mono">{entry.field}</td><td>{entry.message}</td></tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <div class="form-buttons import-buttons">
            <button type="button" class="button button-primary" disabled={busy || preview.validRows === 0} onClick={() => void commit(preview)}>
              {preview.errorRows > 0 ? `Import the ${preview.validRows} valid rows` : `Import ${preview.validRows} rows`}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
