import snmp from 'net-snmp';
import type { Session } from 'net-snmp';
import type { SnmpCredential } from '@steward/shared';
import type { SnmpTiming } from './timing.js';

/** Opens a net-snmp session (one UDP socket) for one device and one credential set. */
export function openSession(host: string, port: number, credential: SnmpCredential, timing: SnmpTiming): Session {
  const options = {
    port,
    timeout: timing.timeoutMs,
    retries: timing.retries,
    transport: host.includes(':') ? ('udp6' as const) : ('udp4' as const),
    // The walker checks ordering itself so that it can name the looping OID in its error.
    backwardsGetNexts: true,
  };
  if (credential.version === '3') {
    return snmp.createV3Session(host, {
      name: credential.user,
      level: snmp.SecurityLevel[credential.level],
      authProtocol: credential.authProtocol ? snmp.AuthProtocols[credential.authProtocol] : undefined,
      authKey: credential.authKey,
      privProtocol: credential.privProtocol ? snmp.PrivProtocols[credential.privProtocol] : undefined,
      privKey: credential.privKey,
    }, { ...options, version: snmp.Version3, context: credential.context ?? '' });
  }
  const version = credential.version === '1' ? snmp.Version1 : snmp.Version2c;
  return snmp.createSession(host, credential.community, { ...options, version });
}
