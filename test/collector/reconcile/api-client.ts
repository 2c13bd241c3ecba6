import { expect } from 'vitest';
import type { Role } from '@steward/shared';
import { createUser } from '../../../collector/src/services/auth.js';
import type { TestCollector } from '../../support/collector.js';

/** Calls the collector's API as one user, failing the test on an unexpected status. */
export class ApiClient {
  constructor(readonly url: string, private readonly headers: Record<string, string>) {}

  static async admin(c: TestCollector): Promise<ApiClient> {
    return new ApiClient(c.url, await c.adminAuth());
  }

  static async withRole(c: TestCollector, role: Role): Promise<ApiClient> {
    const username = `${role}-${Math.random().toString(36).slice(2, 8)}`;
    await createUser(c.ctx.db, username, 'a-long-enough-password', role);
    const response = await fetch(`${c.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'a-long-enough-password' }),
    });
    const { token } = (await response.json()) as { token: string };
    return new ApiClient(c.url, { authorization: `Bearer ${token}` });
  }

  async raw(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${this.url}${path}`, {
      method,
      headers: { ...this.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async call<T = any>(method: string, path: string, body?: unknown, expected = [200, 201, 204]): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any -- answers are checked field by field by the tests
    const response = await this.raw(method, path, body);
    const text = await response.text();
    expect(expected, `${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`).toContain(response.status);
    return (text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T;
  }

  get<T = any>(path: string): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any -- see call
    return this.call<T>('GET', path);
  }

  post<T = any>(path: string, body: unknown): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any -- see call
    return this.call<T>('POST', path, body);
  }

  put<T = any>(path: string, body: unknown): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any -- see call
    return this.call<T>('PUT', path, body);
  }
}
