import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { DownloadedFile } from '../../api/api-client.js';
import type { ReportFormat } from '../../api/reports.js';
import { saveFile } from '../../api/save-file.js';
import { ErrorNotice } from '../../components/notices.js';
import { formatBytes } from './format-bytes.js';

interface ReportCardProps {
  id: string;
  title: string;
  description: string;
  run: (format: ReportFormat) => Promise<DownloadedFile>;
  children?: ComponentChildren;
}

/** A report run now from the current data and handed to the browser as CSV or PDF. */
export function ReportCard({ id, title, description, run, children }: ReportCardProps) {
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [last, setLast] = useState<{ filename: string; size: number } | null>(null);
  const start = async (format: ReportFormat) => {
    setBusy(format);
    setError(null);
    try {
      const file = await run(format);
      saveFile(file);
      setLast({ filename: file.filename, size: file.blob.size });
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section class="card" aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 class="card-title" id={`${id}-title`}>{title}</h2>
      <p class="muted">{description}</p>
      <div class="report-form">
        {children}
        <div class="form-buttons">
          <button type="button" class="button button-primary" disabled={busy !== null} onClick={() => void start('csv')}>
            {busy === 'csv' ? 'Running…' : 'Download CSV'}
          </button>
          <button type="button" class="button" disabled={busy !== null} onClick={() => void start('pdf')}>
            {busy === 'pdf' ? 'Running…' : 'Download PDF'}
          </button>
        </div>
      </div>
      <div class="report-result" role="status">
        {last ? <p>Downloaded <strong>{last.filename}</strong> ({formatBytes(last.size)}).</p> : null}
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
