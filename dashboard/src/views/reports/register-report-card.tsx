import { useState } from 'preact/hooks';
import { downloadRegisterReport } from '../../api/reports.js';
import { useApp } from '../../app/app-context.js';
import { ReportCard } from './report-card.js';
import type { RegisterReport } from './register-reports.js';

/** A register report with its parameter fields, downloaded as CSV or PDF. */
export function RegisterReportCard({ report }: { report: RegisterReport }) {
  const { api } = useApp();
  const [params, setParams] = useState<Record<string, string>>({});
  const set = (key: string, value: string) => setParams((p) => ({ ...p, [key]: value }));
  return (
    <ReportCard id={`${report.kind}-report`} title={report.title} description={report.description} run={(format) => downloadRegisterReport(api, report.kind, format, params)}>
      {report.fields.map((field) => (
        <label class="field" key={field.key}>
          <span>{field.label}</span>
          {field.type === 'select' ? (
            <select value={params[field.key] ?? field.options![0]!.value} onChange={(e) => set(field.key, e.currentTarget.value)}>
              {field.options!.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          ) : (
            <input type={field.type} inputMode={field.type === 'number' ? 'numeric' : undefined} min={field.type === 'number' ? 1 : undefined}
              value={params[field.key] ?? ''} placeholder={field.placeholder} onInput={(e) => set(field.key, e.currentTarget.value)} />
          )}
        </label>
      ))}
    </ReportCard>
  );
}
