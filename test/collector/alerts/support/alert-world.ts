import type { LiveEvent, Role } from '@steward/shared';
import { createUser } from '../../../../collector/src/services/auth.js';
import { alertDepsFrom, type AlertDeps } from '../../../../collector/src/alerts/alert-deps.js';
import { drainDeliveries, type DrainResult } from '../../../../collector/src/alerts/delivery-worker.js';
import { evaluateAlerts } from '../../../../collector/src/alerts/evaluate-alerts.js';
import { startTestCollector, type TestCollector } from '../../../support/collector.js';

export interface Answer<T = any> { // eslint-disable-line @typescript-eslint/no-explicit-any -- test bodies are read loosely
  status: number;
  body: T;
  headers: Headers;
}

/** Calls the collector's API as one user (or with a service token). */
export class ApiClient {
  constructor(readonly url: string, readonly headers: Record<string, string>) {}

  async call<T = any>(method: string, path: string, body?: unknown): Promise<Answer<T>> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { ...this.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const type = response.headers.get('content-type') ?? '';
    const buffer = Buffer.from(await response.arrayBuffer());
    const text = buffer.toString('utf8');
    const parsed = type.includes('json') && text ? JSON.parse(text) : type.includes('pdf') ? buffer : text;
    return { status: response.status, body: parsed, headers: response.headers };
  }

  get = <T = any>(path: string) => this.call<T>('GET', path); // eslint-disable-line @typescript-eslint/no-explicit-any
  post = <T = any>(path: string, body: unknown = {}) => this.call<T>('POST', path, body); // eslint-disable-line @typescript-eslint/no-explicit-any
  put = <T = any>(path: string, body: unknown) => this.call<T>('PUT', path, body); // eslint-disable-line @typescript-eslint/no-explicit-any
  patch = <T = any>(path: string, body: unknown) => this.call<T>('PATCH', path, body); // eslint-disable-line @typescript-eslint/no-explicit-any
  delete = (path: string) => this.call('DELETE', path);
}

/** Throws with the answer's body when the status is not the one expected: failures say why. */
export function expectStatus<T>(answer: Answer<T>, status: number): T {
  if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export interface AlertWorld {
  c: TestCollector;
  admin: ApiClient;
  deps: AlertDeps;
  /** Every live event published while the world runs. */
  live: LiveEvent[];
  evaluate(at: Date): ReturnType<typeof evaluateAlerts>;
  /** Drains the delivery queue until nothing is due, waiting out short retry delays. */
  drain(untilSettled?: boolean): Promise<DrainResult>;
  waitForLive(predicate: (e: LiveEvent) => boolean, timeoutMs?: number): Promise<LiveEvent>;
  categoryId(key: string): Promise<string>;
  stop(): Promise<void>;
}

export const DAY = 86_400_000;

/**
 * A real collector whose alert scheduler is stopped, so the test moves the clock itself; retries
 * wait milliseconds instead of minutes.
 */
export async function startAlertWorld(backend: 'embedded' | 'postgres', settings: Record<string, unknown> = {}): Promise<AlertWorld> {
  const c = await startTestCollector(backend, settings);
  await c.alerts.stop();
  const admin = new ApiClient(c.url, await c.adminAuth());
  const deps = alertDepsFrom(c.ctx, { retry: { baseMs: 25, maxMs: 200, maxAttempts: 4 } });
  const live: LiveEvent[] = [];
  const unsubscribe = c.ctx.live.subscribe((e) => live.push(e));
  return {
    c, admin, deps, live,
    evaluate: (at) => evaluateAlerts(deps, at),
    async drain(untilSettled = true) {
      const total: DrainResult = { delivered: 0, retried: 0, failed: 0 };
      for (let round = 0; round < 50; round++) {
        const r = await drainDeliveries(deps);
        total.delivered += r.delivered;
        total.retried += r.retried;
        total.failed += r.failed;
        const { rows } = await c.ctx.db.query<{ n: number }>(`select count(*)::int as n from alert_deliveries where state in ('pending', 'sending')`);
        if (!untilSettled || rows[0]!.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 60));
      }
      return total;
    },
    async waitForLive(predicate, timeoutMs = 3000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const found = live.find(predicate);
        if (found) return found;
        if (Date.now() > end) throw new Error(`no such live event; got ${JSON.stringify(live)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async categoryId(key) {
      const { body } = await admin.get('/api/v1/register/categories?limit=1000');
      const found = body.items.find((x: { key: string }) => x.key === key);
      if (!found) throw new Error(`no default category ${key}`);
      return found.id;
    },
    async stop() {
      unsubscribe();
      await c.stop();
    },
  };
}

/** A client signed in as a new user of the given role. */
export async function clientWithRole(w: AlertWorld, role: Role): Promise<ApiClient> {
  const username = `${role}-${Math.random().toString(36).slice(2, 8)}`;
  await createUser(w.c.ctx.db, username, 'a-long-test-password', role);
  const { token } = expectStatus(await new ApiClient(w.c.url, {}).post('/api/v1/auth/login', { username, password: 'a-long-test-password' }), 200);
  return new ApiClient(w.c.url, { authorization: `Bearer ${token}` });
}

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);
