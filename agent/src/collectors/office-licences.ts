import type { SoftwareEntry } from '@steward/shared/protocol';
import { bareGuid } from './office-registration.js';
import { softwareEntry } from './software-entry.js';
import { WINDOWS_APPLICATION_ID, type LicensedProduct } from './software-licensing.js';

/**
 * Gives Office entries the licence state Windows' licensing service reports, which is more current
 * than the registry (it knows KMS activation, grace periods and expiry). A licence is matched to an
 * entry through the registration catalogue (licence ID → product code); a licence with no matching
 * entry (Click-to-Run subscriptions, say) becomes an entry of its own, since it is installed.
 */
export function attachOfficeLicences(entries: SoftwareEntry[], licensed: LicensedProduct[], links: Map<string, string>): SoftwareEntry[] {
  const byCode = new Map(entries.filter((e) => e.productCode).map((e) => [bareGuid(e.productCode!), e] as const));
  const result = entries.map((e) => ({ ...e }));
  const copies = new Map(result.filter((e) => e.productCode).map((e) => [bareGuid(e.productCode!), e] as const));
  for (const product of licensed) {
    if (product.applicationId === WINDOWS_APPLICATION_ID) continue;
    const code = product.id ? links.get(bareGuid(product.id)) : undefined;
    const target = code && byCode.has(code) ? copies.get(code) : undefined;
    if (target) {
      target.licence = { ...target.licence, ...definedOnly(product.licence) };
      continue;
    }
    const entry = softwareEntry({ name: product.name, publisher: 'Microsoft Corporation', productCode: product.id, source: 'other', licence: product.licence });
    if (entry) result.push(entry);
  }
  return result;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
