import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { clearSession, readSession, saveSession, type Session } from '../api/session.js';
import { LoginView } from '../views/login-view.js';
import { SignedIn } from './signed-in.js';

/** /accept#<token> answers a check-out without signing in: its own small chunk, outside the session. */
function AcceptPage() {
  const [view, setView] = useState<{ View: ComponentType } | null>(null);
  useEffect(() => { void import('../views/accept-view.js').then((m) => setView({ View: m.AcceptView })); }, []);
  return view ? <view.View /> : null;
}

export function App() {
  if (window.location.pathname === '/accept') return <AcceptPage />;
  return <SignedInOrLogin />;
}

function SignedInOrLogin() {
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
