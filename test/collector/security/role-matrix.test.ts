import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permission, role as roleSchema, roleAllows, type Permission, type Role } from '@steward/shared';
import { createUser } from '../../../collector/src/services/auth.js';
import { startTestCollector, type TestCollector } from '../../support/collector.js';

/**
 * Every role against one route per permission: what the role may do is answered with anything but
 * 401/403 (200, or 400/404 for the deliberately empty bodies used here), and what it may not do is
 * refused with 403. The table of what each role may do is the product's spec (shared/permissions.ts);
 * this proves the routes enforce it, both ways.
 */
const someId = randomUUID();
const ROUTE_FOR: Record<Permission, { method: string; path: string; body?: unknown }> = {
  'devices:read': { method: 'GET', path: '/api/v1/devices' },
  'register:read': { method: 'GET', path: '/api/v1/register/assets' },
  'register:write': { method: 'POST', path: '/api/v1/register/assets', body: {} },
  'register:checkout': { method: 'POST', path: `/api/v1/register/assets/${someId}/checkout`, body: {} },
  'discovery:read': { method: 'GET', path: '/api/v1/network/devices' },
  'discovery:write': { method: 'POST', path: '/api/v1/network/sweeps', body: {} },
  'findings:read': { method: 'GET', path: '/api/v1/findings' },
  'findings:write': { method: 'POST', path: `/api/v1/findings/${someId}/actions`, body: {} },
  'licenses:read': { method: 'GET', path: '/api/v1/licenses/position' },
  'licenses:write': { method: 'POST', path: '/api/v1/licenses/entitlements', body: {} },
  'reports:run': { method: 'GET', path: '/api/v1/reports/license-reconciliation?format=csv' },
  'alerts:read': { method: 'GET', path: '/api/v1/alerts' },
  'alerts:write': { method: 'POST', path: '/api/v1/alerts/rules', body: {} },
  'agents:command': { method: 'POST', path: `/api/v1/agents/${someId}/collect` },
  'audit:read': { method: 'GET', path: '/api/v1/audit' },
  'users:manage': { method: 'GET', path: '/api/v1/service-tokens' },
  'settings:write': { method: 'GET', path: '/api/v1/agents/enrollment-secrets' },
};

let c: TestCollector;
const auth: Partial<Record<Role, Record<string, string>>> = {};

beforeAll(async () => {
  c = await startTestCollector();
  for (const r of roleSchema.options) {
    const username = `${r}-matrix`;
    await createUser(c.database.db, username, `${r}-password-1`, r);
    const login = await fetch(`${c.url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: `${r}-password-1` }),
    });
    auth[r] = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  }
});
afterAll(async () => c?.stop());

const cases = roleSchema.options.flatMap((r) => permission.options.map((p) => [r, p, roleAllows(r, p)] as const));

describe('what each role can and cannot do', () => {
  it.each(cases)('%s → %s (allowed: %s)', async (r, p, allowed) => {
    const route = ROUTE_FOR[p];
    const response = await fetch(`${c.url}${route.path}`, {
      method: route.method,
      headers: { ...auth[r]!, ...(route.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: route.body !== undefined ? JSON.stringify(route.body) : undefined,
    });
    const text = await response.text();
    if (allowed) expect([401, 403], `${route.method} ${route.path}: ${text.slice(0, 200)}`).not.toContain(response.status);
    else expect(response.status, text.slice(0, 200)).toBe(403);
  });

  it('refuses every route to an anonymous caller', async () => {
    for (const route of Object.values(ROUTE_FOR)) {
      const response = await fetch(`${c.url}${route.path}`, { method: route.method });
      expect(response.status, `${route.method} ${route.path}`).toBe(401);
    }
  });
});
