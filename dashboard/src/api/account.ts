import { loginAnswer, signInMethods, type LoginAnswer, type SignInMethods } from '@steward/shared';
import { ApiFailure, type AnswerSchema, type ApiClient } from './api-client.js';
import { isRole, type Role } from '../permissions.js';

export interface Me {
  username: string;
  role: Role;
}

/** `GET /api/v1/me`; an unknown role is refused rather than guessed at. */
const meAnswer: AnswerSchema<Me> = {
  parse(data) {
    const candidate = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
    if (typeof candidate.username !== 'string' || !isRole(candidate.role)) {
      throw new Error('expected {"username": string, "role": one of the known roles}');
    }
    return { username: candidate.username, role: candidate.role };
  },
};

export function logIn(api: ApiClient, username: string, password: string): Promise<LoginAnswer> {
  return api.request(loginAnswer, '/api/v1/auth/login', { method: 'POST', body: { username, password } });
}

export function fetchSignInMethods(api: ApiClient): Promise<SignInMethods> {
  return api.request(signInMethods, '/api/v1/auth/methods');
}

/** Trades the handoff the provider's return left in the address for a session. */
export function exchangeSsoHandoff(api: ApiClient, handoff: string): Promise<LoginAnswer> {
  return api.request(loginAnswer, '/api/v1/auth/sso/exchange', { method: 'POST', body: { handoff } });
}

/**
 * What the single sign-on return left in the address fragment (`#sso=…` or `#sso-error=…`),
 * taken once: the fragment is cleared so a reload or the history never holds it again.
 */
export function takeSsoReturn(): { handoff?: string; error?: string } {
  const found = new URLSearchParams(location.hash.slice(1));
  const handoff = found.get('sso') ?? undefined;
  const error = found.get('sso-error') ?? undefined;
  if (handoff || error) history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  return { handoff, error };
}

export function fetchMe(api: ApiClient, signal?: AbortSignal): Promise<Me> {
  return api.request(meAnswer, '/api/v1/me', { signal });
}

/** Words for a failed sign-in that tell the person what to do next. */
export function describeLoginFailure(error: unknown): string {
  if (!(error instanceof ApiFailure)) return 'Signing in failed unexpectedly. Try again.';
  if (error.unreachable) return error.message;
  if (error.status === 401 || error.status === 403) return 'Wrong username or password.';
  if (error.status === 429) return 'Too many attempts. Wait a minute before trying again.';
  if (error.status === 400) return 'Enter a username and a password.';
  return error.message;
}

/** Changes the signed-in person's own password; their other sessions and tokens end, this one goes on. */
export async function changeOwnPassword(api: ApiClient, currentPassword: string, newPassword: string): Promise<void> {
  await api.request({ parse: () => null }, '/api/v1/me/password', { method: 'POST', body: { currentPassword, newPassword } });
}
