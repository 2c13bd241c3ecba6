import { useCallback, useState } from 'preact/hooks';
import { CLOCK_SKEW_WARN_SECONDS, type AgentView } from '@steward/shared';
import { fetchAgents, revokeAgent } from '../../api/agents.js';
import { useApp } from '../../app/app-context.js';
import { ClockBadge } from '../../components/clock-badge.js';
import { DataTable } from '../../components/data-table.js';
import { ErrorNotice, LoadingRow } from '../../components/notices.js';
import { Pagination } from '../../components/pagination.js';
import { timeAgo } from '../../format/time.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useSubmit } from '../../hooks/use-submit.js';
import { can } from '../../permissions.js';
import { deviceHref } from '../../routing/routes.js';

const PAGE_SIZE = 50;

const STATUS_BADGES: Record<AgentView['status'], { label: string; tone: string }> = {
  online: { label: '● Online', tone: 'badge-ok' },
  offline: { label: '○ Offline', tone: 'badge-muted' },
  'never-seen': { label: '… Never seen', tone: 'badge-muted' },
  revoked: { label: '⊘ Revoked', tone: 'badge-warn' },
  retired: { label: '↻ Replaced', tone: 'badge-muted' },
};

/** Every enrolled agent: whether it speaks, how far its clock is off, and revocation of a lost or retired one. */
export function AgentsPanel() {
  const { api, me } = useApp();
  const [page, setPage] = useState(1);
  const agents = useLoader(`agents:${page}`, useCallback((signal: AbortSignal) => fetchAgents(api, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal), [api, page]));
  const [confirming, setConfirming] = useState<string | null>(null);
  const { busy, error, run } = useSubmit();
  const mayRevoke = can(me.role, 'agents:command');

  return (
    <section class="card settings-section" aria-labelledby="agents-title" data-testid="agents-panel">
      <div class="card-head"><h2 class="card-title" id="agents-title">Agents</h2></div>
      <p class="muted">
        A revoked agent's reports are refused from then on; enrol the machine again to take it back. Clocks are measured at each
        heartbeat: {CLOCK_SKEW_WARN_SECONDS / 60} minutes or more off breaks Kerberos sign-in.
      </p>
      {agents.error ? <ErrorNotice error={agents.error} onRetry={agents.reload} /> : null}
      {!agents.data && !agents.error ? <LoadingRow text="Loading agents…" /> : null}
      {agents.data ? (
        <>
          <DataTable testId="agents-table" caption="Enrolled agents" head={<><th scope="col">Host</th><th scope="col">State</th><th scope="col">Clock</th><th scope="col" class="optional">Agent</th><th scope="col" class="optional">Last address</th><th scope="col"><span class="visually-hidden">Actions</span></th></>}>
            {agents.data.items.map((agent) => (
              <tr key={agent.id} data-hostname={agent.hostname}>
                <td class="cell-primary">
                  {agent.deviceId ? <a href={deviceHref(agent.deviceId)}>{agent.hostname}</a> : agent.hostname}
                  <div class="cell-sub">{agent.platform}</div>
                </td>
                <td>
                  <span class={`badge ${STATUS_BADGES[agent.status].tone}`}>{STATUS_BADGES[agent.status].label}</span>
                  <div class="cell-sub">{agent.status === 'revoked' ? `by ${agent.revokedBy ?? 'unknown'}` : agent.lastSeenAt ? `seen ${timeAgo(agent.lastSeenAt)}` : 'no report yet'}</div>
                </td>
                <td data-testid="agent-clock"><ClockBadge seconds={agent.clockSkewSeconds} /></td>
                <td class="optional">{agent.agentVersion}</td>
                <td class="optional">{agent.lastAddress ?? '—'}</td>
                <td class="row-actions">
                  {mayRevoke && agent.status !== 'revoked' ? (
                    confirming === agent.id ? (
                      <>
                        <button type="button" class="button button-danger" disabled={busy} onClick={() => void run(() => revokeAgent(api, agent.id), () => { setConfirming(null); agents.reload(); })}>Revoke {agent.hostname}</button>
                        <button type="button" class="button button-quiet" onClick={() => setConfirming(null)}>Keep</button>
                      </>
                    ) : <button type="button" class="button button-quiet" onClick={() => setConfirming(agent.id)}>Revoke…</button>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
          <Pagination noun="agents" page={page} pageSize={PAGE_SIZE} total={agents.data.total} pageSizes={[PAGE_SIZE]} onPage={setPage} onPageSize={() => undefined} />
        </>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
