import { useCallback, useEffect, useState } from 'preact/hooks';
import type { IdentityKey, ReconcileSettings } from '@steward/shared';
import { fetchMatching, saveMatching } from '../../api/settings.js';
import { useApp } from '../../app/app-context.js';
import { ErrorNotice, LoadingRow } from '../../components/notices.js';
import { useLoader } from '../../hooks/use-loader.js';
import { can } from '../../permissions.js';
import { useSubmit } from '../../hooks/use-submit.js';

const KEY_LABELS: Record<IdentityKey, string> = {
  hardware_uuid: 'Hardware UUID', serial: 'Serial number', mac: 'MAC address', fqdn: 'Fully qualified name', hostname: 'Host name',
};
const ALL_KEYS = Object.keys(KEY_LABELS) as IdentityKey[];

/** How discovered devices are matched to register assets: which identity keys count, strongest first. */
export function MatchingPanel() {
  const { api, me } = useApp();
  const editable = can(me.role, 'settings:write');
  const stored = useLoader('matching', useCallback((signal: AbortSignal) => fetchMatching(api, signal), [api]));
  const [draft, setDraft] = useState<ReconcileSettings | null>(null);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useSubmit();
  useEffect(() => setDraft(stored.data ?? null), [stored.data]);
  if (stored.error) return <ErrorNotice error={stored.error} onRetry={stored.reload} />;
  if (!draft) return <LoadingRow text="Loading matching rules…" />;

  const used = draft.identityKeys;
  const unused = ALL_KEYS.filter((key) => !used.includes(key));
  const setKeys = (identityKeys: IdentityKey[]) => { setSaved(false); setDraft({ ...draft, identityKeys }); };
  const move = (index: number, by: number) => {
    const next = [...used];
    const [key] = next.splice(index, 1);
    next.splice(index + by, 0, key!);
    setKeys(next);
  };
  const changed = JSON.stringify(draft) !== JSON.stringify(stored.data);

  return (
    <section class="card settings-section" aria-labelledby="matching-title" data-testid="matching-panel">
      <div class="card-head"><h2 class="card-title" id="matching-title">Identity keys</h2></div>
      <p class="muted">A discovered device is matched to an asset by the first of these keys both hold; keys left out are never used.</p>
      <ol class="settings-list" data-testid="identity-keys">
        {used.map((key, index) => (
          <li key={key} class="settings-item">
            <div class="settings-item-main"><span class="order-badge">{index + 1}</span><strong>{KEY_LABELS[key]}</strong></div>
            {editable ? (
              <div class="settings-item-actions">
                <button type="button" class="button button-quiet" disabled={index === 0} aria-label={`Move ${KEY_LABELS[key]} up`} onClick={() => move(index, -1)}>↑ Stronger</button>
                <button type="button" class="button button-quiet" disabled={index === used.length - 1} aria-label={`Move ${KEY_LABELS[key]} down`} onClick={() => move(index, 1)}>↓ Weaker</button>
                <button type="button" class="button button-quiet" disabled={used.length === 1} aria-label={`Stop using ${KEY_LABELS[key]}`} onClick={() => setKeys(used.filter((k) => k !== key))}>✕ Don't use</button>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {editable && unused.length > 0 ? (
        <p class="settings-unused">
          Not used:{' '}
          {unused.map((key) => <button key={key} type="button" class="button button-quiet" aria-label={`Use ${KEY_LABELS[key]}`} onClick={() => setKeys([...used, key])}>+ {KEY_LABELS[key]}</button>)}
        </p>
      ) : null}
      <form class="inline-form" onSubmit={(event) => { event.preventDefault(); void run(() => saveMatching(api, draft), () => { setSaved(true); stored.reload(); }); }}>
        <NumberField label="Shelfware after" unit="days unused" value={draft.shelfwareAfterDays} disabled={!editable} onChange={(v) => { setSaved(false); setDraft({ ...draft, shelfwareAfterDays: v }); }} />
        <NumberField label="Full reconciliation every" unit="minutes" value={draft.fullIntervalMinutes} disabled={!editable} onChange={(v) => { setSaved(false); setDraft({ ...draft, fullIntervalMinutes: v }); }} />
        {editable ? <div class="form-buttons"><button type="submit" class="button button-primary" disabled={busy || !changed}>Save matching rules</button></div> : null}
        {saved ? <p role="status" class="form-status">Matching rules saved.</p> : null}
        {error ? <ErrorNotice error={error} /> : null}
      </form>
    </section>
  );
}

function NumberField({ label, unit, value, disabled, onChange }: { label: string; unit: string; value: number; disabled: boolean; onChange: (value: number) => void }) {
  return (
    <label class="field field-narrow">
      <span>{label} <small class="muted">({unit})</small></span>
      <input type="number" inputMode="numeric" min={1} value={value} disabled={disabled} onInput={(e) => onChange(Number(e.currentTarget.value))} />
    </label>
  );
}
