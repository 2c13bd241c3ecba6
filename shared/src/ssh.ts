import { z } from 'zod';
import { text } from './text.js';

/*
 * Hosts without an agent, read over SSH with stored credential sets. Secrets go in and are never
 * given back: a set is shown by its id, name, kind and user name alone.
 */

const name = text(128).min(1);
const username = text(128).min(1).regex(/^[^\s:@]+$/, 'must be a login name without spaces, colons or @');
/** An OpenSSH or PEM private key; its passphrase, if any, beside it. */
const privateKey = z.string().min(1).max(16_384).regex(/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'must be a PEM or OpenSSH private key');
const password = z.string().min(1).max(1024);

export const sshCredentialInput = z.discriminatedUnion('kind', [
  z.object({ name, kind: z.literal('key'), username, privateKey, passphrase: z.string().max(1024).optional() }),
  z.object({ name, kind: z.literal('password'), username, password }),
]);
export type SshCredentialInput = z.infer<typeof sshCredentialInput>;

/** A replacement of a set: secrets left out keep their stored values when the kind stays the same. */
export const sshCredentialUpdate = z.discriminatedUnion('kind', [
  z.object({ name, kind: z.literal('key'), username, privateKey: privateKey.optional(), passphrase: z.string().max(1024).optional() }),
  z.object({ name, kind: z.literal('password'), username, password: password.optional() }),
]);
export type SshCredentialUpdate = z.infer<typeof sshCredentialUpdate>;

export const sshCredentialView = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.number().int(),
  kind: z.enum(['key', 'password']),
  username: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SshCredentialView = z.infer<typeof sshCredentialView>;

export const sshCredentialOrder = z.object({ ids: z.array(z.uuid()).min(1).max(1000) });

const port = z.number().int().min(1).max(65535);

/** How long and how much one host may take: past any bound the command is stopped and the host ends with an error. */
export const sshBounds = z.object({
  connectTimeoutMs: z.number().int().min(100).max(60_000).default(5000),
  commandTimeoutMs: z.number().int().min(100).max(300_000).default(30_000),
  /** All the output one host's commands may print together. */
  maxOutputBytes: z.number().int().min(1024).max(256 * 1024 * 1024).default(32 * 1024 * 1024),
});
export type SshBounds = z.infer<typeof sshBounds>;

export const sshScanRequest = sshBounds.extend({
  /** Addresses, CIDR ranges or host names, as for SNMP sweeps. */
  include: z.array(text(253).min(1)).min(1).max(1000),
  exclude: z.array(text(128).min(1)).max(1000).default([]),
  ports: z.array(port).min(1).max(16).default([22]),
  /** The sets to try, in this order; all stored sets in their order when left out. */
  credentialIds: z.array(z.uuid()).min(1).max(100).optional(),
  concurrency: z.number().int().min(1).max(512).default(64),
});
export type SshScanRequest = z.infer<typeof sshScanRequest>;

/** Why a host's scan ended without storing anything. */
export const sshErrorCode = z.enum([
  'connect-failed', 'connect-timeout', 'host-key-changed', 'auth-failed', 'command-timeout', 'output-too-large', 'no-inventory', 'store-failed',
]);
export type SshErrorCode = z.infer<typeof sshErrorCode>;

export const sshScanView = z.object({
  id: z.uuid(),
  status: z.enum(['running', 'finished', 'failed', 'interrupted']),
  include: z.array(z.string()),
  ports: z.array(z.number().int()),
  startedBy: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  total: z.number().int(),
  done: z.number().int(),
  scanned: z.number().int(),
  errors: z.array(z.object({ host: z.string(), port: z.number().int(), code: sshErrorCode, message: z.string() })),
});
export type SshScanView = z.infer<typeof sshScanView>;

/** The last scan of one host and port. */
export const sshHostStatus = z.object({
  host: z.string(),
  port: z.number().int(),
  status: z.enum(['ok', 'error']),
  deviceId: z.uuid().nullable(),
  credentialId: z.uuid().nullable(),
  errorCode: sshErrorCode.nullable(),
  errorMessage: z.string().nullable(),
  scannedAt: z.string(),
  lastSuccessAt: z.string().nullable(),
});
export type SshHostStatus = z.infer<typeof sshHostStatus>;

export const sshHostKeyView = z.object({
  host: z.string(),
  port: z.number().int(),
  keyType: z.string(),
  /** SHA256:base64, as ssh-keygen -l prints it. */
  fingerprint: z.string(),
  pinnedAt: z.string(),
  pinnedBy: z.string(),
  /** A different key the host offered since; no credential was sent to it. */
  offered: z.object({ keyType: z.string(), fingerprint: z.string(), at: z.string() }).nullable(),
});
export type SshHostKeyView = z.infer<typeof sshHostKeyView>;

/** Accepting names the fingerprint seen, so a key changed again since is not accepted unseen. */
export const sshHostKeyAccept = z.object({ host: text(253).min(1), port, fingerprint: z.string().min(1).max(128) });
export type SshHostKeyAccept = z.infer<typeof sshHostKeyAccept>;
