import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeDirectory } from '../make-directory.js';

/**
 * Secrets at rest (SNMP communities and keys, licence keys, integration tokens) are sealed with
 * AES-256-GCM under a master key. A sealed value names the key that sealed it, so the master key
 * can be rotated: new values use the new key, old ones still open with the old key until resealed.
 */
export interface MasterKeys {
  /** Identifier of the key new values are sealed with. */
  current: string;
  keys: Map<string, Buffer>;
}

const PREFIX = 'sealed:v1';

function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('a master key must be 32 bytes, as 64 hex digits or base64');
  return key;
}

/**
 * The master keys: STEWARD_MASTER_KEY (current) and STEWARD_MASTER_KEYS_OLD (comma separated, for
 * rotation), or else a key file in the data folder, made on first use with owner-only permissions.
 */
export function loadMasterKeys(options: { env?: NodeJS.ProcessEnv; dataDir?: string } = {}): MasterKeys {
  const env = options.env ?? process.env;
  let current: Buffer;
  if (env.STEWARD_MASTER_KEY) current = parseKey(env.STEWARD_MASTER_KEY);
  else if (env.STEWARD_MASTER_KEY_FILE) current = parseKey(readFileSync(env.STEWARD_MASTER_KEY_FILE, 'utf8'));
  else {
    const file = path.join(options.dataDir ?? './data', 'master.key');
    if (!existsSync(file)) {
      makeDirectory(path.dirname(file));
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    }
    current = parseKey(readFileSync(file, 'utf8'));
  }
  const keys = new Map([[keyId(current), current]]);
  for (const old of (env.STEWARD_MASTER_KEYS_OLD ?? '').split(',').filter(Boolean)) {
    const key = parseKey(old);
    keys.set(keyId(key), key);
  }
  return { current: keyId(current), keys };
}

/** Seals a secret: `sealed:v1:<key id>:<iv>:<tag>:<ciphertext>`, all base64url. */
export function sealSecret(keys: MasterKeys, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.keys.get(keys.current)!, iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [PREFIX, keys.current, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join(':');
}

export function openSecret(keys: MasterKeys, sealed: string): string {
  const parts = sealed.split(':');
  if (parts.length !== 6 || `${parts[0]}:${parts[1]}` !== PREFIX) throw new Error('not a sealed secret');
  const [, , id, iv, tag, data] = parts as [string, string, string, string, string, string];
  const key = keys.keys.get(id);
  if (!key) throw new Error(`sealed with master key ${id}, which is not configured`);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

/** True when a sealed value should be resealed with the current key (after a rotation). */
export function needsReseal(keys: MasterKeys, sealed: string): boolean {
  return sealed.split(':')[2] !== keys.current;
}
