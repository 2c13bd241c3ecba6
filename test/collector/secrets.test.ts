import { mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadMasterKeys, needsReseal, openSecret, sealSecret } from '../../collector/src/services/secrets.js';

describe('secrets at rest', () => {
  const keyA = randomBytes(32).toString('hex');
  const keyB = randomBytes(32).toString('hex');

  it('seals and opens a secret; the sealed form does not contain it', () => {
    const keys = loadMasterKeys({ env: { STEWARD_MASTER_KEY: keyA } });
    const sealed = sealSecret(keys, 'community-Секрет-42');
    expect(sealed).not.toContain('community');
    expect(openSecret(keys, sealed)).toBe('community-Секрет-42');
    expect(sealSecret(keys, 'same')).not.toBe(sealSecret(keys, 'same'));
  });

  it('refuses a tampered value', () => {
    const keys = loadMasterKeys({ env: { STEWARD_MASTER_KEY: keyA } });
    const sealed = sealSecret(keys, 'licence-key-ABCDE');
    const parts = sealed.split(':');
    const data = Buffer.from(parts[5]!, 'base64url');
    data[0] = data[0]! ^ 1;
    parts[5] = data.toString('base64url');
    expect(() => openSecret(keys, parts.join(':'))).toThrow();
  });

  it('opens values sealed before a key rotation and tells which need resealing', () => {
    const before = loadMasterKeys({ env: { STEWARD_MASTER_KEY: keyA } });
    const sealed = sealSecret(before, 'old secret');
    const after = loadMasterKeys({ env: { STEWARD_MASTER_KEY: keyB, STEWARD_MASTER_KEYS_OLD: keyA } });
    expect(openSecret(after, sealed)).toBe('old secret');
    expect(needsReseal(after, sealed)).toBe(true);
    expect(needsReseal(after, sealSecret(after, 'new'))).toBe(false);
    const withoutOld = loadMasterKeys({ env: { STEWARD_MASTER_KEY: keyB } });
    expect(() => openSecret(withoutOld, sealed)).toThrow(/not configured/);
  });

  it('makes an owner-only key file in the data folder when no key is configured', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'steward-keys-'));
    const first = loadMasterKeys({ env: {}, dataDir });
    const second = loadMasterKeys({ env: {}, dataDir });
    expect(second.current).toBe(first.current);
    expect(statSync(path.join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);
  });
});
