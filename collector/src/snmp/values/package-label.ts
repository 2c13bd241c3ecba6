/** Name and version out of the one label hrSWInstalledName gives, as packaging systems write it. */
export interface PackageLabel {
  name: string;
  version?: string;
  arch?: string;
}

const PATTERNS: Array<{ re: RegExp; pick: (m: RegExpMatchArray) => PackageLabel }> = [
  // Debian: adduser_3.134_all
  { re: /^([a-z0-9][a-z0-9+.-]+)_(\d[^_\s]*)_([a-z0-9-]+)$/i, pick: (m) => ({ name: m[1]!, version: m[2], arch: m[3] }) },
  // Juniper and others: JUNOS Routing Software Suite [12.3R6.6]
  { re: /^(.+?)\s*\[([^\]]+)\]$/, pick: (m) => ({ name: m[1]!, version: m[2] }) },
  // AIX: bos.rte 7.1.3.45 Base Operating System Runtime
  { re: /^(\S+)\s+(\d+(?:\.\d+){1,4})(?:\s+.*)?$/, pick: (m) => ({ name: m[1]!, version: m[2] }) },
  // RPM and BSD ports: name-version-release, p5-gettext-1.05_1
  { re: /^(.+?)-(\d[\w.+~:]*(?:-[\w.+~:]+)?)$/, pick: (m) => ({ name: m[1]!, version: m[2] }) },
];

export function splitPackageLabel(label: string): PackageLabel {
  for (const { re, pick } of PATTERNS) {
    const m = label.match(re);
    if (m) return pick(m);
  }
  return { name: label };
}
