import { enterpriseRegistry, ouiRegistry, vendorTable } from './data-tables.js';

const ENTERPRISES = '1.3.6.1.4.1.';

/** The private enterprise number a sysObjectID names (1.3.6.1.4.1.<n>...), if it is well formed. */
export function enterpriseOf(sysObjectID: string | undefined): number | undefined {
  const oid = sysObjectID?.startsWith('.') ? sysObjectID.slice(1) : sysObjectID;
  if (!oid?.startsWith(ENTERPRISES)) return undefined;
  const n = Number(oid.slice(ENTERPRISES.length).split('.')[0]);
  return Number.isInteger(n) ? n : undefined;
}

/** The name IANA registered for an enterprise number. */
export function registeredEnterpriseName(enterprise: number): string | undefined {
  return enterpriseRegistry().names[String(enterprise)];
}

/** The name people call the vendor by: curated where the registry's spelling is awkward. */
export function vendorDisplayName(enterprise: number): string | undefined {
  const curated = vendorTable().vendors[String(enterprise)]?.name;
  if (curated) return curated;
  const registered = registeredEnterpriseName(enterprise)
    ?.replace(/\t.*$/s, '')
    .replace(/\s*\(https?:[^)]*\)\s*$/, '')
    .replace(/,?\s+(?:Inc\.?|Corp\.?|Corporation|Co\.?,? Ltd\.?|Ltd\.?|Limited|GmbH|AB|AG|S\.?A\.?|B\.V\.|LLC|Oy|AS|A\/S|SAS|S\.p\.A\.)$/i, '');
  return registered?.trim() || undefined;
}

/** The operating system a vendor's gear usually runs, when the data table says. */
export function vendorDefaultOs(enterprise: number): string | undefined {
  return vendorTable().vendors[String(enterprise)]?.os;
}

/** Enterprises that name an SNMP agent implementation (net-snmp, UCD) rather than the device's maker. */
export function isAgentSoftwareEnterprise(enterprise: number): boolean {
  return vendorTable().agentSoftware.includes(enterprise);
}

/** Gear of other makers reports this number as its own: the device's own words or subtrees decide. */
export function isBorrowedEnterprise(enterprise: number): boolean {
  return vendorTable().borrowed.includes(enterprise);
}

/** Usable as a maker: registered, not the reserved number 0, not an agent implementation. */
export function isMakerEnterprise(enterprise: number): boolean {
  return enterprise > 0 && !isAgentSoftwareEnterprise(enterprise) && registeredEnterpriseName(enterprise) !== undefined;
}

/** The organisation an IEEE MA-L prefix (first three bytes of a MAC address) is assigned to. */
export function ouiVendor(mac: string | undefined): string | undefined {
  if (!mac) return undefined;
  const prefix = mac.replace(/[^0-9a-f]/gi, '').slice(0, 6).toLowerCase();
  // Locally administered addresses carry no assignment.
  if (prefix.length < 6 || (parseInt(prefix.slice(0, 2), 16) & 0x02) !== 0) return undefined;
  return ouiRegistry().names[prefix];
}
