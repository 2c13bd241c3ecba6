import { useCallback } from 'preact/hooks';
import { fetchTriage } from '../../api/licences.js';
import { useApp } from '../../app/app-context.js';
import { EmptyState, ErrorNotice, LoadingRow } from '../../components/notices.js';
import { formatCount } from '../../format/numbers.js';
import { timeAgo } from '../../format/time.js';
import { useLoader } from '../../hooks/use-loader.js';

/** Titles no rule recognises yet, the most widespread first: the ones worth a rule soonest. */
export function TriagePanel() {
  const { api } = useApp();
  const triage = useLoader('triage', useCallback((signal: AbortSignal) => fetchTriage(api, signal), [api]));
  if (triage.error) return <ErrorNotice error={triage.error} onRetry={triage.reload} />;
  if (!triage.data) return <LoadingRow text="Loading unrecognised software…" />;
  if (triage.data.items.length === 0) return <EmptyState icon="licences" title="Every title is recognised" />;
  return (
    <div class="card card-flush">
      <p class="card-title card-title-padded">{formatCount(triage.data.total)} unrecognised titles</p>
      <div class="table-wrap table-scroll">
        <table class="data-table" data-testid="triage-table">
          <caption class="visually-hidden">Unrecognised software</caption>
          <thead>
            <tr><th scope="col">Title</th><th scope="col">Publisher</th><th scope="col">Source</th><th scope="col" class="numeric">Devices</th><th scope="col" class="numeric optional">Versions</th><th scope="col" class="optional">First seen</th></tr>
          </thead>
          <tbody>
            {triage.data.items.map((item) => (
              <tr key={`${item.source}:${item.name}:${item.publisher ?? ''}`}>
                <td class="cell-primary">{item.name}</td>
                <td>{item.publisher ?? <span class="muted">—</span>}</td>
                <td>{item.source}</td>
                <td class="numeric">{formatCount(item.devices)}</td>
                <td class="numeric optional">{formatCount(item.versions)}</td>
                <td class="optional">{timeAgo(item.firstSeen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
