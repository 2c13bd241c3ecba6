import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { DownloadedFile } from '../../api/api-client.js';
import {
  downloadDeviceReport, downloadLicenceReport, saveFile, type LicenceGrouping, type ReportFormat,
} from '../../api/reports.js';
import { useApp } from '../../app/app-context.js';
import { ErrorNotice } from '../../components/notices.js';
import { PageHeader } from '../../components/page-header.js';
import { formatBytes } from './format-bytes.js';

/** Reports are run on demand and downloaded: nothing on this screen is a stored copy. */
export function ReportsView() {
  const { api } = useApp();
  const [asOf, setAsOf] = useState('');
  const [groupBy, setGroupBy] = useState<LicenceGrouping>('product');
  return (
    <>
      <PageHeader title="Reports" subtitle="Compliance reports, run now from the current data and downloaded as CSV or PDF." />
      <div class="report-list">
        <ReportCard
          id="licence-report"
          title="Licence reconciliation"
          description="Entitlements against installs per product: shortfall, surplus and the cost of closing the gap."
          run={(format) => downloadLicenceReport(api, format, asOf || undefined, groupBy)}
        >
          <label class="field">
            <span>As of</span>
            <input type="date" value={asOf} onInput={(event) => setAsOf(event.currentTarget.value)} />
          </label>
          <label class="field">
            <span>Group by</span>
            <select value={groupBy} onChange={(event) => setGroupBy(event.currentTarget.value as LicenceGrouping)}>
              <option value="product">Product</option>
              <option value="vendor">Vendor</option>
              <option value="department">Department</option>
            </select>
          </label>
        </ReportCard>
        <ReportCard
          id="device-report"
          title="Device reconciliation"
          description="Discovered devices missing from the register, register entries no longer seen, and mismatches."
          run={(format) => downloadDeviceReport(api, format)}
        />
      </div>
    </>
  );
}

interface ReportCardProps {
  id: string;
  title: string;
  description: string;
  run: (format: ReportFormat) => Promise<DownloadedFile>;
  children?: ComponentChildren;
}

function ReportCard({ id, title, description, run, children }: ReportCardProps) {
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
