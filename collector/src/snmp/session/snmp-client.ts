import type { Session, Varbind } from 'net-snmp';
import type { SnmpAgent } from './snmp-agent.js';
import type { SnmpCredential } from '@steward/shared';
import { classifyRequestError } from './classify-request-error.js';
import { openSession } from './open-session.js';
import type { SnmpTiming } from './timing.js';

/**
 * One device reached with one credential set: promise-shaped get, get-next and get-bulk that fail
 * with SnmpRequestError codes. Each client owns one UDP socket; close it when done.
 */
export class SnmpClient implements SnmpAgent {
  readonly device: string;
  private readonly session: Session;
  private lastUnreadable: string | undefined;
  private closed = false;

  constructor(
    readonly host: string,
    readonly port: number,
    readonly credential: SnmpCredential,
    readonly timing: SnmpTiming,
  ) {
    this.device = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
    this.session = openSession(host, port, credential, timing);
    // Undecodable datagrams surface as socket errors; keep the last one to explain the timeout that follows.
    this.session.on('error', (error: Error) => {
      this.lastUnreadable = error.message.slice(0, 200);
    });
  }

  get usesBulk(): boolean {
    return this.credential.version !== '1';
  }

  get(oids: string[]): Promise<Varbind[]> {
    return this.call((cb) => this.session.get(oids, cb));
  }

  getNext(oids: string[]): Promise<Varbind[]> {
    return this.call((cb) => this.session.getNext(oids, cb));
  }

  /** One GETBULK without non-repeaters: one list of following varbinds per requested OID. */
  getBulk(oids: string[], maxRepetitions: number): Promise<Varbind[][]> {
    return this.call<Array<Varbind | Varbind[]>>((cb) => this.session.getBulk(oids, 0, maxRepetitions, cb)).then(
      (columns) => oids.map((_, i) => {
        const column = columns[i];
        return Array.isArray(column) ? column : column ? [column] : [];
      }),
    );
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.session.close();
    } catch {
      // Already closed by a socket error: nothing left to release.
    }
  }

  private call<T = Varbind[]>(send: (cb: (error: Error | null, value?: T) => void) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      send((error, value) => {
        if (error) reject(classifyRequestError(error, this.timing, this.lastUnreadable));
        else resolve(value as T);
      });
    });
  }
}
