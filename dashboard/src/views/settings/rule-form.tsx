import { useState } from 'preact/hooks';
import type { NormalisationRuleInput } from '@steward/shared';
import { addRule } from '../../api/settings.js';
import { useApp } from '../../app/app-context.js';
import { ErrorNotice } from '../../components/notices.js';
import { useSubmit } from '../../hooks/use-submit.js';

type Kind = NormalisationRuleInput['kind'];
type Licence = NonNullable<NormalisationRuleInput['licence']>;
const KIND_LABELS: Record<Kind, string> = {
  exact: 'Name is exactly', prefix: 'Name starts with', regex: 'Name matches (regular expression)', 'publisher-alias': 'Publisher alias', any: 'Anything (catch-all)',
};
const LICENCES: readonly Licence[] = ['commercial', 'freeware', 'open-source', 'component'];

/** A new normalisation rule, placed before the catch-all defaults. */
export function RuleForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { api } = useApp();
  const [kind, setKind] = useState<Kind>('prefix');
  const [pattern, setPattern] = useState('');
  const [productId, setProductId] = useState('');
  const [licence, setLicence] = useState<Licence | ''>('');
  const [productName, setProductName] = useState('');
  const [canonicalPublisher, setCanonicalPublisher] = useState('');
  const [note, setNote] = useState('');
  const { busy, error, run } = useSubmit();
  const alias = kind === 'publisher-alias';
  const rule = (): NormalisationRuleInput => ({
    kind, pattern, field: alias ? 'publisher' : 'name', enabled: true,
    ...(alias ? { canonicalPublisher: canonicalPublisher.trim() } : {}),
    ...(!alias && productId.trim() ? { productId: productId.trim() } : {}),
    ...(!alias && licence ? { licence } : {}),
    ...(!alias && productName.trim() ? { productName: productName.trim() } : {}),
    ...(note.trim() ? { note: note.trim() } : {}),
  });
  return (
    <form class="inline-form settings-form" aria-label="Add a normalisation rule" data-testid="rule-form"
      onSubmit={(event) => { event.preventDefault(); void run(() => addRule(api, rule()), onDone); }}>
      <label class="field">
        <span>Match</span>
        <select value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
          {(Object.keys(KIND_LABELS) as Kind[]).map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
        </select>
      </label>
      {kind !== 'any' ? <label class="field field-wide"><span>Pattern</span><input value={pattern} required maxLength={4096} onInput={(e) => setPattern(e.currentTarget.value)} /></label> : null}
      {alias ? (
        <label class="field"><span>Publisher's true name</span><input value={canonicalPublisher} required maxLength={256} onInput={(e) => setCanonicalPublisher(e.currentTarget.value)} /></label>
      ) : (
        <>
          <label class="field"><span>Catalogue product id</span><input value={productId} maxLength={128} placeholder="microsoft-office" onInput={(e) => setProductId(e.currentTarget.value)} /></label>
          <label class="field">
            <span>Or licence class</span>
            <select value={licence} onChange={(e) => setLicence(e.currentTarget.value as Licence | '')}>
              <option value="">(from the product)</option>
              {LICENCES.map((l) => <option key={l} value={l}>{l}</option>)}
            </select>
          </label>
          <label class="field"><span>Product name</span><input value={productName} maxLength={256} placeholder="The install's own name" onInput={(e) => setProductName(e.currentTarget.value)} /></label>
        </>
      )}
      <label class="field"><span>Note</span><input value={note} maxLength={512} onInput={(e) => setNote(e.currentTarget.value)} /></label>
      <div class="form-buttons">
        <button type="submit" class="button button-primary" disabled={busy}>Add rule</button>
        <button type="button" class="button button-quiet" onClick={onCancel}>Cancel</button>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}
