import { useCallback, useEffect, useState } from 'preact/hooks';
import { fetchOrganisation, saveOrganisation } from '../../api/reports.js';
import { useApp } from '../../app/app-context.js';
import { ErrorNotice, LoadingRow } from '../../components/notices.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useSubmit } from '../../hooks/use-submit.js';

/** The organisation's name, which heads every compliance report; left empty, the reports carry none. */
export function OrganisationPanel() {
  const { api } = useApp();
  const stored = useLoader('organisation', useCallback((signal: AbortSignal) => fetchOrganisation(api, signal), [api]));
  const [name, setName] = useState('');
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useSubmit();
  useEffect(() => setName(stored.data?.name ?? ''), [stored.data]);
  if (stored.error) return <ErrorNotice error={stored.error} onRetry={stored.reload} />;
  if (!stored.data) return <LoadingRow text="Loading the organisation…" />;
  return (
    <section class="card settings-section" aria-labelledby="organisation-title" data-testid="organisation-panel">
      <div class="card-head"><h2 class="card-title" id="organisation-title">Organisation</h2></div>
      <p class="muted">The name printed at the head of the licence and device reconciliation reports. Leave it empty to print none.</p>
      <form class="inline-form" onSubmit={(event) => { event.preventDefault(); void run(() => saveOrganisation(api, { name }), () => { setSaved(true); stored.reload(); }); }}>
        <label class="field field-wide">
          <span>Organisation name</span>
          <input value={name} maxLength={200} onInput={(e) => { setSaved(false); setName(e.currentTarget.value); }} />
        </label>
        <div class="form-buttons"><button type="submit" class="button button-primary" disabled={busy || name === stored.data.name}>Save</button></div>
        {saved ? <p role="status" class="form-status">Organisation saved.</p> : null}
        {error ? <ErrorNotice error={error} /> : null}
      </form>
    </section>
  );
}
