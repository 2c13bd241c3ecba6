import type { Asset, CertificateRegisterRequest } from '@steward/shared';
import type { Database } from '../store/database.js';
import { categoryIdByKey, getCertificate, linkCertificateAsset } from '../store/certificates/certificates.js';
import { ApiProblem } from '../services/errors.js';
import type { Actor } from '../services/register/actor.js';
import { createAsset } from '../services/register/assets.js';
import { checkOutAsset } from '../services/register/checkout.js';

const CERTIFICATE_CATEGORY = 'networking.certificates';
const KEY_TYPES: Record<string, string> = { rsa: 'RSA', 'rsa-pss': 'RSA', ec: 'ECDSA', ed25519: 'Ed25519' };

/**
 * Keeps a discovered certificate in the register: an asset of the certificate category that ends
 * when the certificate does (so renewal rules see it), owned by a department or held by a person.
 */
export async function registerCertificate(db: Database, actor: Actor, id: string, request: CertificateRegisterRequest): Promise<Asset> {
  const certificate = await getCertificate(db, id);
  if (!certificate) throw new ApiProblem(404, 'not_found', `no certificate with id ${id}`);
  if (certificate.asset_id) throw new ApiProblem(409, 'already_registered', `the certificate is already asset ${certificate.asset_tag}`);
  const categoryId = await categoryIdByKey(db, CERTIFICATE_CATEGORY);
  if (!categoryId) throw new ApiProblem(409, 'no_category', 'the register has no certificate category; it was deleted');
  const keyType = KEY_TYPES[certificate.key_type];
  const asset = await createAsset(db, actor, {
    name: certificate.common_name ?? certificate.subject,
    categoryId,
    serial: certificate.serial_number,
    status: request.ownerPersonId ? 'in_stock' : 'deployed',
    departmentId: request.ownerDepartmentId,
    expiresOn: certificate.not_after.toISOString().slice(0, 10),
    notes: `SHA-256 fingerprint ${certificate.fingerprint_sha256}`,
    customFields: { common_name: certificate.common_name ?? certificate.subject, issuer: certificate.issuer, ...(keyType ? { key_type: keyType } : {}) },
  });
  await linkCertificateAsset(db, id, asset.id);
  if (!request.ownerPersonId) return asset;
  return checkOutAsset(db, actor, asset.id, { target: { type: 'person', id: request.ownerPersonId }, note: 'owner of the certificate' });
}
