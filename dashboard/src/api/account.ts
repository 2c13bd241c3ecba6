import { loginAnswer, type LoginAnswer } from '@steward/shared';
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
