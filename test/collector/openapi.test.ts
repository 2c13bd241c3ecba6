import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCollector, type TestCollector } from '../support/collector.js';

let c: TestCollector;
beforeAll(async () => {
  c = await startTestCollector();
});
afterAll(async () => c?.stop());

describe('API documentation', () => {
  it('serves an OpenAPI document listing the routes with their parameters', async () => {
    const doc = (await (await fetch(`${c.url}/docs/json`)).json()) as { openapi: string; paths: Record<string, Record<string, { parameters?: Array<{ name: string }> }>> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/devices', '/api/v1/agents/report', '/api/v1/auth/login']));
    expect(doc.paths['/api/v1/devices']!.get!.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(['search', 'limit', 'offset', 'sort']));
  });

  it('serves the documentation browser at /docs', async () => {
    const response = await fetch(`${c.url}/docs`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/swagger/i);
  });

  it('still validates with the shared schemas and names the field', async () => {
    const auth = await c.adminAuth();
    const response = await fetch(`${c.url}/api/v1/devices?sort=bogus`, { headers: auth });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(/sort/);
  });
});
