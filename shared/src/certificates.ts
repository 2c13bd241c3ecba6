import { z } from 'zod';
import { isoDateTime, text } from './text.js';

/*
 * TLS certificates as discovery finds them: every certificate a host presents on a port, directly
 * (HTTPS, LDAPS, IMAPS, SMTPS...) or after STARTTLS, with what makes it a risk.
 */

/** How a port is spoken to before the TLS handshake: `tls` from the first byte, the others by STARTTLS. */
export const tlsProtocol = z.enum(['tls', 'smtp', 'imap', 'pop3', 'ldap']);
export type TlsProtocol = z.infer<typeof tlsProtocol>;

export const tlsPort = z.object({
  port: z.number().int().min(1).max(65535),
  protocol: tlsProtocol.default('tls'),
});
export type TlsPort = z.infer<typeof tlsPort>;

/** The ports probed when a scan names none: the usual TLS services and the STARTTLS ones. */
export const DEFAULT_TLS_PORTS: TlsPort[] = [
  { port: 443, protocol: 'tls' }, { port: 8443, protocol: 'tls' }, { port: 636, protocol: 'tls' },
  { port: 993, protocol: 'tls' }, { port: 995, protocol: 'tls' }, { port: 465, protocol: 'tls' },
  { port: 25, protocol: 'smtp' }, { port: 587, protocol: 'smtp' }, { port: 143, protocol: 'imap' },
  { port: 110, protocol: 'pop3' }, { port: 389, protocol: 'ldap' },
];

export const certificateScanRequest = z.object({
  /** Addresses, CIDR ranges or host names, as for SNMP sweeps. */
  include: z.array(text(253).min(1)).min(1).max(1000),
  exclude: z.array(text(128).min(1)).max(1000).default([]),
  ports: z.array(tlsPort).min(1).max(64).default(DEFAULT_TLS_PORTS),
  concurrency: z.number().int().min(1).max(512).default(64),
  timeoutMs: z.number().int().min(100).max(30_000).default(3000),
});
export type CertificateScanRequest = z.infer<typeof certificateScanRequest>;

/** What makes a certificate a risk; each is its own alert rule. */
export const certificateProblem = z.enum(['expired', 'not-yet-valid', 'weak-key', 'weak-signature', 'self-signed', 'untrusted', 'name-mismatch']);
export type CertificateProblem = z.infer<typeof certificateProblem>;

export const certificateSummary = z.object({
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  fingerprintSha256: z.string(),
  notBefore: isoDateTime,
  notAfter: isoDateTime,
});
export type CertificateSummary = z.infer<typeof certificateSummary>;

export const certificateView = certificateSummary.extend({
  id: z.uuid(),
  commonName: z.string().nullable(),
  subjectAltNames: z.array(z.string()),
  keyType: z.string(),
  keyBits: z.number().int().nullable(),
  signatureAlgorithm: z.string(),
  selfSigned: z.boolean(),
  /** The chain as presented, leaf excluded, nearest issuer first. */
  chain: z.array(certificateSummary),
  firstSeen: isoDateTime,
  lastSeen: isoDateTime,
  /** The register asset this certificate is kept as, once registered. */
  assetId: z.uuid().nullable(),
  assetTag: z.string().nullable(),
  endpoints: z.array(z.object({
    host: z.string(),
    port: z.number().int(),
    protocol: tlsProtocol,
    trusted: z.boolean(),
    nameMatches: z.boolean(),
    problems: z.array(certificateProblem),
    lastSeen: isoDateTime,
  })),
});
export type CertificateView = z.infer<typeof certificateView>;

export const certificateListQuery = z.object({
  /** Only certificates ending within this many days (already expired included). */
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  problem: certificateProblem.optional(),
  registered: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type CertificateListQuery = z.infer<typeof certificateListQuery>;

export const certificateScanStatus = z.enum(['running', 'finished', 'failed', 'interrupted']);

export const certificateScanView = z.object({
  id: z.uuid(),
  status: certificateScanStatus,
  include: z.array(z.string()),
  ports: z.array(tlsPort),
  startedBy: z.string(),
  startedAt: isoDateTime,
  finishedAt: isoDateTime.nullable(),
  /** Host × port pairs probed, and how each went. */
  total: z.number().int(),
  done: z.number().int(),
  presented: z.number().int(),
  errors: z.array(z.object({ host: z.string(), port: z.number().int(), message: z.string() })),
});
export type CertificateScanView = z.infer<typeof certificateScanView>;

/** Keeps a discovered certificate in the register, with who owns it. */
export const certificateRegisterRequest = z.object({
  ownerPersonId: z.uuid().optional(),
  ownerDepartmentId: z.uuid().optional(),
});
export type CertificateRegisterRequest = z.infer<typeof certificateRegisterRequest>;
