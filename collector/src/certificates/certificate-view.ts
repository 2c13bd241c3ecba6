import type { CertificateProblem, CertificateView } from '@steward/shared';
import type { CertificateRow } from '../store/certificates/certificates.js';
import { problemsOf, type CertificateFacts } from './describe-certificate.js';

function factsOf(r: CertificateRow): Omit<CertificateFacts, 'pem'> {
  return {
    subject: r.subject, issuer: r.issuer, serialNumber: r.serial_number, fingerprintSha256: r.fingerprint_sha256,
    notBefore: r.not_before.toISOString(), notAfter: r.not_after.toISOString(), commonName: r.common_name,
    subjectAltNames: r.subject_alt_names, keyType: r.key_type, keyBits: r.key_bits, signatureAlgorithm: r.signature_algorithm, selfSigned: r.self_signed,
  };
}

/** A stored certificate as the API shows it, its problems judged at `now` for each place it is presented. */
export function certificateView(r: CertificateRow, now: Date): CertificateView {
  const facts = factsOf(r);
  return {
    id: r.id,
    ...facts,
    chain: r.chain,
    firstSeen: r.first_seen.toISOString(),
    lastSeen: r.last_seen.toISOString(),
    assetId: r.asset_id,
    assetTag: r.asset_tag,
    endpoints: r.endpoints.map((e) => ({
      host: e.host, port: e.port, protocol: e.protocol, trusted: e.trusted, nameMatches: e.name_matches,
      problems: problemsOf({ ...facts, pem: '' }, { trusted: e.trusted, nameMatches: e.name_matches }, now),
      lastSeen: new Date(e.last_seen).toISOString(),
    })),
  };
}

/** Every problem of a certificate at any of its places. */
export function problemsAnywhere(view: CertificateView): Set<CertificateProblem> {
  return new Set(view.endpoints.flatMap((e) => e.problems));
}
