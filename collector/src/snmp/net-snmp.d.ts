/** The part of the net-snmp package (plain JavaScript, no bundled types) that the SNMP engine uses. */
declare module 'net-snmp' {
  import type { EventEmitter } from 'node:events';

  export interface Varbind {
    oid: string;
    type: number;
    /** number for integer types, Buffer for OctetString, Opaque and Counter64, string for OID and IpAddress. */
    value: number | string | Buffer | boolean | null;
  }

  export type ResponseCallback<T> = (error: Error | null, varbinds?: T) => void;

  export interface Session extends EventEmitter {
    get(oids: string[], callback: ResponseCallback<Varbind[]>): Session;
    getNext(oids: string[], callback: ResponseCallback<Varbind[]>): Session;
    getBulk(
      oids: string[],
      nonRepeaters: number,
      maxRepetitions: number,
      callback: ResponseCallback<Array<Varbind | Varbind[]>>,
    ): Session;
    close(): Session;
  }

  export interface SessionOptions {
    port?: number;
    retries?: number;
    timeout?: number;
    backoff?: number;
    transport?: 'udp4' | 'udp6';
    version?: number;
    backwardsGetNexts?: boolean;
    reportOidMismatchErrors?: boolean;
    idBitsSize?: 16 | 32;
    context?: string;
    engineID?: string;
  }

  export interface User {
    name: string;
    level: number;
    authProtocol?: string;
    authKey?: string;
    privProtocol?: string;
    privKey?: string;
  }

  export function createSession(target: string, community: string, options?: SessionOptions): Session;
  export function createV3Session(target: string, user: User, options?: SessionOptions): Session;
  export function isVarbindError(varbind: Varbind): boolean;

  export const Version1: number;
  export const Version2c: number;
  export const Version3: number;
  export const ObjectType: Record<string, number>;
  export const ErrorStatus: Record<string, number>;
  export const SecurityLevel: { noAuthNoPriv: number; authNoPriv: number; authPriv: number };
  export const AuthProtocols: Record<string, string>;
  export const PrivProtocols: Record<string, string>;
  export const ResponseInvalidCode: Record<string, number>;

  export class RequestTimedOutError extends Error {}
  export class RequestFailedError extends Error {
    status: number;
  }
  export class ResponseInvalidError extends Error {
    code: number;
  }
  export class RequestInvalidError extends Error {}

  const snmp: {
    createSession: typeof createSession;
    createV3Session: typeof createV3Session;
    isVarbindError: typeof isVarbindError;
    Version1: number;
    Version2c: number;
    Version3: number;
    ObjectType: Record<string, number>;
    ErrorStatus: Record<string, number>;
    SecurityLevel: { noAuthNoPriv: number; authNoPriv: number; authPriv: number };
    AuthProtocols: Record<string, string>;
    PrivProtocols: Record<string, string>;
    ResponseInvalidCode: Record<string, number>;
    RequestTimedOutError: typeof RequestTimedOutError;
    RequestFailedError: typeof RequestFailedError;
    ResponseInvalidError: typeof ResponseInvalidError;
    RequestInvalidError: typeof RequestInvalidError;
  };
  export default snmp;
}
