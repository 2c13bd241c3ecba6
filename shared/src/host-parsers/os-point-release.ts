import { known } from './placeholder-values.js';

/**
 * Where each distribution states its point release when os-release's VERSION_ID does not
 * (Debian's is "12" while /etc/debian_version holds 12.11; CentOS 7's is "7" while centos-release
 * holds 7.9.2009; Ubuntu's is "22.04" while VERSION holds 22.04.4). Matched on ID, then on ID_LIKE.
 */
export const POINT_RELEASE_SOURCES: Array<{ ids: string[]; file?: string; field?: string; pattern: RegExp }> = [
  { ids: ['debian', 'raspbian'], file: '/etc/debian_version', pattern: /^(\d+(?:\.\d+)+)\s*$/ },
  { ids: ['devuan'], file: '/etc/devuan_version', pattern: /^(\d+(?:\.\d+)+)\s*$/ },
  { ids: ['ubuntu', 'pop', 'neon', 'elementary'], field: 'VERSION', pattern: /^(\d+\.\d+(?:\.\d+)?)/ },
  { ids: ['centos'], file: '/etc/centos-release', pattern: /release\s+(\d+(?:\.\d+)+)/ },
  { ids: ['rhel', 'rocky', 'almalinux', 'ol', 'scientific', 'cloudlinux', 'eurolinux', 'virtuozzo', 'fedora'], file: '/etc/redhat-release', pattern: /release\s+(\d+(?:\.\d+)+)/ },
  { ids: ['amzn'], file: '/etc/system-release', pattern: /release\s+(\d+(?:\.\d+)+)/ },
  { ids: ['alpine'], file: '/etc/alpine-release', pattern: /^(\d+(?:\.\d+)+)/ },
  { ids: ['sles', 'sled', 'opensuse-leap'], field: 'VERSION_ID', pattern: /^(\d+(?:\.\d+)+)/ },
  { ids: ['gentoo'], file: '/etc/gentoo-release', pattern: /release\s+(\d+(?:\.\d+)+)/ },
  { ids: ['slackware'], file: '/etc/slackware-version', pattern: /(\d+(?:\.\d+)+)/ },
];

/** The release files the table reads, which a point upgrade rewrites. */
export const POINT_RELEASE_FILES = [...new Set(POINT_RELEASE_SOURCES.flatMap((s) => (s.file ? [s.file] : [])))];

export interface OsRelease {
  version?: string;
  /** The release's name: bookworm, Jammy Jellyfish. */
  displayVersion?: string;
}

/** The table's row for a distribution. */
export function pointReleaseSource(fields: Record<string, string>) {
  const id = fields.ID?.toLowerCase() ?? '';
  const likes = (fields.ID_LIKE ?? '').toLowerCase().split(/\s+/);
  return POINT_RELEASE_SOURCES.find((s) => s.ids.includes(id)) ?? POINT_RELEASE_SOURCES.find((s) => s.ids.some((i) => likes.includes(i)));
}

/**
 * The release down to its point release. The distribution's own file counts only where it extends
 * VERSION_ID (12 → 12.11): a derivative that carries its parent's file (Ubuntu's debian_version is
 * "bookworm/sid") keeps its own number.
 */
export function pointRelease(fields: Record<string, string>, releaseFile?: string): OsRelease {
  const versionId = known(fields.VERSION_ID) ?? known(fields.BUILD_ID);
  const source = pointReleaseSource(fields);
  const stated = source && (source.file ? releaseFile : fields[source.field!]);
  const detailed = stated ? source!.pattern.exec(stated.trim())?.[1] : undefined;
  const version = detailed && (!versionId || detailed === versionId || detailed.startsWith(`${versionId}.`)) ? detailed : versionId;
  const named = /\(([^)]+)\)/.exec(fields.VERSION ?? '')?.[1]?.trim();
  return { version, displayVersion: known(named) ?? known(fields.VERSION_CODENAME) };
}
