import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/*
 * Certificates made for the tests with Debian's openssl: a root, an intermediate under it, and
 * leaves of every kind a scan must tell apart. `openssl ca` is used because it alone sets any
 * validity period, an expired one included.
 */

export interface TestCertificate {
  key: string;
  /** The leaf, followed by the intermediate where it was issued under one. */
  cert: string;
}

export interface TestCertificates {
  root: string;
  valid: TestCertificate;
  expired: TestCertificate;
  expiringIn10Days: TestCertificate;
  selfSigned: TestCertificate;
  wrongName: TestCertificate;
  rsa1024: TestCertificate;
  sha1: TestCertificate;
}

const CA_CONFIG = (dir: string) => `
[ ca ]
default_ca = ca_default
[ ca_default ]
dir = ${dir}
database = ${dir}/index.txt
new_certs_dir = ${dir}/issued
serial = ${dir}/serial
default_md = sha256
policy = anything
copy_extensions = copy
unique_subject = no
email_in_dn = no
[ anything ]
commonName = supplied
organizationName = optional
[ ca_ext ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
[ leaf_ext ]
basicConstraints = CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
`;

const LOCAL_NAMES = 'DNS:localhost,IP:127.0.0.1';

function openssl(cwd: string, args: string[]): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** openssl ca's date format: YYYYMMDDHHMMSSZ. */
function caDate(at: Date): string {
  return at.toISOString().replace(/[-:T]/g, '').replace(/\.\d+Z$/, 'Z');
}

function issuer(dir: string, name: string): string {
  const caDir = path.join(dir, name);
  mkdirSync(path.join(caDir, 'issued'), { recursive: true });
  writeFileSync(path.join(caDir, 'index.txt'), '');
  writeFileSync(path.join(caDir, 'serial'), `${(Math.floor(Math.random() * 1e6) + 1000).toString(16).padStart(6, '0')}\n`);
  writeFileSync(path.join(caDir, 'ca.cnf'), CA_CONFIG(caDir));
  return caDir;
}

interface LeafSpec { cn: string; names: string; bits?: number; md?: string; from?: Date; until?: Date; ext?: string }

function sign(dir: string, ca: string, caName: string, csr: string, out: string, spec: LeafSpec): void {
  const from = spec.from ?? new Date(Date.now() - 86_400_000);
  const until = spec.until ?? new Date(Date.now() + 365 * 86_400_000);
  openssl(dir, ['ca', '-batch', '-notext', '-config', path.join(ca, 'ca.cnf'), '-cert', `${caName}.pem`, '-keyfile', `${caName}.key`,
    '-in', csr, '-out', out, '-startdate', caDate(from), '-enddate', caDate(until), '-md', spec.md ?? 'sha256', '-extensions', spec.ext ?? 'leaf_ext']);
}

function request(dir: string, name: string, cn: string, names: string | null, bits = 2048): void {
  openssl(dir, ['req', '-new', '-newkey', `rsa:${bits}`, '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/O=Steward tests/CN=${cn}`,
    ...(names ? ['-addext', `subjectAltName=${names}`] : [])]);
}

export function makeTestCertificates(): TestCertificates {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'steward-certs-'));
  const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');
  openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'root.key', '-out', 'root.pem', '-days', '3650',
    '-subj', '/O=Steward tests/CN=Steward Test Root', '-addext', 'basicConstraints=critical,CA:true', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  const rootCa = issuer(dir, 'root-ca');
  request(dir, 'intermediate', 'Steward Test Issuing CA', null);
  sign(dir, rootCa, 'root', 'intermediate.csr', 'intermediate.pem', { cn: 'Steward Test Issuing CA', names: '', ext: 'ca_ext', until: new Date(Date.now() + 3000 * 86_400_000) });
  const issuingCa = issuer(dir, 'issuing-ca');
  const leaf = (name: string, spec: LeafSpec): TestCertificate => {
    request(dir, name, spec.cn, spec.names, spec.bits);
    sign(dir, issuingCa, 'intermediate', `${name}.csr`, `${name}.pem`, spec);
    return { key: read(`${name}.key`), cert: read(`${name}.pem`) + read('intermediate.pem') };
  };
  const day = 86_400_000;
  const valid = leaf('valid', { cn: 'localhost', names: LOCAL_NAMES });
  const expired = leaf('expired', { cn: 'old.localhost', names: LOCAL_NAMES, from: new Date(Date.now() - 400 * day), until: new Date(Date.now() - 35 * day) });
  const expiringIn10Days = leaf('expiring', { cn: 'soon.localhost', names: LOCAL_NAMES, until: new Date(Date.now() + 10 * day + 3_600_000) });
  const wrongName = leaf('wrong-name', { cn: 'intranet.example.org', names: 'DNS:intranet.example.org' });
  const rsa1024 = leaf('rsa1024', { cn: 'small.localhost', names: LOCAL_NAMES, bits: 1024 });
  const sha1 = leaf('sha1', { cn: 'sha1.localhost', names: LOCAL_NAMES, md: 'sha1' });
  openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'self.key', '-out', 'self.pem', '-days', '365',
    '-subj', '/O=Steward tests/CN=self.localhost', '-addext', `subjectAltName=${LOCAL_NAMES}`]);
  const selfSigned = { key: read('self.key'), cert: read('self.pem') };
  return { root: read('root.pem'), valid, expired, expiringIn10Days, selfSigned, wrongName, rsa1024, sha1 };
}
