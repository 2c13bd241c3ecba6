import { useCallback, useState } from 'preact/hooks';
import type { NormalisationRule, NormalisedTitle } from '@steward/shared';
import { changeRule, fetchRules, previewTitle, removeRule } from '../../api/settings.js';
import { useApp } from '../../app/app-context.js';
import { ErrorNotice, LoadingRow } from '../../components/notices.js';
import { useLoader } from '../../hooks/use-loader.js';
import { can } from '../../permissions.js';
import { RuleForm } from './rule-form.js';
import { useSubmit } from '../../hooks/use-submit.js';

const SHOWN = 100;

function outcome(rule: NormalisationRule): string {
  if (rule.kind === 'publisher-alias') return `publisher → ${rule.canonicalPublisher ?? '?'}`;
  return [rule.productId, rule.licence, rule.productName].filter(Boolean).join(' · ') || '—';
}

function matches(rule: NormalisationRule, search: string): boolean {
  const needle = search.toLowerCase();
  return [rule.pattern, rule.productId, rule.productName, rule.canonicalPublisher, rule.note].some((v) => v?.toLowerCase().includes(needle));
}

/** Normalisation rules in the order they are tried; shipped rules can be disabled, people's own deleted. */
export function RulesPanel() {
  const { api, me } = useApp();
  const editable = can(me.role, 'licenses:write');
  const rules = useLoader('rules', useCallback((signal: AbortSignal) => fetchRules(api, signal), [api]));
  const [search, setSearch] = useState('');
  const [adding, setAdding] = useState(false);
  const { busy, error, run } = useSubmit();
  const all = rules.data?.items ?? [];
  // Numbered by the order they are tried in, whatever the search leaves on screen.
  const order = new Map(all.map((rule, index) => [rule.id, index + 1]));
  const found = all.filter((rule) => !search || matches(rule, search));
  const toggle = (rule: NormalisationRule) => {
    const { id, position, origin, ...fields } = rule;
    void run(() => changeRule(api, id, { ...fields, enabled: !rule.enabled }), rules.reload);
  };

  return (
    <section class="card settings-section" aria-labelledby="rules-title" data-testid="rules-panel">
      <div class="card-head">
        <h2 class="card-title" id="rules-title">Normalisation rules</h2>
        {editable && !adding ? <button type="button" class="button" onClick={() => setAdding(true)}>Add rule</button> : null}
      </div>
      <p class="muted">Each installed title takes the outcome of the first enabled rule it matches: a catalogue product or a licence class.</p>
      {adding ? <RuleForm onDone={() => { setAdding(false); rules.reload(); }} onCancel={() => setAdding(false)} /> : null}
      <TitlePreview />
      <label class="field field-search">
        <span>Find a rule</span>
        <input type="search" value={search} placeholder="Pattern, product or note" onInput={(e) => setSearch(e.currentTarget.value)} />
      </label>
      {rules.error ? <ErrorNotice error={rules.error} onRetry={rules.reload} /> : null}
      {!rules.data && !rules.error ? <LoadingRow text="Loading rules…" /> : null}
      {rules.data ? (
        <div class="table-wrap table-scroll">
          <table class="data-table" data-testid="rules-table">
            <caption class="visually-hidden">Normalisation rules</caption>
            <thead><tr><th scope="col" class="numeric">#</th><th scope="col">Match</th><th scope="col">Outcome</th><th scope="col" class="optional">Origin</th><th scope="col">State</th>{editable ? <th scope="col"><span class="visually-hidden">Actions</span></th> : null}</tr></thead>
            <tbody>
              {found.slice(0, SHOWN).map((rule) => (
                <tr key={rule.id}>
                  <td class="numeric">{order.get(rule.id)}</td>
                  <td class="cell-primary"><span class="badge badge-outline">{rule.kind}</span> <code>{rule.pattern || '*'}</code>{rule.note ? <div class="cell-sub">{rule.note}</div> : null}</td>
                  <td>{outcome(rule)}</td>
                  <td class="optional">{rule.origin}</td>
                  <td>{rule.enabled ? <span class="badge badge-ok">✓ Enabled</span> : <span class="badge badge-muted">– Disabled</span>}</td>
                  {editable ? (
                    <td class="row-actions">
                      <button type="button" class="button button-quiet" disabled={busy} onClick={() => toggle(rule)}>{rule.enabled ? 'Disable' : 'Enable'}</button>
                      {rule.origin === 'user' ? <button type="button" class="button button-quiet" disabled={busy} onClick={() => void run(() => removeRule(api, rule.id), rules.reload)}>Delete</button> : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
          {found.length > SHOWN ? <p class="muted table-note">{SHOWN} of {found.length} rules shown; narrow the search to see others.</p> : null}
        </div>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}

/** What the current rules make of a title, to check a rule before relying on it. */
function TitlePreview() {
  const { api } = useApp();
  const [name, setName] = useState('');
  const [publisher, setPublisher] = useState('');
  const [result, setResult] = useState<NormalisedTitle | null>(null);
  const { busy, error, run } = useSubmit();
  return (
    <form class="inline-form" aria-label="Try a title" onSubmit={(event) => {
      event.preventDefault();
      void run(async () => setResult(await previewTitle(api, { source: 'other', name, publisher: publisher || undefined })));
    }}>
      <label class="field"><span>Title to try</span><input value={name} required maxLength={512} placeholder="Microsoft Office Professional Plus 2019" onInput={(e) => setName(e.currentTarget.value)} /></label>
      <label class="field"><span>Publisher</span><input value={publisher} maxLength={512} onInput={(e) => setPublisher(e.currentTarget.value)} /></label>
      <div class="form-buttons"><button type="submit" class="button" disabled={busy}>Normalise</button></div>
      {result ? (
        <p role="status" class="form-status" data-testid="title-preview">
          {result.publisher} {result.product}{result.edition ? ` ${result.edition}` : ''}{result.release ? ` ${result.release}` : ''} — {result.licence}
          {result.productId ? ` (product ${result.productId})` : ''}
        </p>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}
