import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Finding, FindingState, FindingType } from '@steward/shared';
import { fetchFindings } from '../../api/findings.js';
import { useApp } from '../../app/app-context.js';
import { EmptyState, ErrorNotice, LoadingRow } from '../../components/notices.js';
import { PageHeader } from '../../components/page-header.js';
import { Pagination } from '../../components/pagination.js';
import { useLiveRefresh } from '../../hooks/use-live-refresh.js';
import { useLoader } from '../../hooks/use-loader.js';
import { FINDING_STATE_LABELS, FINDING_TYPE_LABELS } from './finding-labels.js';
import { FindingRow } from './finding-row.js';

const PAGE_SIZE = 50;
const TYPES = Object.keys(FINDING_TYPE_LABELS) as FindingType[];
const STATES = Object.keys(FINDING_STATE_LABELS) as FindingState[];

/**
 * The review queue: what reconciliation found that a person must decide. Acting on a finding
 * takes it out of a list it no longer belongs to at once, counts included, then the list is read
 * again; other people's actions and register changes refresh it through live events.
 */
export function FindingsView() {
  const { api } = useApp();
  const [type, setType] = useState<FindingType | undefined>(undefined);
  const [state, setState] = useState<FindingState | undefined>('open');
  const [page, setPage] = useState(1);
  const [updated, setUpdated] = useState<ReadonlyMap<string, Finding>>(new Map());
  const query = { type, state, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const key = JSON.stringify(query);
  const findings = useLoader(key, useCallback((signal: AbortSignal) => fetchFindings(api, query, signal), [api, key]));
  const loaded = findings.data ?? findings.previousData;
  // Answers newer than these local changes replace them.
  useEffect(() => setUpdated(new Map()), [findings.data]);
  useLiveRefresh((event) => event.type === 'finding.changed' || event.type === 'register.changed', findings.reload);
  const onChanged = (finding: Finding) => {
    setUpdated((previous) => new Map(previous).set(finding.id, finding));
    findings.reload();
  };
  const belongs = (item: Finding) => (!state || item.state === state) && (!type || item.type === type);
  const rows = loaded?.items.map((item) => updated.get(item.id) ?? item);
  const kept = rows?.filter(belongs);
  const shown = loaded && kept && rows ? { items: kept, total: Math.max(0, loaded.total - (rows.length - kept.length)) } : undefined;

  return (
    <>
      <PageHeader
        title="Findings"
        subtitle={shown ? `${shown.total.toLocaleString('en')} ${state ? FINDING_STATE_LABELS[state].toLowerCase() : ''} finding${shown.total === 1 ? '' : 's'}` : 'Discovered devices and register entries that do not agree.'}
      />
      <div class="toolbar">
        <div class="filters">
          <label class="select-field">
            <span>Type</span>
            <select value={type ?? ''} onChange={(event) => { setType((event.currentTarget.value || undefined) as FindingType | undefined); setPage(1); }}>
              <option value="">All types</option>
              {TYPES.map((value) => <option key={value} value={value}>{FINDING_TYPE_LABELS[value]}</option>)}
            </select>
          </label>
          <label class="select-field">
            <span>State</span>
            <select value={state ?? ''} onChange={(event) => { setState((event.currentTarget.value || undefined) as FindingState | undefined); setPage(1); }}>
              <option value="">Any state</option>
              {STATES.map((value) => <option key={value} value={value}>{FINDING_STATE_LABELS[value]}</option>)}
            </select>
          </label>
        </div>
        <p class="toolbar-status">{findings.loading && shown ? 'Refreshing…' : null}</p>
      </div>
      {findings.error ? <ErrorNotice error={findings.error} onRetry={findings.reload} /> : null}
      {!shown && !findings.error ? <LoadingRow text="Loading findings…" /> : null}
      {shown && shown.total === 0 ? (
        <EmptyState icon="findings" title="Nothing to review">
          <p>Reconciliation has found nothing {state ? `${FINDING_STATE_LABELS[state].toLowerCase()} ` : ''}that needs a decision.</p>
        </EmptyState>
      ) : null}
      {shown && shown.total > 0 ? (
        <div class="card card-flush">
          <div class="table-wrap table-scroll">
            <table class="data-table findings-table" aria-busy={findings.loading} data-testid="findings-table">
              <caption class="visually-hidden">Findings</caption>
              <thead>
                <tr>
                  <th scope="col">Finding</th>
                  <th scope="col">Type</th>
                  <th scope="col">State</th>
                  <th scope="col" class="optional">Last detected</th>
                  <th scope="col"><span class="visually-hidden">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {shown.items.map((item) => (
                  <FindingRow key={item.id} finding={item} onChanged={onChanged} />
                ))}
              </tbody>
            </table>
          </div>
          <Pagination noun="findings" page={page} pageSize={PAGE_SIZE} total={shown.total} pageSizes={[PAGE_SIZE]} onPage={setPage} onPageSize={() => undefined} />
        </div>
      ) : null}
    </>
  );
}
