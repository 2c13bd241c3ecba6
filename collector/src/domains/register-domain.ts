import type { Asset } from '@steward/shared';
import type { Database } from '../store/database.js';
import { categoryIdByKey } from '../store/certificates/certificates.js';
import { getDomain, linkDomainAsset } from '../store/domains/domains.js';
import { ApiProblem } from '../services/errors.js';
import type { Actor } from '../services/register/actor.js';
import { createAsset } from '../services/register/assets.js';

const DOMAIN_CATEGORY = 'networking.domains';

/** Keeps a watched domain in the register, ending when its registration does, owned by a department. */
export async function registerDomain(db: Database, actor: Actor, name: string, ownerDepartmentId?: string): Promise<Asset> {
  const domain = await getDomain(db, name);
  if (!domain) throw new ApiProblem(404, 'not_found', `${name} is not watched`);
  if (domain.asset_id) throw new ApiProblem(409, 'already_registered', `${name} is already asset ${domain.asset_tag}`);
  const categoryId = await categoryIdByKey(db, DOMAIN_CATEGORY);
  if (!categoryId) throw new ApiProblem(409, 'no_category', 'the register has no domain category; it was deleted');
  const asset = await createAsset(db, actor, {
    name, categoryId, status: 'deployed', departmentId: ownerDepartmentId,
    expiresOn: domain.expires_on?.toISOString().slice(0, 10) ?? null,
    customFields: domain.registrar ? { registrar: domain.registrar } : {},
  });
  await linkDomainAsset(db, name, asset.id);
  return asset;
}
