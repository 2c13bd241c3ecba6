import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snmpCredentialSetView } from '@steward/shared';
import { createUser } from '../../../collector/src/services/auth.js';
import { loginAs, startSingleNetworkCollector } from './support/network-collector.js';

const COMMUNITY = 'c0mmunity-Secret-4217';
const AUTH_KEY = 'auth-Secret-9931';
const PRIV_KEY = 'priv-Secret-5523';
const SECRETS = [COMMUNITY, AUTH_KEY, PRIV_KEY];

describe('SNMP credential sets', () => {
  let c: Awaited<ReturnType<typeof startSingleNetworkCollector>>;
  let auditor: string;
  let itadmin: string;

  beforeAll(async () => {
    c = await startSingleNetworkCollector();
    await createUser(c.database.db, 'auditor1', 'auditor-password', 'auditor');
    await createUser(c.database.db, 'itadmin1', 'itadmin-password', 'itadmin');
    auditor = await loginAs(c.url, 'auditor1', 'auditor-password');
    itadmin = await loginAs(c.url, 'itadmin1', 'itadmin-password');
  });
  afterAll(async () => c?.stop());

  /** Everything a client or an operator could read: answers, logs, the table and the audit log. */
  async function everythingReadable(): Promise<string> {
    const list = await c.api('GET', '/api/v1/network/credentials');
    const audit = await c.database.db.query('select * from audit_log');
    const rows = await c.database.db.query('select * from snmp_credentials');
    return [JSON.stringify(list.body), c.logs(), JSON.stringify(audit.rows), JSON.stringify(rows.rows)].join('\n');
  }

  it('stores sets sealed and never answers or logs their secrets', async () => {
    const v2 = await c.api('POST', '/api/v1/network/credentials', { name: 'office v2c', version: '2c', community: COMMUNITY }, itadmin);
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ name: 'office v2c', version: '2c', position: 1, secrets: { community: true } });
    const v3 = await c.api('POST', '/api/v1/network/credentials', {
      name: 'core v3', version: '3', user: 'steward', level: 'authPriv', authProtocol: 'sha256', authKey: AUTH_KEY, privProtocol: 'aes', privKey: PRIV_KEY,
    });
    expect(v3.status).toBe(201);
    expect(v3.body).toMatchObject({ version: '3', user: 'steward', level: 'authPriv', authProtocol: 'sha256', privProtocol: 'aes', position: 2, secrets: { authKey: true, privKey: true } });
    const one = await c.api('GET', '/api/v1/network/credentials', undefined, auditor);
    expect(one.status).toBe(200);
    snmpCredentialSetView.array().parse(one.body.items);
    expect(one.body.items.map((i: { name: string }) => i.name)).toEqual(['office v2c', 'core v3']);

    const readable = await everythingReadable();
    for (const secret of SECRETS) expect(readable).not.toContain(secret);
    const stored = await c.database.db.query<{ sealed_secrets: string }>('select sealed_secrets from snmp_credentials');
    expect(stored.rows.every((r) => r.sealed_secrets.startsWith('sealed:v1:'))).toBe(true);
  });

  it('keeps stored secrets on an update that leaves them out, and refuses one left incomplete', async () => {
    const list = (await c.api('GET', '/api/v1/network/credentials')).body.items as Array<{ id: string; name: string }>;
    const v2 = list.find((i) => i.name === 'office v2c')!;
    const renamed = await c.api('PUT', `/api/v1/network/credentials/${v2.id}`, { name: 'office', version: '2c' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'office', secrets: { community: true } });
    const v3 = list.find((i) => i.name === 'core v3')!;
    const incomplete = await c.api('PUT', `/api/v1/network/credentials/${v3.id}`, { name: 'core v3', version: '2c' });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.message).toMatch(/community/);
    expect(await everythingReadable()).not.toContain(COMMUNITY);
  });

  it('refuses incomplete v3 sets, duplicate names, and writes without discovery:write', async () => {
    const noKey = await c.api('POST', '/api/v1/network/credentials', { name: 'bad', version: '3', user: 'u', level: 'authNoPriv' });
    expect(noKey.status).toBe(400);
    expect(noKey.body.message).toMatch(/authKey/);
    const duplicate = await c.api('POST', '/api/v1/network/credentials', { name: 'office', version: '1', community: 'x' });
    expect(duplicate.status).toBe(409);
    const forbidden = await c.api('POST', '/api/v1/network/credentials', { name: 'mine', version: '2c', community: 'x' }, auditor);
    expect(forbidden.status).toBe(403);
    expect((await c.api('GET', '/api/v1/network/credentials', undefined, 'not-a-token')).status).toBe(401);
  });

  it('reorders the sets (every one named once) and deletes them', async () => {
    const ids = ((await c.api('GET', '/api/v1/network/credentials')).body.items as Array<{ id: string }>).map((i) => i.id);
    const partial = await c.api('PUT', '/api/v1/network/credentials/order', { ids: [ids[0]] });
    expect(partial.status).toBe(400);
    const reordered = await c.api('PUT', '/api/v1/network/credentials/order', { ids: [...ids].reverse() });
    expect(reordered.status).toBe(200);
    expect(reordered.body.items.map((i: { id: string }) => i.id)).toEqual([...ids].reverse());
    expect((await c.api('DELETE', `/api/v1/network/credentials/${ids[0]}`)).status).toBe(204);
    expect((await c.api('DELETE', `/api/v1/network/credentials/${ids[0]}`)).status).toBe(404);
    const left = (await c.api('GET', '/api/v1/network/credentials')).body.items as Array<{ id: string }>;
    expect(left.map((i) => i.id)).toEqual([ids[1]]);
    const audit = await c.database.db.query<{ action: string }>("select action from audit_log where action like 'snmp-credential.%' order by id");
    expect(audit.rows.map((r) => r.action)).toEqual([
      'snmp-credential.create', 'snmp-credential.create', 'snmp-credential.update', 'snmp-credential.reorder', 'snmp-credential.delete',
    ]);
  });

  it('documents every network route with its schemas', async () => {
    const doc = (await (await fetch(`${c.url}/docs/json`)).json()) as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
    for (const path of ['/api/v1/network/credentials', '/api/v1/network/sweeps', '/api/v1/network/sweeps/{id}', '/api/v1/network/devices/{id}', '/api/v1/network/discoveries', '/api/v1/devices/{id}/switch-port']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.paths['/api/v1/network/discoveries']!.post!.requestBody).toBeDefined();
  });
});

