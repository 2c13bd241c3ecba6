import { randomUUID } from 'node:crypto';
import type { CertificateListQuery, CertificateSummary, TlsProtocol } from '@steward/shared';
import type { Queryable } from '../database.js';

export interface StoredPresentation {
  host: string;
  port: number;
  protocol: TlsProtocol;
  trusted: boolean;
  trustError: string | null;
  nameMatches: boolean;
  leaf: {
    fingerprintSha256: string; subject: string; issuer: string; serialNumber: string; commonName: string | null;
    subjectAltNames: string[]; keyType: string; keyBits: number | null; signatureAlgorithm: string; selfSigned: boolean;
    notBefore: string; notAfter: string; pem: string;
  };
  chain: CertificateSummary[];
}

/**
 * Keeps what one host and port presented: the certificate once (by fingerprint), and the place it
 * is presented, moved to the new certificate when the server's one was replaced.
 */
export async function storePresentation(db: Queryable, p: StoredPresentation): Promise<string> {
  const l = p.leaf;
  const { rows } = await db.query<{ id: string }>(
    `insert into tls_certificates (id, fingerprint_sha256, subject, issuer, serial_number, common_name, subject_alt_names, key_type, key_bits,
                                   signature_algorithm, self_signed, not_before, not_after, chain, pem)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     on conflict (fingerprint_sha256) do update set last_seen = now(), chain = excluded.chain
     returning id`,
    [randomUUID(), l.fingerprintSha256, l.subject, l.issuer, l.serialNumber, l.commonName, l.subjectAltNames, l.keyType, l.keyBits,
      l.signatureAlgorithm, l.selfSigned, l.notBefore, l.notAfter, JSON.stringify(p.chain), l.pem],
  );
  const id = rows[0]!.id;
  await db.query(
    `insert into tls_endpoints (host, port, protocol, certificate_id, trusted, trust_error, name_matches)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (host, port) do update set protocol = excluded.protocol, certificate_id = excluded.certificate_id, trusted = excluded.trusted,
       trust_error = excluded.trust_error, name_matches = excluded.name_matches, last_seen = now(),
       first_seen = case when tls_endpoints.certificate_id = excluded.certificate_id then tls_endpoints.first_seen else now() end`,
    [p.host, p.port, p.protocol, id, p.trusted, p.trustError, p.nameMatches],
  );
  return id;
}

export interface CertificateRow {
  id: string; fingerprint_sha256: string; subject: string; issuer: string; serial_number: string; common_name: string | null;
  subject_alt_names: string[]; key_type: string; key_bits: number | null; signature_algorithm: string; self_signed: boolean;
  not_before: Date; not_after: Date; chain: CertificateSummary[]; first_seen: Date; last_seen: Date;
  asset_id: string | null; asset_tag: string | null;
  endpoints: { host: string; port: number; protocol: TlsProtocol; trusted: boolean; name_matches: boolean; last_seen: string }[];
}

const CERTIFICATE_SELECT = `
  select c.id, c.fingerprint_sha256, c.subject, c.issuer, c.serial_number, c.common_name, c.subject_alt_names, c.key_type, c.key_bits,
         c.signature_algorithm, c.self_signed, c.not_before, c.not_after, c.chain, c.first_seen, c.last_seen, c.asset_id, a.tag as asset_tag,
         coalesce((select jsonb_agg(jsonb_build_object('host', e.host, 'port', e.port, 'protocol', e.protocol, 'trusted', e.trusted,
                                                       'name_matches', e.name_matches, 'last_seen', e.last_seen) order by e.host, e.port)
                     from tls_endpoints e where e.certificate_id = c.id), '[]'::jsonb) as endpoints
    from tls_certificates c left join register_assets a on a.id = c.asset_id`;

/** Certificates, soonest to end first; filtered by time left and whether the register keeps them. */
export async function listCertificates(db: Queryable, q: CertificateListQuery, now: Date): Promise<CertificateRow[]> {
  const { rows } = await db.query<CertificateRow>(
    `${CERTIFICATE_SELECT}
      where ($1::int is null or c.not_after <= $2::timestamptz + make_interval(days => $1::int))
        and ($3::boolean is null or (c.asset_id is not null) = $3::boolean)
      order by c.not_after, c.fingerprint_sha256
      limit $4`,
    [q.expiringWithinDays ?? null, now, q.registered ?? null, q.limit],
  );
  return rows;
}

export async function getCertificate(db: Queryable, id: string): Promise<CertificateRow | undefined> {
  const { rows } = await db.query<CertificateRow>(`${CERTIFICATE_SELECT} where c.id = $1`, [id]);
  return rows[0];
}

/** Certificates presented somewhere now (they have an endpoint), for the alert rules. */
export async function presentedCertificates(db: Queryable): Promise<CertificateRow[]> {
  const { rows } = await db.query<CertificateRow>(
    `${CERTIFICATE_SELECT} where exists (select 1 from tls_endpoints e where e.certificate_id = c.id) order by c.not_after`,
  );
  return rows;
}

export async function linkCertificateAsset(db: Queryable, id: string, assetId: string): Promise<void> {
  await db.query('update tls_certificates set asset_id = $2 where id = $1', [id, assetId]);
}

/** A shipped register category by its stable key, whatever it has been renamed to. */
export async function categoryIdByKey(db: Queryable, key: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>('select id from register_categories where key = $1', [key]);
  return rows[0]?.id;
}
