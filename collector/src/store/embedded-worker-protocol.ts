/**
 * Messages between the collector and the thread that runs its embedded database. PGlite runs each
 * statement synchronously on the thread that owns it; on a thread of its own, a long write (a
 * 100,000-entry report) no longer stops the collector answering health checks, WebSockets and
 * requests that need no database.
 */
export type EmbeddedRequest =
  | { id: number; kind: 'query'; sql: string; params: unknown[]; tx?: number }
  | { id: number; kind: 'exec'; sql: string; tx?: number }
  | { id: number; kind: 'begin' }
  | { id: number; kind: 'end'; tx: number; commit: boolean }
  | { id: number; kind: 'listen'; channel: string }
  | { id: number; kind: 'unlisten'; listener: number }
  | { id: number; kind: 'ping' }
  | { id: number; kind: 'close' };

/** The fields of a database error that callers read (SQLSTATE code, constraint, detail…). */
export type EmbeddedErrorFields = Record<string, string | number | undefined> & { message: string; name: string };

export type EmbeddedReply =
  | { id: number; ok: true; value?: unknown }
  | { id: number; ok: false; error: EmbeddedErrorFields }
  | { kind: 'notify'; listener: number; payload: string }
  | { kind: 'ready' }
  | { kind: 'failed'; error: EmbeddedErrorFields };

export interface EmbeddedWorkerData {
  dataDir: string;
  /** A data folder's tarball (PGlite's dumpDataDir) a new database starts from instead of being initialised. */
  seed?: Uint8Array;
}

/** Copies what can cross a thread of an error: its message, name and scalar fields. */
export function errorFields(error: unknown): EmbeddedErrorFields {
  const fields: EmbeddedErrorFields = { message: String((error as Error)?.message ?? error), name: String((error as Error)?.name ?? 'Error') };
  if (error && typeof error === 'object') {
    for (const [key, value] of Object.entries(error)) {
      if (typeof value === 'string' || typeof value === 'number') fields[key] = value;
    }
  }
  return fields;
}
