import { SnmpClient } from '../../../../collector/src/snmp/session/snmp-client.js';
import type { SnmpCredential } from '@steward/shared';

/** Waits until an agent answers a GET of sysUpTime (or anything) with these credentials. */
export async function waitForAgent(port: number, credential: SnmpCredential, withinMs: number, host = '127.0.0.1'): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < withinMs) {
    const client = new SnmpClient(host, port, credential, { timeoutMs: 500, retries: 0 });
    try {
      await client.get(['1.3.6.1.2.1.1.3.0']);
      return Date.now() - started;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    } finally {
      client.close();
    }
  }
  throw new Error(`agent on ${host}:${port} did not answer within ${withinMs} ms`);
}
