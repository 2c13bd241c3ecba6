import { useState } from 'preact/hooks';
import { ASSET_TRANSITIONS, sanitisationMethod, type Asset, type AssetStatus, type TransitionRequest } from '@steward/shared';
import { fileAsBase64, transitionAsset, uploadAttachment } from '../../api/register.js';
import { useApp } from '../../app/app-context.js';
import { useSubmit } from '../../hooks/use-submit.js';
import { ActionError } from './register-nav.js';
import { STATUS_LABELS } from './status-labels.js';

const METHOD_LABELS: Record<string, string> = {
  crypto_erase: 'Cryptographic erase', overwrite: 'Overwrite', degauss: 'Degauss', physical_destruction: 'Physical destruction',
  vendor_certified: 'Certified by the vendor', no_data_bearing: 'Holds no data',
};

interface Extra { justification: string; poNumber: string; inspectionPassed: boolean; method: string; performedOn: string; performedBy: string; certificateRef: string; recycler: string }
const NO_EXTRA: Extra = { justification: '', poNumber: '', inspectionPassed: true, method: '', performedOn: '', performedBy: '', certificateRef: '', recycler: '' };

/** What a step of the lifecycle needs besides its reason: a justification, a PO, an inspection, a sanitisation record. */
function extraOf(to: AssetStatus | '', extra: Extra): Omit<TransitionRequest, 'to' | 'reason'> {
  if (to === 'approved') return { acquisition: { justification: extra.justification } };
  if (to === 'ordered') return { acquisition: { poNumber: extra.poNumber } };
  if (to === 'received') return { acquisition: { inspection: { passed: extra.inspectionPassed } } };
  if (to === 'disposed') {
    return { sanitisation: {
      method: extra.method as (typeof sanitisationMethod.options)[number],
      performedOn: extra.performedOn, performedBy: extra.performedBy, certificateRef: extra.certificateRef || null, recycler: extra.recycler || null,
    } };
  }
  return {};
}

/** Moves the asset through its lifecycle; disposal records the sanitisation and keeps its certificate as a file. */
export function TransitionCard({ asset, onChanged }: { asset: Asset; onChanged: (asset: Asset) => void }) {
  const { api } = useApp();
  const allowed = ASSET_TRANSITIONS[asset.status];
  const [to, setTo] = useState<AssetStatus | ''>('');
  const [reason, setReason] = useState('');
  const [extra, setExtra] = useState<Extra>(NO_EXTRA);
  const [certificate, setCertificate] = useState<File | null>(null);
  const { busy, error, run } = useSubmit();
  if (allowed.length === 0) return <section class="card" aria-label="Status"><p class="muted">{STATUS_LABELS[asset.status]} is final: no further status change.</p></section>;
  const set = (key: keyof Extra) => (e: { currentTarget: { value: string } }) => { const value = e.currentTarget.value; setExtra((c) => ({ ...c, [key]: value })); };
  const submit = () => run(async () => {
    if (!to) return;
    const next = await transitionAsset(api, asset.id, to, reason.trim(), extraOf(to, extra));
    if (to === 'disposed' && certificate) {
      await uploadAttachment(api, asset.id, { fileName: certificate.name, kind: 'certificate', content: await fileAsBase64(certificate) });
    }
    setTo(''); setReason(''); setExtra(NO_EXTRA); setCertificate(null);
    onChanged(next);
  });
  return (
    <form class="card inline-form" aria-label="Change status" data-testid="transition-form" onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <h2 class="card-title form-title">Status: {STATUS_LABELS[asset.status]}</h2>
      <label class="field field-narrow">
        <span>Change status to</span>
        <select value={to} required onChange={(e) => setTo(e.currentTarget.value as AssetStatus)}>
          <option value="">Choose…</option>
          {allowed.map((status) => <option key={status} value={status}>{STATUS_LABELS[status]}</option>)}
        </select>
      </label>
      <label class="field field-wide"><span>Reason</span><input value={reason} required maxLength={2000} onInput={(e) => setReason(e.currentTarget.value)} /></label>
      {to === 'approved' ? <label class="field field-wide"><span>Justification</span><input value={extra.justification} required onInput={set('justification')} /></label> : null}
      {to === 'ordered' ? <label class="field"><span>Purchase order number</span><input value={extra.poNumber} required maxLength={128} onInput={set('poNumber')} /></label> : null}
      {to === 'received' ? (
        <label class="check-field"><input type="checkbox" checked={extra.inspectionPassed} onChange={(e) => setExtra((c) => ({ ...c, inspectionPassed: e.currentTarget.checked }))} /> Passed the receiving inspection</label>
      ) : null}
      {to === 'disposed' ? (
        <fieldset class="field-wide form-group" data-testid="sanitisation-fields">
          <legend>Data sanitisation</legend>
          <div class="inline-form">
            <label class="field"><span>Method</span>
              <select value={extra.method} required onChange={set('method')}>
                <option value="">Choose…</option>
                {sanitisationMethod.options.map((m) => <option key={m} value={m}>{METHOD_LABELS[m]}</option>)}
              </select>
            </label>
            <label class="field field-narrow"><span>Performed on</span><input type="date" value={extra.performedOn} required onInput={set('performedOn')} /></label>
            <label class="field"><span>Performed by</span><input value={extra.performedBy} required maxLength={256} onInput={set('performedBy')} /></label>
            <label class="field"><span>Certificate reference</span><input value={extra.certificateRef} maxLength={256} onInput={set('certificateRef')} /></label>
            <label class="field"><span>Recycler</span><input value={extra.recycler} maxLength={256} onInput={set('recycler')} /></label>
            <label class="field field-wide"><span>Certificate file (PDF or image)</span>
              <input type="file" accept=".pdf,image/*" onChange={(e) => setCertificate(e.currentTarget.files?.[0] ?? null)} /></label>
          </div>
        </fieldset>
      ) : null}
      <div class="form-buttons"><button type="submit" class="button" disabled={busy}>Change status</button></div>
      <ActionError error={error} />
    </form>
  );
}
