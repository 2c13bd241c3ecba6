import type { DomainView } from '@steward/shared';
import type { DomainRow } from '../store/domains/domains.js';

const DAY_MS = 86_400_000;

export function domainView(r: DomainRow, now: Date): DomainView {
  return {
    name: r.name,
    registrar: r.registrar,
    registeredOn: r.registered_on?.toISOString() ?? null,
    expiresOn: r.expires_on?.toISOString() ?? null,
    daysLeft: r.expires_on ? Math.floor((r.expires_on.getTime() - now.getTime()) / DAY_MS) : null,
    nameServers: r.name_servers,
    statuses: r.statuses,
    rdapUrl: r.rdap_url,
    checkedAt: r.checked_at?.toISOString() ?? null,
    lastGoodAt: r.last_good_at?.toISOString() ?? null,
    lastError: r.last_error,
    assetId: r.asset_id,
    assetTag: r.asset_tag,
  };
}
