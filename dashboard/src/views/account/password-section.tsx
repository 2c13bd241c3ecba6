import { useState } from 'preact/hooks';
import { changeOwnPassword } from '../../api/account.js';
import { useApp } from '../../app/app-context.js';
import { ErrorNotice } from '../../components/notices.js';
import { useSubmit } from '../../hooks/use-submit.js';

/** The person's own password: the current one, then the new one twice. */
export function PasswordSection() {
  const { api } = useApp();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, run } = useSubmit();
  const mismatch = again !== '' && again !== next;
  return (
    <section class="card settings-section" aria-labelledby="password-title" data-testid="own-password">
      <div class="card-head"><h2 class="card-title" id="password-title">Password</h2></div>
      <form class="inline-form" aria-label="Change your password" onSubmit={(event) => {
        event.preventDefault();
        if (mismatch) return;
        setDone(false);
        void run(() => changeOwnPassword(api, current, next), () => { setCurrent(''); setNext(''); setAgain(''); setDone(true); });
      }}>
        <label class="field"><span>Current password</span><input type="password" autoComplete="current-password" value={current} required onInput={(e) => setCurrent(e.currentTarget.value)} /></label>
        <label class="field"><span>New password <small class="muted">(at least 12 characters)</small></span><input type="password" autoComplete="new-password" minLength={12} value={next} required onInput={(e) => setNext(e.currentTarget.value)} /></label>
        <label class="field"><span>New password again</span><input type="password" autoComplete="new-password" value={again} required onInput={(e) => setAgain(e.currentTarget.value)} /></label>
        <div class="form-buttons"><button type="submit" class="button button-primary" disabled={busy || mismatch}>Change password</button></div>
        {mismatch ? <p class="form-status form-status-bad">The two new passwords differ.</p> : null}
        {done ? <p role="status" class="form-status" data-testid="password-changed">Your password is changed; your other sessions and API tokens have ended.</p> : null}
      </form>
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}
