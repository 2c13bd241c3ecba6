import { useCallback, useState } from 'preact/hooks';
import type { AuditEntry, AuditVerdict } from '@steward/shared';
import { downloadAuditLog, fetchAuditLog, verifyAuditLog, type AuditFilters } from '../../api/audit.js';
import { saveFile } from '../../api/save-file.js';
import { useApp } from '../../app/app-context.js';
import { DataTable } from '../../components/data-table.js';
import { ErrorNotice, LoadingRow } from '../../components/notices.js';
import { Pagination } from '../../components/pagination.js';
import { formatDateTime } from '../../format/time.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useSubmit } from '../../hooks/use-submit.js';

const PAGE_SIZE = 50;
const FILTER_FIELDS: readonly { key: 'actor' | 'action' | 'objectType'; label: string; placeholder: string }[] = [
  { key: 'actor', label: 'Who', placeholder: 'admin' },
  { key: 'action', label: 'Action starts with', placeholder: 'agent.' },
  { key: 'objectType', label: 'Object type', placeholder: 'asset' },
];

/** A day typed in the date fields, as the start of that day in the browser's time zone. */
function dayStart(day: string, plusDays = 0): string | undefined {
  if (!day) return undefined;
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + plusDays);
  return date.toISOString();
}

/** Who changed what and when, from the hash-chained audit log: filtered, exported and verified. */
export function AuditPanel() {
  const { api } = useApp();
  const [draft, setDraft] = useState({ actor: '', action: '', objectType: '', fromDay: '', toDay: '' });
  const [filters, setFilters] = useState<AuditFilters>({});
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null);
  const key = JSON.stringify([filters, page]);
  const log = useLoader(`audit:${key}`, useCallback((signal: AbortSignal) => fetchAuditLog(api, filters, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal), [api, key]));
  const shown = log.data ?? log.previousData;
  const { busy, error, run } = useSubmit();
  const apply = () => {
    const trimmed = Object.fromEntries(FILTER_FIELDS.map(({ key: k }) => [k, draft[k].trim() || undefined]));
    // "To" names the last day wanted: the period ends at the start of the next one.
    setFilters({ ...trimmed, from: dayStart(draft.fromDay), to: dayStart(draft.toDay, 1) });
    setPage(1);
  };

  return (
    <section class="card settings-section" aria-labelledby="audit-title" data-testid="audit-panel">
      <div class="card-head">
        <h2 class="card-title" id="audit-title">Audit log</h2>
        <div class="form-buttons">
          <button type="button" class="button" disabled={busy} onClick={() => void run(async () => setVerdict(await verifyAuditLog(api)))}>Verify chain</button>
          <button type="button" class="button" disabled={busy} onClick={() => void run(async () => saveFile(await downloadAuditLog(api, filters)))}>Export CSV</button>
        </div>
      </div>
      <p class="muted">Every change, sign-in and revocation, appended and chained by hash: an altered or removed entry breaks the chain from there on.</p>
      {verdict ? (
        <p role="status" class={`form-status ${verdict.intact ? '' : 'form-status-bad'}`} data-testid="audit-verdict">
          {verdict.intact ? `Intact: all ${verdict.entries.toLocaleString('en')} entries check out.` : `Broken at entry ${verdict.brokenAt?.id}: ${verdict.brokenAt?.reason}.`}
        </p>
      ) : null}
      <form class="inline-form" aria-label="Filter the audit log" onSubmit={(event) => { event.preventDefault(); apply(); }}>
        {FILTER_FIELDS.map((f) => (
          <label class="field field-narrow" key={f.key}><span>{f.label}</span><input value={draft[f.key]} maxLength={128} placeholder={f.placeholder} onInput={(e) => setDraft({ ...draft, [f.key]: e.currentTarget.value })} /></label>
        ))}
        <label class="field field-narrow"><span>From</span><input type="date" value={draft.fromDay} onInput={(e) => setDraft({ ...draft, fromDay: e.currentTarget.value })} /></label>
        <label class="field field-narrow"><span>To</span><input type="date" value={draft.toDay} onInput={(e) => setDraft({ ...draft, toDay: e.currentTarget.value })} /></label>
        <div class="form-buttons"><button type="submit" class="button button-primary">Show</button></div>
      </form>
      {log.error ? <ErrorNotice error={log.error} onRetry={log.reload} /> : null}
      {!shown && !log.error ? <LoadingRow text="Loading the audit log…" /> : null}
      {shown && shown.total === 0 ? <p class="muted">No entries match.</p> : null}
      {shown && shown.total > 0 ? (
        <>
          <DataTable testId="audit-table" caption="Audit log entries, newest first" head={<><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Object</th><th scope="col" class="optional">From</th><th scope="col"><span class="visually-hidden">Details</span></th></>}>
            {shown.items.map((entry) => <AuditRow key={entry.id} entry={entry} open={open === entry.id} onToggle={() => setOpen(open === entry.id ? null : entry.id)} />)}
          </DataTable>
          <Pagination noun="entries" page={page} pageSize={PAGE_SIZE} total={shown.total} pageSizes={[PAGE_SIZE]} onPage={setPage} onPageSize={() => undefined} />
        </>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}

function AuditRow({ entry, open, onToggle }: { entry: AuditEntry; open: boolean; onToggle: () => void }) {
  const changed = entry.before !== null || entry.after !== null;
  return (
    <>
      <tr data-action={entry.action}>
        <td>{formatDateTime(entry.at)}</td>
        <td class="cell-primary">{entry.actor}{entry.actorRole ? <div class="cell-sub">{entry.actorRole}</div> : null}</td>
        <td><code>{entry.action}</code></td>
        <td>{entry.objectType ?? '—'}{entry.objectId ? <div class="cell-sub">{entry.objectId}</div> : null}</td>
        <td class="optional">{entry.sourceIp ?? '—'}</td>
        <td class="row-actions">{changed ? <button type="button" class="button button-quiet" aria-expanded={open} onClick={onToggle}>{open ? 'Hide' : 'Details'}</button> : null}</td>
      </tr>
      {open ? (
        <tr class="detail-row">
          <td colSpan={6}>
            <div class="audit-change">
              <div><strong>Before</strong><pre>{JSON.stringify(entry.before, null, 2) ?? '—'}</pre></div>
              <div><strong>After</strong><pre>{JSON.stringify(entry.after, null, 2) ?? '—'}</pre></div>
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}
