/*
 * Node 20's X509Certificate does not expose the signature algorithm, so it is read from the DER:
 * Certificate ::= SEQUENCE { tbsCertificate SEQUENCE, signatureAlgorithm AlgorithmIdentifier, ... }
 * and AlgorithmIdentifier ::= SEQUENCE { algorithm OBJECT IDENTIFIER, ... }.
 */

const ALGORITHMS: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
  '1.2.840.10040.4.3': 'dsa-with-SHA1',
};

/** Signature algorithms no longer accepted for certificates: collisions can be bought. */
export const WEAK_SIGNATURES = new Set(['md5WithRSAEncryption', 'sha1WithRSAEncryption', 'ecdsa-with-SHA1', 'dsa-with-SHA1']);

interface Element { tag: number; start: number; end: number }

function readElement(der: Buffer, at: number): Element {
  const tag = der[at]!;
  let length = der[at + 1]!;
  let start = at + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes < 1 || bytes > 4) throw new Error('unsupported DER length');
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + der[start + i]!;
    start += bytes;
  }
  if (start + length > der.length) throw new Error('truncated DER');
  return { tag, start, end: start + length };
}

function decodeOid(bytes: Buffer): string {
  const parts: number[] = [Math.floor(bytes[0]! / 40), bytes[0]! % 40];
  let value = 0;
  for (const b of bytes.subarray(1)) {
    value = value * 128 + (b & 0x7f);
    if (!(b & 0x80)) { parts.push(value); value = 0; }
  }
  return parts.join('.');
}

/** The certificate's signature algorithm by name, or its OID when the name is not known. */
export function signatureAlgorithmOf(der: Buffer): string {
  const certificate = readElement(der, 0);
  const tbs = readElement(der, certificate.start);
  const algorithm = readElement(der, tbs.end);
  const oid = readElement(der, algorithm.start);
  if (oid.tag !== 0x06) throw new Error('no algorithm identifier');
  const dotted = decodeOid(der.subarray(oid.start, oid.end));
  return ALGORITHMS[dotted] ?? dotted;
}
