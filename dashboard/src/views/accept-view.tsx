import { useEffect, useState } from 'preact/hooks';
import type { AcceptanceRequest } from '@steward/shared';
import { answerAcceptance, readAcceptance } from '../api/register-field-work.js';

/** The link's token: in the address fragment, which the browser never sends to a server. */
function tokenOfAddress(): string {
  return decodeURIComponent(window.location.hash.replace(/^#/, ''));
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : 'the collector could not be reached';
}

/**
 * /accept#<token>: a person asked to accept a check-out reads what they are given and accepts or
 * declines it, with a note, without an account. The link works once.
 */
export function AcceptView() {
  const [token] = useState(tokenOfAddress);
  const [request, setRequest] = useState<AcceptanceRequest | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    // Out of the address bar and history, so the link is not left lying around on a shared computer.
    history.replaceState(null, '', '/accept');
    if (!token) { setError('This page needs the link you were sent, in full.'); return; }
    readAcceptance(token).then(setRequest, (failure: unknown) => setError(reasonOf(failure)));
  }, []);
  const answer = (decision: 'accepted' | 'declined') => {
    setBusy(true);
    setError(null);
    answerAcceptance(token, decision, note).then(setRequest, (failure: unknown) => setError(reasonOf(failure))).finally(() => setBusy(false));
  };
  const answered = request && request.state !== 'pending';
  return (
    <main class="login-page">
      <form class="login-card" aria-labelledby="accept-title" onSubmit={(e) => { e.preventDefault(); answer('accepted'); }}>
        <h1 id="accept-title" class="card-title">Accept a check-out</h1>
        {error ? <p class="notice notice-error" role="alert" data-testid="accept-error">{error}</p> : null}
        {request ? (
          <>
            <p>{request.personName}, this was checked out to you by {request.checkedOutBy}:</p>
            <dl class="facts" data-testid="accept-item">
              <div class="fact"><dt>Asset</dt><dd><span class="mono">{request.assetTag}</span> {request.assetName}</dd></div>
              {request.serial ? <div class="fact"><dt>Serial</dt><dd class="mono">{request.serial}</dd></div> : null}
              {request.expectedReturn ? <div class="fact"><dt>Due back</dt><dd>{request.expectedReturn}</dd></div> : null}
              {request.note ? <div class="fact"><dt>Note</dt><dd>{request.note}</dd></div> : null}
            </dl>
            {answered ? (
              <p class="notice notice-info" role="status" data-testid="accept-done">
                {request.state === 'accepted' ? 'Thank you: you accepted it.' : 'Thank you: you declined it; the IT team will be in touch.'}
              </p>
            ) : (
              <>
                <label class="field"><span>Note (optional)</span>
                  <textarea value={note} maxLength={2000} rows={3} onInput={(e) => setNote(e.currentTarget.value)} /></label>
                <div class="form-buttons">
                  <button type="submit" class="button button-primary" disabled={busy}>Accept</button>
                  <button type="button" class="button" disabled={busy} onClick={() => answer('declined')}>Decline</button>
                </div>
              </>
            )}
          </>
        ) : !error ? <p role="status">Loading…</p> : null}
      </form>
    </main>
  );
}
