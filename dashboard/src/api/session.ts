/**
 * The session token lives in sessionStorage: it survives reloads of the tab but not the closing of
 * the browser, and other tabs must sign in on their own.
 */
export interface Session {
  token: string;
  expiresAt: string;
}

const STORAGE_KEY = 'steward.session';

export function readSession(storage: Storage = sessionStorage): Session | null {
  const raw = storage.getItem(STORAGE_KEY);
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (!isSession(value) || Date.parse(value.expiresAt) <= Date.now()) {
      storage.removeItem(STORAGE_KEY);
      return null;
    }
    return value;
  } catch {
    storage.removeItem(STORAGE_KEY);
    return null;
  }
}

export function saveSession(session: Session, storage: Storage = sessionStorage): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(storage: Storage = sessionStorage): void {
  storage.removeItem(STORAGE_KEY);
}

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.token === 'string' && typeof candidate.expiresAt === 'string';
}
