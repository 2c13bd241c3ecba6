import { useEffect, useRef, useState } from 'preact/hooks';
import type { LoginAnswer, SignInMethods } from '@steward/shared';
import { ApiClient } from '../api/api-client.js';
import { describeLoginFailure, exchangeSsoHandoff, fetchSignInMethods, logIn, takeSsoReturn } from '../api/account.js';
import { Icon } from '../components/icon.js';

interface LoginViewProps {
  /** Why the person is here again, such as an expired session. */
  notice: string | null;
  onLoggedIn: (answer: LoginAnswer) => void;
}

const anonymousApi = new ApiClient({ token: () => null, onUnauthorized: () => undefined });

export function LoginView({ notice, onLoggedIn }: LoginViewProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [methods, setMethods] = useState<SignInMethods | null>(null);
  const firstField = useRef<HTMLInputElement | null>(null);

  useEffect(() => {
    document.title = 'Sign in · Steward';
    firstField.current?.focus();
    void fetchSignInMethods(anonymousApi).then(setMethods, () => undefined);
    const back = takeSsoReturn();
    if (back.error) setError(`Single sign-on failed: ${back.error}`);
    if (back.handoff) {
      setPending(true);
      exchangeSsoHandoff(anonymousApi, back.handoff).then(onLoggedIn, () => {
        setError('Single sign-on took too long or was already used. Sign in again.');
        setPending(false);
      });
    }
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (pending) return;
    if (!username.trim() || !password) {
      setError('Enter a username and a password.');
      return;
    }
    setPending(true);
    setError(null);
    try {
      onLoggedIn(await logIn(anonymousApi, username.trim(), password));
    } catch (failure) {
      setError(describeLoginFailure(failure));
      setPending(false);
    }
  };

  return (
    <main class="login-page">
      <form class="login-card" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <div class="login-brand">
          <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="7" />
            <path d="M9 21c2 2 4.5 3 7 3 3.5 0 6-1.8 6-4.6 0-5.6-12-3.4-12-8.8C10 8.3 12.5 7 15.6 7c2.2 0 4.3.7 6 2" />
          </svg>
          <span>Steward</span>
        </div>
        <h1 id="login-title">Sign in</h1>
        <p class="login-lead">IT asset management and discovery</p>
        {notice && !error ? <p class="notice notice-info" role="status"><Icon name="info" />{notice}</p> : null}
        {error ? <p class="notice notice-error" role="alert" data-testid="login-error"><Icon name="warning" />{error}</p> : null}
        <label class="field">
          <span>Username</span>
          <input
            ref={firstField}
            name="username"
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
            required
            maxLength={128}
            value={username}
            onInput={(event) => setUsername(event.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>Password</span>
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            required
            maxLength={1024}
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
        </label>
        <button type="submit" class="button button-primary button-block" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
        {methods?.sso ? (
          <>
            <p class="login-or" aria-hidden="true">or</p>
            <a class="button button-block" href="/api/v1/auth/sso/start" data-testid="sso-sign-in">Sign in with {methods.sso.name}</a>
          </>
        ) : null}
      </form>
    </main>
  );
}
