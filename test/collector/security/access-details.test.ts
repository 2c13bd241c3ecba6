import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_BACKENDS } from '../../support/backends.js';
import { startTestCollector, type TestCollector } from '../../support/collector.js';

describe.each(CONTRACT_BACKENDS)('lasting access, caching, links and searches (%s)', (backend) => {
  let c: TestCollector;
  let admin: Record<string, string>;
  let personal: Record<string, string>;
  const json = { 'content-type': 'application/json' };
  const post = (path: string, headers: Record<string, string>, body: unknown) =>
    fetch(`${c.url}${path}`, { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify(body) });

  beforeAll(async () => {
    c = await startTestCollector(backend);
    admin = await c.adminAuth();
    const made = await post('/api/v1/me/tokens', admin, { label: 'script', expiresInDays: 7 });
    personal = { authorization: `Bearer ${((await made.json()) as { token: string }).token}` };
  });
  afterAll(async () => c?.stop());

  it('an administrator\'s personal token cannot make service tokens, enrolment secrets or administrators', async () => {
    const attempts = [
      await post('/api/v1/service-tokens', personal, { name: 'forever', scopes: ['lookup'] }),
      await post('/api/v1/agents/enrollment-secrets', personal, { label: 'installer' }),
      await post('/api/v1/users', personal, { username: 'shadow', password: 'shadow-password-1', role: 'admin' }),
    ];
    for (const answer of attempts) {
      expect(answer.status).toBe(403);
      expect((await answer.json()).message).toMatch(/signed-in session/);
    }
    const { rows } = await c.database.db.query<{ n: number }>("select count(*)::int as n from users where username = 'shadow'");
    expect(rows[0]!.n).toBe(0);
    // The same token still does ordinary work, and a signed-in session still makes all three.
    expect((await post('/api/v1/users', personal, { username: 'reader', password: 'reader-password-1', role: 'auditor' })).status).toBe(201);
    expect((await post('/api/v1/service-tokens', admin, { name: 'monitoring', scopes: ['metrics'] })).status).toBe(201);
    expect((await post('/api/v1/users', admin, { username: 'second-admin', password: 'second-admin-1', role: 'admin' })).status).toBe(201);
  });

  it('answers with tokens are never cached', async () => {
    const login = await post('/api/v1/auth/login', {}, { username: 'admin', password: 'correct-horse-battery' });
    expect(login.headers.get('cache-control')).toBe('no-store');
    const token = await post('/api/v1/service-tokens', admin, { name: 'cached?', scopes: ['lookup'] });
    expect(token.status).toBe(201);
    expect(token.headers.get('cache-control')).toBe('no-store');
  });

  it.each([
    ['/api/v1/register/manufacturers', { name: 'Evil Corp', url: 'javascript:alert(document.cookie)' }, /url: must be an http/],
    ['/api/v1/register/manufacturers', { name: 'Evil Corp', supportUrl: 'data:text/html,<script>alert(1)</script>' }, /supportUrl: must be an http/],
    ['/api/v1/register/vendors', { name: 'Evil Reseller', url: ' JavaScript:alert(1)' }, /url: must be an http/],
  ])('refuses a script link in %s', async (path, body, message) => {
    const answer = await post(path, admin, body);
    expect(answer.status).toBe(400);
    expect((await answer.json()).message).toMatch(message);
  });

  it('keeps an https link of a manufacturer', async () => {
    const answer = await post('/api/v1/register/manufacturers', admin, { name: 'Good Corp', url: 'https://good.example/support' });
    expect(answer.status).toBe(201);
  });

  it('searches the catalogue for % and _ literally', async () => {
    for (const [id, name] of [['percent-tool', '100% Tool'], ['under-tool', 'under_score'], ['plain-tool', 'Plain Tool']]) {
      expect((await post('/api/v1/catalogue/products', admin, { id, publisher: 'Wildcards Ltd', name, licence: 'commercial' })).status).toBe(201);
    }
    const search = async (q: string) => ((await (await fetch(`${c.url}/api/v1/catalogue/products?search=${encodeURIComponent(q)}`, { headers: admin })).json()) as { items: Array<{ id: string }> }).items.map((p) => p.id);
    expect(await search('%')).toEqual(['percent-tool']);
    expect(await search('_')).toEqual(expect.arrayContaining(['under-tool']));
    expect(await search('_')).not.toContain('plain-tool');
    expect(await search('wildcards')).toHaveLength(3);
  });

  it('closes the live-event socket of a session that signs out', async () => {
    const session = await c.adminAuth();
    const socket = new WebSocket(`${c.url.replace('http', 'ws')}/api/v1/events`);
    const messages: string[] = [];
    socket.on('message', (data) => messages.push(String(data)));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'auth', token: session.authorization.slice(7) }));
    await expect.poll(() => messages.some((m) => m.includes('ready'))).toBe(true);
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    expect((await fetch(`${c.url}/api/v1/auth/logout`, { method: 'POST', headers: session })).status).toBeLessThan(300);
    expect(await closed).toBe(4401);
  });
});
