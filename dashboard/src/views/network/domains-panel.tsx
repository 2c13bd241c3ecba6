import { useCallback, useState } from 'preact/hooks';
import type { DomainView } from '@steward/shared';
import { addDomain, fetchDomains, refreshDomain, registerDomain } from '../../api/discovery.js';
import { useApp } from '../../app/app-context.js';
import { EmptyState, ErrorNotice, LoadingRow } from '../../components/notices.js';
import { formatDateTime, timeAgo } from '../../format/time.js';
import { useLoader } from '../../hooks/use-loader.js';
import { can } from '../../permissions.js';
import { routeHref } from '../../routing/routes.js';

function lapseLabel(d: DomainView): string {
  if (d.daysLeft === null) return 'unknown';
  return d.daysLeft < 0 ? `lapsed ${-d.daysLeft} days ago` : d.daysLeft === 0 ? 'today' : `in ${d.daysLeft} days`;
}

function DomainRow({ d, canWrite, canRegister, onChanged }: { d: DomainView; canWrite: boolean; canRegister: boolean; onChanged: () => void }) {
  const { api } = useApp();
  const [error, setError] = useState<unknown>(null);
  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try { await work(); onChanged(); } catch (failure) { setError(failure); }
  };
  return (
    <tr data-domain={d.name}>
      <td class="cell-primary">{d.name}<div class="muted">{d.nameServers.join(', ')}</div></td>
      <td class="optional">{d.registrar ?? <span class="muted">—</span>}</td>
      <td title={d.expiresOn ? formatDateTime(d.expiresOn) : undefined}>
        <span class={`pill ${d.daysLeft !== null && d.daysLeft <= 30 ? 'pill-warn' : 'pill-neutral'}`}>{lapseLabel(d)}</span>
      </td>
      <td>{d.lastError ? <span class="text-warn">Look-up failed {d.checkedAt ? timeAgo(d.checkedAt) : ''}: {d.lastError}</span> : d.checkedAt ? `Checked ${timeAgo(d.checkedAt)}` : 'Not checked yet'}</td>
      <td>
        {canWrite ? <button type="button" class="button button-quiet" aria-label={`Look up ${d.name} again`} onClick={() => void act(() => refreshDomain(api, d.name))}>Look up again</button> : null}
        {d.assetId ? <a href={routeHref({ name: 'asset', id: d.assetId })}>{d.assetTag}</a>
          : canRegister ? <button type="button" class="button button-quiet" aria-label={`Keep ${d.name} in the register`} onClick={() => void act(() => registerDomain(api, d.name))}>Keep in register</button> : null}
        {error ? <ErrorNotice error={error} /> : null}
      </td>
    </tr>
  );
}

/** The organisation's domains as their registries describe them, soonest to lapse first. */
export function DomainsPanel() {
  const { api, me } = useApp();
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const list = useLoader('domains', useCallback((signal: AbortSignal) => fetchDomains(api, signal), [api]));
  const shown = list.data ?? list.previousData;
  const canWrite = can(me.role, 'discovery:write');
  const add = async () => {
    setError(null);
    try { await addDomain(api, name); setName(''); list.reload(); } catch (failure) { setError(failure); }
  };
  return (
    <>
      {canWrite ? (
        <section class="card sweep-panel" aria-label="Watch a domain">
          <form class="inline-form" onSubmit={(event) => { event.preventDefault(); void add(); }}>
            <label class="field"><span>Domain to watch</span><input value={name} required placeholder="example.org" onInput={(event) => setName(event.currentTarget.value)} /></label>
            <div class="form-buttons"><button type="submit" class="button button-primary" disabled={!name.trim()}>Watch</button></div>
          </form>
          {error ? <ErrorNotice error={error} /> : null}
        </section>
      ) : null}
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {!shown && !list.error ? <LoadingRow text="Loading domains…" /> : null}
      {shown && shown.items.length === 0 ? <EmptyState icon="network" title="No domains watched yet"><p>Add the organisation's domains to be warned before a registration lapses.</p></EmptyState> : null}
      {shown && shown.items.length > 0 ? (
        <div class="card card-flush"><div class="table-wrap table-scroll">
          <table class="data-table" data-testid="domains-table">
            <caption class="visually-hidden">Domains</caption>
            <thead><tr><th scope="col">Domain and name servers</th><th scope="col" class="optional">Registrar</th><th scope="col">Lapses</th><th scope="col">Registry</th><th scope="col">Actions</th></tr></thead>
            <tbody>{shown.items.map((d) => <DomainRow key={d.name} d={d} canWrite={canWrite} canRegister={can(me.role, 'register:write')} onChanged={list.reload} />)}</tbody>
          </table>
        </div></div>
      ) : null}
    </>
  );
}
