import { useState } from 'preact/hooks';
import type { AcceptanceLink, Asset, AssignmentTargetType } from '@steward/shared';
import { checkInAsset, fetchAssets } from '../../api/register.js';
import { checkOutWithExtras } from '../../api/register-field-work.js';
import { useApp } from '../../app/app-context.js';
import { useSubmit } from '../../hooks/use-submit.js';
import { AcceptanceLinkNotice, OpenCheckoutAcceptance } from './acceptance-notice.js';
import { CameraScan } from './camera-scan.js';
import { ActionError } from './register-nav.js';
import { STATUS_LABELS } from './status-labels.js';
import { useReferences } from './use-lookups.js';
import { PositionConsent, positionIf, usePositionConsent } from './use-position.js';

/** Statuses from which the collector hands an item out. */
const AVAILABLE = new Set(['in_stock', 'deployed', 'received']);

const TARGETS: readonly { value: AssignmentTargetType; label: string }[] = [
  { value: 'person', label: 'A person' }, { value: 'location', label: 'A location' }, { value: 'asset', label: 'Another asset' },
];

/** The asset another one is checked out to, found by the tag typed or scanned. */
async function assetByTag(api: ReturnType<typeof useApp>['api'], tag: string, self: string): Promise<string> {
  const found = (await fetchAssets(api, { search: tag, limit: 20, offset: 0 })).items.find((a) => a.tag.toLowerCase() === tag.toLowerCase());
  if (!found) throw new Error(`No asset has the tag ${tag}.`);
  if (found.id === self) throw new Error('An asset cannot be checked out to itself.');
  return found.id;
}

/** Hands the asset to a person, a location or another asset, with a return date and a note; or takes it back. */
export function CheckoutCard({ asset, onChanged }: { asset: Asset; onChanged: (asset: Asset) => void }) {
  const { api } = useApp();
  const people = useReferences('people');
  const locations = useReferences('locations');
  const [type, setType] = useState<AssignmentTargetType>('person');
  const [targetId, setTargetId] = useState('');
  const [tag, setTag] = useState('');
  const [expectedReturn, setExpectedReturn] = useState('');
  const [note, setNote] = useState('');
  const [askAcceptance, setAskAcceptance] = useState(false);
  const [link, setLink] = useState<AcceptanceLink | null>(null);
  const [consent, setConsent] = usePositionConsent();
  const { busy, error, run } = useSubmit();
  if (asset.assignedTo) {
    return (
      <form id="checkout" class="card inline-form" aria-label="Check in" data-testid="checkin-form" onSubmit={(event) => { event.preventDefault(); void run(async () => { onChanged(await checkInAsset(api, asset.id, note)); setNote(''); setLink(null); }); }}>
        <h2 class="card-title form-title">Checked out to {asset.assignedTo.name}{asset.expectedReturn ? `, due back ${asset.expectedReturn}` : ''}</h2>
        {link ? <AcceptanceLinkNotice link={link} /> : null}
        <OpenCheckoutAcceptance assetId={asset.id} version={asset.updatedAt} />
        <label class="field field-wide"><span>Check-in note</span><input value={note} maxLength={2000} onInput={(e) => setNote(e.currentTarget.value)} /></label>
        <div class="form-buttons"><button type="submit" class="button button-primary" disabled={busy}>Check in</button></div>
        <ActionError error={error} />
      </form>
    );
  }
  if (!AVAILABLE.has(asset.status)) {
    return <section class="card" aria-label="Check out"><p class="muted">{STATUS_LABELS[asset.status]}: not available to check out.</p></section>;
  }
  const choices = type === 'person' ? people.data?.items ?? [] : type === 'location' ? (locations.data?.items ?? []).map((l) => ({ id: l.id, name: l.path })) : [];
  const submit = () => run(async () => {
    const id = type === 'asset' ? await assetByTag(api, tag.trim(), asset.id) : targetId;
    const position = await positionIf(consent);
    const out = await checkOutWithExtras(api, asset.id, { targetType: type, targetId: id, expectedReturn, note, requestAcceptance: type === 'person' && askAcceptance, position });
    setLink(out.acceptanceLink ?? null);
    const { acceptanceLink: _shown, ...checkedOut } = out;
    onChanged(checkedOut);
    setNote('');
  });
  return (
    <form id="checkout" class="card inline-form" aria-label="Check out" data-testid="checkout-form" onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <h2 class="card-title form-title">Check out</h2>
      <label class="field field-narrow">
        <span>Check out to</span>
        <select value={type} onChange={(e) => { setType(e.currentTarget.value as AssignmentTargetType); setTargetId(''); }}>
          {TARGETS.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
        </select>
      </label>
      {type === 'asset' ? (
        <>
          <label class="field"><span>Asset tag</span><input value={tag} required maxLength={64} onInput={(e) => setTag(e.currentTarget.value)} /></label>
          <CameraScan onCode={setTag} />
        </>
      ) : (
        <div class="field">
          <label for="checkout-target">{type === 'person' ? 'Person' : 'Location'}</label>
          <select id="checkout-target" value={targetId} required onChange={(e) => setTargetId(e.currentTarget.value)}>
            <option value="">{choices.length === 0 ? `No ${type === 'person' ? 'people' : 'locations'} in the register` : 'Choose…'}</option>
            {choices.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </div>
      )}
      <label class="field field-narrow"><span>Expected return</span><input type="date" value={expectedReturn} onInput={(e) => setExpectedReturn(e.currentTarget.value)} /></label>
      <label class="field field-wide"><span>Note</span><input value={note} maxLength={2000} onInput={(e) => setNote(e.currentTarget.value)} /></label>
      {type === 'person' ? (
        <label class="check-field field-wide"><input type="checkbox" checked={askAcceptance} data-testid="ask-acceptance" onChange={(e) => setAskAcceptance(e.currentTarget.checked)} /> Ask the person to accept (a link they open without signing in)</label>
      ) : null}
      <PositionConsent consent={consent} onChange={setConsent} />
      <div class="form-buttons"><button type="submit" class="button button-primary" disabled={busy}>Check out</button></div>
      <ActionError error={error} />
    </form>
  );
}
