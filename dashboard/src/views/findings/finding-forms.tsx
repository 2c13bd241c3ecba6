import { useCallback, useState } from 'preact/hooks';
import type { Finding, FindingAction } from '@steward/shared';
import { actOnFinding } from '../../api/findings.js';
import { keepDuplicateApart, mergeDuplicate } from '../../api/device-identity.js';
import { fetchCategories, searchAssets } from '../../api/register-lookups.js';
import { useApp } from '../../app/app-context.js';
import { ErrorNotice } from '../../components/notices.js';
import { useLoader } from '../../hooks/use-loader.js';

interface FormProps {
  finding: Finding;
  onDone: (finding: Finding) => void;
  onCancel: () => void;
}

/** Sends one action and reports its failure in words; the row closes itself on success. */
function useFindingAction(finding: Finding, onDone: (finding: Finding) => void) {
  const { api } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const send = async (action: FindingAction) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await actOnFinding(api, finding.id, action));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, send };
}

function detailText(finding: Finding, key: string): string {
  const value = finding.details[key];
  return typeof value === 'string' ? value : '';
}

export function RegisterForm({ finding, onDone, onCancel }: FormProps) {
  const { api } = useApp();
  const categories = useLoader('categories', useCallback((signal: AbortSignal) => fetchCategories(api, signal), [api]));
  const [categoryId, setCategoryId] = useState('');
  const [name, setName] = useState(detailText(finding, 'hostname'));
  const { busy, error, send } = useFindingAction(finding, onDone);
  const items = categories.data?.items ?? [];
  // A discovered device is hardware far more often than not: offer that first.
  const chosen = categoryId || (items.find((category) => category.kind === 'hardware') ?? items[0])?.id || '';
  return (
    <form class="inline-form" aria-label="Register as a new asset" onSubmit={(event) => {
      event.preventDefault();
      void send({ action: 'register', asset: { categoryId: chosen, name: name.trim() || undefined, status: 'deployed', customFields: {} } });
    }}>
      <label class="field">
        <span>Category</span>
        <select value={chosen} required onChange={(event) => setCategoryId(event.currentTarget.value)}>
          {(categories.data?.items ?? []).map((category) => <option key={category.id} value={category.id}>{category.path}</option>)}
        </select>
      </label>
      <label class="field">
        <span>Asset name</span>
        <input value={name} maxLength={256} placeholder="The device's own name" onInput={(event) => setName(event.currentTarget.value)} />
      </label>
      <div class="form-buttons">
        <button type="submit" class="button button-primary" disabled={busy || !chosen}>Register asset</button>
        <button type="button" class="button button-quiet" onClick={onCancel}>Cancel</button>
      </div>
      {error || categories.error ? <ErrorNotice error={error ?? categories.error} /> : null}
    </form>
  );
}

export function LinkForm({ finding, onDone, onCancel }: FormProps) {
  const { api } = useApp();
  const [search, setSearch] = useState('');
  const [assetId, setAssetId] = useState('');
  const assets = useLoader(`assets:${search}`, useCallback((signal: AbortSignal) => searchAssets(api, search, signal), [api, search]));
  const { busy, error, send } = useFindingAction(finding, onDone);
  return (
    <form class="inline-form" aria-label="Link to an existing asset" onSubmit={(event) => {
      event.preventDefault();
      if (assetId) void send({ action: 'link', assetId });
    }}>
      <label class="field">
        <span>Find an asset</span>
        <input type="search" value={search} maxLength={256} placeholder="Tag, name or serial" onInput={(event) => setSearch(event.currentTarget.value)} />
      </label>
      <label class="field">
        <span>Asset</span>
        <select value={assetId} required onChange={(event) => setAssetId(event.currentTarget.value)}>
          <option value="">{assets.data?.total === 0 ? 'No asset matches' : 'Choose an asset…'}</option>
          {(assets.data?.items ?? []).map((item) => <option key={item.id} value={item.id}>{item.tag} · {item.name}{item.serial ? ` · ${item.serial}` : ''}</option>)}
        </select>
      </label>
      <div class="form-buttons">
        <button type="submit" class="button button-primary" disabled={busy || !assetId}>Link</button>
        <button type="button" class="button button-quiet" onClick={onCancel}>Cancel</button>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}

export function DismissForm({ finding, onDone, onCancel }: FormProps) {
  const [reason, setReason] = useState('');
  const { busy, error, send } = useFindingAction(finding, onDone);
  const usable = reason.trim().length >= 3;
  return (
    <form class="inline-form" aria-label="Dismiss with a reason" onSubmit={(event) => {
      event.preventDefault();
      if (usable) void send({ action: 'dismiss', reason: reason.trim() });
    }}>
      <label class="field field-wide">
        <span>Reason (kept in the audit log)</span>
        <input value={reason} required minLength={3} maxLength={1024} placeholder="Why this needs no action" onInput={(event) => setReason(event.currentTarget.value)} />
      </label>
      <div class="form-buttons">
        <button type="submit" class="button button-primary" disabled={busy || !usable}>Dismiss finding</button>
        <button type="button" class="button button-quiet" onClick={onCancel}>Cancel</button>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </form>
  );
}

/** A possible duplicate: merge the finding's device into the other one, or keep the two apart. */
export function DuplicateActions({ finding, onDone }: { finding: Finding; onDone: (finding: Finding) => void }) {
  const { api } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const other = typeof finding.details.otherDeviceId === 'string' ? finding.details.otherDeviceId : null;
  if (!other) return null;
  const run = async (work: () => Promise<Finding>) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await work());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const otherName = typeof finding.details.otherHostname === 'string' ? finding.details.otherHostname : 'the other device';
  return (
    <>
      <button type="button" class="button button-primary" disabled={busy} title={`One machine: fold this device into ${otherName} (can be undone)`}
        onClick={() => void run(async () => (await mergeDuplicate(api, finding, other)).finding)}>Merge</button>
      <button type="button" class="button" disabled={busy} title={`Two machines: keep this device and ${otherName} apart`}
        onClick={() => void run(() => keepDuplicateApart(api, finding, other))}>Keep apart</button>
      {error ? <ErrorNotice error={error} /> : null}
    </>
  );
}
