import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import type { CertificateProblem, CertificateSummary } from '@steward/shared';
import { signatureAlgorithmOf, WEAK_SIGNATURES } from './signature-algorithm.js';

/** Everything kept of one certificate, the same wherever it is presented. */
export interface CertificateFacts extends CertificateSummary {
  commonName: string | null;
  subjectAltNames: string[];
  keyType: string;
  keyBits: number | null;
  signatureAlgorithm: string;
  selfSigned: boolean;
  pem: string;
}

/** Below these sizes a key can be broken or is refused by current browsers and CAs. */
const MIN_KEY_BITS: Record<string, number> = { rsa: 2048, 'rsa-pss': 2048, dsa: 2048, ec: 224 };
const CURVE_BITS: Record<string, number> = { prime256v1: 256, secp384r1: 384, secp521r1: 521, secp224r1: 224, secp256k1: 256, prime192v1: 192 };

/** "CN=a\nO=b" as Node gives it, as one line. */
function oneLine(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

function commonNameOf(subject: string): string | null {
  const cn = subject.split('\n').find((part) => part.startsWith('CN='));
  return cn ? cn.slice(3) : null;
}

function altNamesOf(x509: X509Certificate): string[] {
  if (!x509.subjectAltName) return [];
  return x509.subjectAltName.split(', ').map((entry) => entry.replace(/^IP Address:/, 'IP:'));
}

function keyOf(x509: X509Certificate): { keyType: string; keyBits: number | null } {
  const key = x509.publicKey;
  const keyType = key.asymmetricKeyType ?? 'unknown';
  const details = key.asymmetricKeyDetails ?? {};
  if (details.modulusLength) return { keyType, keyBits: details.modulusLength };
  if (details.namedCurve) return { keyType, keyBits: CURVE_BITS[details.namedCurve] ?? null };
  if (keyType === 'ed25519') return { keyType, keyBits: 256 };
  if (keyType === 'ed448') return { keyType, keyBits: 456 };
  return { keyType, keyBits: null };
}

export function summaryOf(x509: X509Certificate): CertificateSummary {
  return {
    subject: oneLine(x509.subject),
    issuer: oneLine(x509.issuer),
    serialNumber: x509.serialNumber.toLowerCase(),
    fingerprintSha256: x509.fingerprint256.replace(/:/g, '').toLowerCase(),
    notBefore: new Date(x509.validFrom).toISOString(),
    notAfter: new Date(x509.validTo).toISOString(),
  };
}

export function describeCertificate(x509: X509Certificate): CertificateFacts {
  let signatureAlgorithm = 'unknown';
  try {
    signatureAlgorithm = signatureAlgorithmOf(x509.raw);
  } catch {
    // An unreadable algorithm identifier is reported as unknown rather than losing the certificate.
  }
  const selfSigned = x509.checkIssued(x509) && safeVerify(x509);
  return {
    ...summaryOf(x509),
    commonName: commonNameOf(x509.subject),
    subjectAltNames: altNamesOf(x509),
    ...keyOf(x509),
    signatureAlgorithm,
    selfSigned,
    pem: x509.toString(),
  };
}

function safeVerify(x509: X509Certificate): boolean {
  try {
    return x509.verify(x509.publicKey);
  } catch {
    return false;
  }
}

/** Whether the certificate is good for the name or address it was reached by. */
export function matchesName(x509: X509Certificate, host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return isIP(bare) ? x509.checkIP(bare) !== undefined : x509.checkHost(bare) !== undefined;
}

/** What is wrong with a certificate presented at one place, at `now`. */
export function problemsOf(facts: CertificateFacts, presented: { trusted: boolean; nameMatches: boolean }, now: Date): CertificateProblem[] {
  const problems: CertificateProblem[] = [];
  if (Date.parse(facts.notAfter) <= now.getTime()) problems.push('expired');
  if (Date.parse(facts.notBefore) > now.getTime()) problems.push('not-yet-valid');
  const minimum = MIN_KEY_BITS[facts.keyType];
  if (minimum && facts.keyBits !== null && facts.keyBits < minimum) problems.push('weak-key');
  if (WEAK_SIGNATURES.has(facts.signatureAlgorithm)) problems.push('weak-signature');
  if (facts.selfSigned) problems.push('self-signed');
  else if (!presented.trusted) problems.push('untrusted');
  if (!presented.nameMatches) problems.push('name-mismatch');
  return problems;
}
