import { useState } from 'preact/hooks';
import { clearSession, readSession, saveSession, type Session } from '../api/session.js';
import { LoginView } from '../views/login-view.js';
import { SignedIn } from './signed-in.js';

export function App() {
  const [session, setSession] = useState<Session | null>(() => readSession());
  const [notice, setNotice] = useState<string | null>(null);

  if (!session) {
    return (
      <LoginView
        notice={notice}
        onLoggedIn={({ token, expiresAt }) => {
          const next = { token, expiresAt };
          saveSession(next);
          setNotice(null);
          setSession(next);
        }}
      />
    );
  }
  return (
    <SignedIn
      key={session.token}
      session={session}
      onEnd={(reason) => {
        clearSession();
        setNotice(reason);
        setSession(null);
      }}
    />
  );
}
