import { ApiFailure } from '../../api/api-client.js';
import { REFERENCE_SCREENS } from './reference-screens.js';

const PAGES: readonly { href: string; label: string }[] = [
  { href: '/register', label: 'Assets' },
  { href: '/register/checkouts', label: 'Check-outs' },
  { href: '/register/audit', label: 'Audit round' },
  ...REFERENCE_SCREENS.map((screen) => ({ href: `/register/${screen.path}`, label: screen.title })),
];

/** The register's own screens, one link each; the current one is marked. */
export function RegisterNav({ current }: { current: string }) {
  return (
    <nav class="register-nav" aria-label="Register screens">
      {PAGES.map((page) => (
        <a key={page.href} href={page.href} class={page.href === current ? 'register-nav-current' : undefined} aria-current={page.href === current ? 'page' : undefined}>
          {page.label}
        </a>
      ))}
    </nav>
  );
}

/** A refused change, in the collector's words (which name the field or the reason). */
export function ActionError({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof ApiFailure || error instanceof Error ? error.message : 'Something went wrong.';
  const issues = error instanceof ApiFailure ? error.issues.filter((issue) => !message.includes(issue)) : [];
  return (
    <div class="notice notice-error" role="alert" data-testid="action-error">
      <p>{message}</p>
      {issues.length ? <ul>{issues.slice(0, 8).map((issue) => <li key={issue}>{issue}</li>)}</ul> : null}
    </div>
  );
}

/** A link to the help of the screen shown. */
export function HelpLink({ topic }: { topic: string }) {
  return <a class="button button-quiet" href={`/register/help?topic=${topic}`}>Help</a>;
}
