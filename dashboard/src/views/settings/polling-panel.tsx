import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PollingSettings } from '@steward/shared';
import { fetchPolling, savePolling } from '../../api/settings.js';
import { useApp } from '../../app/app-context.js';
import { ErrorNotice, LoadingRow } from '../../components/notices.js';
import { useLoader } from '../../hooks/use-loader.js';
import { can } from '../../permissions.js';
import { useSubmit } from '../../hooks/use-submit.js';

const FIELDS: readonly { key: keyof PollingSettings; label: string; unit: string }[] = [
  { key: 'defaultIntervalSeconds', label: 'Poll every', unit: 'seconds' },
  { key: 'timeoutMs', label: 'Answer timeout', unit: 'ms' },
  { key: 'retries', label: 'Retries', unit: 'times' },
  { key: 'concurrency', label: 'Devices polled at once', unit: 'per collector' },
  { key: 'retentionDays', label: 'Keep samples for', unit: 'days' },
];

/** How often and how patiently the collectors poll discovered devices. */
export function PollingPanel() {
  const { api, me } = useApp();
  const editable = can(me.role, 'discovery:write');
  const polling = useLoader('polling', useCallback((signal: AbortSignal) => fetchPolling(api, signal), [api]));
  const [draft, setDraft] = useState<Partial<Record<keyof PollingSettings, string>>>({});
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useSubmit();
  useEffect(() => setDraft({}), [polling.data]);
  if (polling.error) return <ErrorNotice error={polling.error} onRetry={polling.reload} />;
  if (!polling.data) return <LoadingRow text="Loading polling settings…" />;
  const current = polling.data;
  const change = Object.fromEntries(Object.entries(draft).filter(([key, value]) => value !== String(current[key as keyof PollingSettings])).map(([key, value]) => [key, Number(value)]));
  return (
    <section class="card settings-section" aria-labelledby="polling-title" data-testid="polling-panel">
      <div class="card-head"><h2 class="card-title" id="polling-title">Polling</h2></div>
      <form class="inline-form" onSubmit={(event) => { event.preventDefault(); setSaved(false); void run(() => savePolling(api, change), () => { setSaved(true); polling.reload(); }); }}>
        {FIELDS.map((field) => (
          <label class="field field-narrow" key={field.key}>
            <span>{field.label} <small class="muted">({field.unit})</small></span>
            <input type="number" inputMode="numeric" min={0} value={draft[field.key] ?? String(current[field.key])} disabled={!editable}
              onInput={(e) => { const value = e.currentTarget.value; setDraft((d) => ({ ...d, [field.key]: value })); }} />
          </label>
        ))}
        {editable ? <div class="form-buttons"><button type="submit" class="button button-primary" disabled={busy || Object.keys(change).length === 0}>Save polling</button></div> : null}
        {saved ? <p role="status" class="form-status">Polling settings saved.</p> : null}
        {error ? <ErrorNotice error={error} /> : null}
      </form>
    </section>
  );
}
