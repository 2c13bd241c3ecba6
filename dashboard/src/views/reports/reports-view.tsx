import { useState } from 'preact/hooks';
import { downloadDeviceReport, downloadLicenceReport, type LicenceGrouping } from '../../api/reports.js';
import { useApp } from '../../app/app-context.js';
import { PageHeader } from '../../components/page-header.js';
import { RegisterReportCard } from './register-report-card.js';
import { REGISTER_REPORTS } from './register-reports.js';
import { ReportCard } from './report-card.js';
import { ReportSchedulesPanel } from './report-schedules-panel.js';

/** Reports are run on demand and downloaded: nothing on this screen is a stored copy. */
export function ReportsView() {
  const { api } = useApp();
  const [asOf, setAsOf] = useState('');
  const [groupBy, setGroupBy] = useState<LicenceGrouping>('product');
  const [table, setTable] = useState('');
  return (
    <>
      <PageHeader title="Reports" subtitle="Compliance and register reports, run now from the current data and downloaded as CSV or PDF, or sent by e-mail on a schedule." />
      <div class="report-list">
        <ReportCard
          id="licence-report"
          title="Licence reconciliation"
          description="Entitlements against installs per product: shortfall, surplus and the cost of closing the gap, with the entitlements counted, the rules applied and a sign-off block."
          run={(format) => downloadLicenceReport(api, format, asOf || undefined, groupBy, table || undefined)}
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
          <label class="field">
            <span>CSV table</span>
            <select value={table} onChange={(event) => setTable(event.currentTarget.value)}>
              <option value="">Every table (zip)</option>
              <option value="positions">Positions</option>
              <option value="installs">Unlicensed installs</option>
              <option value="entitlements">Entitlements counted</option>
              <option value="rules">Rules applied</option>
              {groupBy === 'department' ? <option value="departments">Departments</option> : null}
            </select>
          </label>
        </ReportCard>
        <ReportCard
          id="device-report"
          title="Device reconciliation"
          description="Discovered devices missing from the register, register entries no longer seen, and mismatches."
          run={(format) => downloadDeviceReport(api, format)}
        />
        {REGISTER_REPORTS.map((report) => <RegisterReportCard key={report.kind} report={report} />)}
      </div>
      <ReportSchedulesPanel />
    </>
  );
}
