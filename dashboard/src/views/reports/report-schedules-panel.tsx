import { useCallback, useState } from 'preact/hooks';
import type { ScheduledReportKind } from '@steward/shared';
import { addReportSchedule, deleteReportSchedule, fetchReportSchedules, sendReportNow } from '../../api/reports.js';
import { useApp } from '../../app/app-context.js';
import { DataTable } from '../../components/data-table.js';
import { ErrorNotice, LoadingRow } from '../../components/notices.js';
import { formatDateTime } from '../../format/time.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useSubmit } from '../../hooks/use-submit.js';
import { REPORT_TITLES, SCHEDULED_REPORTS } from './register-reports.js';

/** Seven in the morning on the first of each month: when a monthly report is usually wanted. */
const MONTHLY = '0 7 1 * *';

/** Reports mailed on a schedule (cron and time zone) to a list of people; sent now on demand too. */
export function ReportSchedulesPanel() {
  const { api } = useApp();
  const schedules = useLoader('report-schedules', useCallback((signal: AbortSignal) => fetchReportSchedules(api, signal), [api]));
  const [report, setReport] = useState<ScheduledReportKind>(SCHEDULED_REPORTS[0]!.kind);
  const [name, setName] = useState('');
  const [cron, setCron] = useState(MONTHLY);
  const [timezone, setTimezone] = useState(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  const [format, setFormat] = useState<'pdf' | 'csv'>('pdf');
  const [recipients, setRecipients] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const { busy, error, run } = useSubmit();
  const add = () => addReportSchedule(api, {
    name: name.trim() || REPORT_TITLES[report], report, cron: cron.trim(), timezone: timezone.trim(), format,
    recipients: recipients.split(/[\s,;]+/).filter(Boolean),
  });

  return (
    <section class="card settings-section report-schedules" aria-labelledby="schedules-title" data-testid="report-schedules">
      <div class="card-head"><h2 class="card-title" id="schedules-title">Scheduled reports</h2></div>
      <p class="muted">Each run is mailed through the relay set under Alerts → Delivery. The schedule is a cron expression: <code>{MONTHLY}</code> is 07:00 on the first of each month.</p>
      <form class="inline-form" aria-label="Schedule a report" onSubmit={(event) => { event.preventDefault(); void run(add, () => { setName(''); setRecipients(''); schedules.reload(); }); }}>
        <label class="field">
          <span>Report</span>
          <select value={report} onChange={(e) => setReport(e.currentTarget.value as ScheduledReportKind)}>
            {SCHEDULED_REPORTS.map((r) => <option key={r.kind} value={r.kind}>{r.title}</option>)}
          </select>
        </label>
        <label class="field"><span>Name</span><input value={name} maxLength={200} placeholder={REPORT_TITLES[report]} onInput={(e) => setName(e.currentTarget.value)} /></label>
        <label class="field field-narrow"><span>When <small class="muted">(cron)</small></span><input value={cron} required maxLength={128} onInput={(e) => setCron(e.currentTarget.value)} /></label>
        <label class="field field-narrow"><span>Time zone</span><input value={timezone} required maxLength={64} onInput={(e) => setTimezone(e.currentTarget.value)} /></label>
        <label class="field field-narrow">
          <span>As</span>
          <select value={format} onChange={(e) => setFormat(e.currentTarget.value as 'pdf' | 'csv')}><option value="pdf">PDF</option><option value="csv">CSV</option></select>
        </label>
        <label class="field field-wide"><span>Send to <small class="muted">(addresses, comma-separated)</small></span><input value={recipients} required onInput={(e) => setRecipients(e.currentTarget.value)} /></label>
        <div class="form-buttons"><button type="submit" class="button button-primary" disabled={busy}>Schedule</button></div>
      </form>
      {sent ? <p role="status" class="form-status">{sent}</p> : null}
      {schedules.error ? <ErrorNotice error={schedules.error} onRetry={schedules.reload} /> : null}
      {!schedules.data && !schedules.error ? <LoadingRow text="Loading schedules…" /> : null}
      {schedules.data && schedules.data.items.length === 0 ? <p class="muted">No report is scheduled.</p> : null}
      {schedules.data && schedules.data.items.length > 0 ? (
        <DataTable testId="schedules-table" caption="Scheduled reports" head={<><th scope="col">Schedule</th><th scope="col">When</th><th scope="col">To</th><th scope="col" class="optional">Last sent</th><th scope="col">Next</th><th scope="col"><span class="visually-hidden">Actions</span></th></>}>
          {schedules.data.items.map((s) => (
            <tr key={s.id} data-schedule={s.name}>
              <td class="cell-primary">{s.name}<div class="cell-sub">{REPORT_TITLES[s.report]} · {s.format.toUpperCase()}</div></td>
              <td><code>{s.cron}</code><div class="cell-sub">{s.timezone}</div></td>
              <td class="cell-wrap">{s.recipients.join(', ')}</td>
              <td class="optional">{s.lastRunAt ? formatDateTime(s.lastRunAt) : 'never'}</td>
              <td>{s.enabled && s.nextRunAt ? formatDateTime(s.nextRunAt) : 'off'}</td>
              <td class="row-actions">
                <button type="button" class="button button-quiet" disabled={busy} onClick={() => void run(() => sendReportNow(api, s.id), () => setSent(`${s.name}: queued for sending to ${s.recipients.join(', ')}.`))}>Send now</button>
                <button type="button" class="button button-quiet" disabled={busy} onClick={() => void run(() => deleteReportSchedule(api, s.id), schedules.reload)}>Delete</button>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
