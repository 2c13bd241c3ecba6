import { osRuleTable, type OsRule } from './data-tables.js';

export const PATTERN_FIELDS = ['os', 'version', 'model', 'serial', 'firmware', 'hardwareRevision', 'deviceType'] as const;
export type PatternField = (typeof PATTERN_FIELDS)[number];
export type PatternFindings = Partial<Record<PatternField, { value: string; from: 'sysDescr' | 'sysObjectID'; rule: string }>>;

const compiled = new Map<string, { sysDescr?: RegExp; sysObjectID?: RegExp }>();

function regexesOf(rule: OsRule): { sysDescr?: RegExp; sysObjectID?: RegExp } {
  let r = compiled.get(rule.id);
  if (!r) {
    r = {
      sysDescr: rule.sysDescr ? new RegExp(rule.sysDescr, rule.flags ?? '') : undefined,
      sysObjectID: rule.sysObjectID ? new RegExp(rule.sysObjectID) : undefined,
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
  for (const rule of osRuleTable().rules) {
    if (rule.enterprise !== undefined && rule.enterprise !== enterprise) continue;
    const { sysDescr: descrRe, sysObjectID: oidRe } = regexesOf(rule);
    if (oidRe && !(sysObjectID && oidRe.test(sysObjectID))) continue;
    const m = descrRe ? (sysDescr ? sysDescr.match(descrRe) : null) : undefined;
    if (m === null) continue;
    const from = descrRe ? 'sysDescr' : 'sysObjectID';
    const groups = { ...(m?.groups ?? {}) };
    if (groups.version && groups.build) groups.version = `${groups.version}.${groups.build}`;
    for (const field of PATTERN_FIELDS) {
      if (found[field]) continue;
      // A version belongs to the operating system named by the same rule.
      if (field === 'version' && found.os && found.os.rule !== rule.id) continue;
      const raw = groups[field]?.trim() || rule.set?.[field];
      if (!raw) continue;
      const value = raw.replace('{vendor}', vendor ?? 'vendor').trim();
      found[field] = { value, from, rule: rule.id };
    }
  }
  return found;
}
