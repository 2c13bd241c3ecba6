import { createUser } from '../../../collector/src/services/auth.js';
import type { Role } from '@steward/shared';
import { startTestCollector, type TestCollector } from '../../support/collector.js';

export interface Answer<T = any> { // eslint-disable-line @typescript-eslint/no-explicit-any -- test bodies are read loosely
  status: number;
  body: T;
}

/** A client for the register API acting as one user. */
export class RegisterClient {
  constructor(readonly url: string, private readonly headers: Record<string, string>) {}

  async call<T = any>(method: string, path: string, body?: unknown): Promise<Answer<T>> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const response = await fetch(`${this.url}/api/v1/register${path}`, {
      method,
      headers: { ...this.headers, ...(body === undefined ? {} : typeof body === 'string' ? { 'content-type': 'text/csv' } : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, body: type.includes('json') && text ? JSON.parse(text) : text };
  }

  get = <T = any>(path: string) => this.call<T>('GET', path); // eslint-disable-line @typescript-eslint/no-explicit-any
  post = <T = any>(path: string, body?: unknown) => this.call<T>('POST', path, body ?? {}); // eslint-disable-line @typescript-eslint/no-explicit-any
  patch = <T = any>(path: string, body: unknown) => this.call<T>('PATCH', path, body); // eslint-disable-line @typescript-eslint/no-explicit-any
  put = <T = any>(path: string, body: unknown) => this.call<T>('PUT', path, body); // eslint-disable-line @typescript-eslint/no-explicit-any
  delete = (path: string) => this.call('DELETE', path);

  /** The id of a shipped default category by its key. */
  async categoryId(key: string): Promise<string> {
    const { body } = await this.get('/categories?limit=1000');
    const found = body.items.find((c: { key: string }) => c.key === key);
    if (!found) throw new Error(`no default category ${key}`);
    return found.id;
  }
}

export async function loginAs(c: TestCollector, username: string, password: string): Promise<RegisterClient> {
  const response = await fetch(`${c.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const { token } = (await response.json()) as { token: string };
  return new RegisterClient(c.url, { authorization: `Bearer ${token}` });
}

export async function clientWithRole(c: TestCollector, role: Role): Promise<RegisterClient> {
  const username = `${role}-${Math.random().toString(36).slice(2, 8)}`;
  await createUser(c.database.db, username, 'a-long-test-password', role);
  return loginAs(c, username, 'a-long-test-password');
}

export async function startRegister(backend: 'embedded' | 'postgres'): Promise<{ c: TestCollector; admin: RegisterClient }> {
  const c = await startTestCollector(backend);
  return { c, admin: new RegisterClient(c.url, await c.adminAuth()) };
}

/** Throws with the answer's body when the status is not the one expected: failures say why. */
export function expectStatus<T>(answer: Answer<T>, status: number): T {
  if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}
