import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';
import { makeDirectory } from '../make-directory.js';

export interface TlsFiles {
  cert: string;
  key: string;
}

/**
 * Makes a self-signed certificate for the first run (kept in the data folder so agents can pin it
 * with their CA file), valid for this host's names and loopback addresses.
 */
export async function ensureSelfSignedCertificate(dir: string, hostnames: string[] = [os.hostname(), 'localhost']): Promise<{ certFile: string; keyFile: string; created: boolean }> {
  const certFile = path.join(dir, 'collector-cert.pem');
  const keyFile = path.join(dir, 'collector-key.pem');
  if (existsSync(certFile) && existsSync(keyFile)) return { certFile, keyFile, created: false };
  makeDirectory(dir);
  const notAfter = new Date(Date.now() + 825 * 86400_000);
  const pems = await generate([{ name: 'commonName', value: hostnames[0] ?? 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...[...new Set(hostnames)].map((value) => ({ type: 2 as const, value })),
          { type: 7 as const, ip: '127.0.0.1' },
          { type: 7 as const, ip: '::1' },
        ],
      },
    ],
  });
  writeFileSync(keyFile, pems.private, { mode: 0o600 });
  writeFileSync(certFile, pems.cert, { mode: 0o644 });
  return { certFile, keyFile, created: true };
}

export function readTlsFiles(certFile: string, keyFile: string): TlsFiles {
  return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
}
