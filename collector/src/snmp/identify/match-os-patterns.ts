import { onTablesChanged, osRuleTable, type OsRule } from './data-tables.js';

export const PATTERN_FIELDS = ['vendor', 'os', 'version', 'kernel', 'kernelVersion', 'model', 'serial', 'firmware', 'hardwareRevision', 'deviceType'] as const;
export type PatternField = (typeof PATTERN_FIELDS)[number];
export type PatternFindings = Partial<Record<PatternField, { value: string; from: 'sysDescr' | 'sysObjectID'; rule: string; belowVendorObjects?: boolean }>>;

interface RuleRegexes { sysDescr?: RegExp; sysObjectID?: RegExp; package?: RegExp; packageVersion?: RegExp }
const compiled = new Map<string, RuleRegexes>();
onTablesChanged(() => compiled.clear());

function regexesOf(rule: OsRule): RuleRegexes {
  let r = compiled.get(rule.id);
  if (!r) {
    r = {
      sysDescr: rule.sysDescr ? new RegExp(rule.sysDescr, rule.flags ?? '') : undefined,
      sysObjectID: rule.sysObjectID ? new RegExp(rule.sysObjectID) : undefined,
      package: rule.package ? new RegExp(rule.package) : undefined,
      packageVersion: rule.packageVersion ? new RegExp(rule.packageVersion) : undefined,
    };
    compiled.set(rule.id, r);
  }
  return r;
}

/**
 * Applies the data table of sysDescr/sysObjectID rules. For each field the first rule that yields
 * it wins; "{vendor}" in a constant is replaced by the vendor's display name.
 */
export function matchOsPatterns(
  sysDescr: string | undefined,
  sysObjectID: string | undefined,
  enterprise: number | undefined,
  vendor: string | undefined,
): PatternFindings {
  const found: PatternFindings = {};
  const descr = unquoted(sysDescr);
  for (const rule of osRuleTable().rules) {
    if (rule.package || !appliesTo(rule, sysObjectID, enterprise)) continue;
    const { sysDescr: descrRe } = regexesOf(rule);
    const m = descrRe ? (descr ? descr.match(descrRe) : null) : undefined;
    if (m === null) continue;
    const from = descrRe ? 'sysDescr' : 'sysObjectID';
    const groups = { ...(m?.groups ?? {}) };
    if (groups.version && groups.build) groups.version = `${groups.version}.${groups.build}`;
    // The maker a rule itself names is the one its "{vendor} firmware" means.
    const maker = groups.vendor?.trim() || rule.set?.vendor || vendor;
    for (const field of PATTERN_FIELDS) {
      if (found[field]) continue;
      // A version belongs to the operating system named by the same rule.
      if (field === 'version' && found.os && found.os.rule !== rule.id) continue;
      if (field === 'kernelVersion' && found.kernel && found.kernel.rule !== rule.id) continue;
      const raw = groups[field]?.trim() || rule.set?.[field];
      if (!raw) continue;
      const stated = raw.replace('{vendor}', maker ?? 'vendor').trim();
      const value = field === 'version' && rule.zeroPaddedVersion ? stated.replace(/\b0+(?=\d)/g, '') : stated;
      const below = (rule.belowVendorObjects as readonly string[] | undefined)?.includes(field);
      found[field] = below ? { value, from, rule: rule.id, belowVendorObjects: true } : { value, from, rule: rule.id };
    }
  }
  return found;
}

/** Some agents hand sysDescr over wrapped in the double quotes of their configuration file, some with the quote escaped. */
function unquoted(sysDescr: string | undefined): string | undefined {
  const m = sysDescr?.match(/^\\?"([^"\\]*)(?:\\?")?\s*$/s);
  return m ? m[1] : sysDescr;
}

function appliesTo(rule: OsRule, sysObjectID: string | undefined, enterprise: number | undefined): boolean {
  if (rule.enterprise !== undefined && rule.enterprise !== enterprise) return false;
  const oidRe = regexesOf(rule).sysObjectID;
  return !oidRe || (sysObjectID !== undefined && oidRe.test(sysObjectID));
}

/**
 * The operating system an installed package names (AIX's bos.rte, a distribution's release
 * package): the first package rule of the table that an hrSWInstalled entry with a version matches,
 * with the part of that version the rule's packageVersion keeps (all of it where the rule has none,
 * or where its pattern does not match).
 */
export function matchOsPackage(
  software: ReadonlyArray<{ name: string; version?: string }>,
  sysObjectID: string | undefined,
  enterprise: number | undefined,
): { os: string; version: string; rule: string } | undefined {
  for (const rule of osRuleTable().rules) {
    const os = rule.set?.os;
    const { package: packageRe, packageVersion } = regexesOf(rule);
    if (!packageRe || !os || !appliesTo(rule, sysObjectID, enterprise)) continue;
    const installed = software.find((s) => s.version && packageRe.test(s.name));
    if (!installed?.version) continue;
    const release = packageVersion ? installed.version.match(packageVersion)?.groups?.value : undefined;
    return { os, version: release || installed.version, rule: rule.id };
  }
  return undefined;
}
