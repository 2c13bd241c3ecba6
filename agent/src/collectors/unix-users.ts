import { readFile } from 'node:fs/promises';
import type { OsInfo } from '@steward/shared/protocol';
import { runCommand } from './run-command.js';
import { onPath } from './executable-path.js';
import { repairDeep } from './text-repair.js';

type Users = NonNullable<OsInfo['users']>;
type LocalUser = NonNullable<Users['local']>[number];
type LocalGroup = NonNullable<Users['groups']>[number];

/** Shells that refuse interactive logins. */
const NO_LOGIN = /\/(nologin|false)$/;

/**
 * People's accounts from /etc/passwd: root and the uid range distributions give to users
 * (1000-59999), leaving out system accounts. With /etc/shadow (root only), an account whose password
 * field starts with "!" or "*" is locked; one with a non-login shell counts as disabled too.
 */
export function parsePasswd(passwd: string, shadow?: string): LocalUser[] {
  const locked = new Set<string>();
  for (const line of shadow?.split('\n') ?? []) {
    const [name, hash] = line.split(':');
    if (name && hash !== undefined && /^[!*]/.test(hash)) locked.add(name);
  }
  const users: LocalUser[] = [];
  for (const line of passwd.split('\n')) {
    const [name, , uid, , gecos, , shell] = line.split(':');
    const id = Number(uid);
    if (!name || !Number.isInteger(id) || !(id === 0 || (id >= 1000 && id < 60000))) continue;
    const fullName = gecos?.split(',')[0]?.trim();
    users.push({
      name,
      id: String(id),
      fullName: fullName || undefined,
      disabled: NO_LOGIN.test(shell ?? '') || (shadow !== undefined ? locked.has(name) : undefined),
    });
  }
  return repairDeep(users);
}

/**
 * Groups of /etc/group ("name:x:gid:member,member") that list members. A group without listed
 * members holds only the accounts whose primary group it is, most often one person's own group,
 * which tells nothing about rights.
 */
export function parseGroup(group: string): LocalGroup[] {
  const groups: LocalGroup[] = [];
  for (const line of group.split('\n')) {
    const [name, , gid, list] = line.replace(/\r$/, '').split(':');
    const members = (list ?? '').split(',').map((m) => m.trim()).filter(Boolean);
    if (name && members.length) groups.push({ name, id: gid || undefined, members });
  }
  return repairDeep(groups);
}

/** `who`: the user name is the first column; a user with several terminals is listed once. */
export function parseWho(output: string): string[] {
  const names = output.split('\n').map((line) => line.trim().split(/\s+/)[0]).filter((n): n is string => Boolean(n));
  return [...new Set(names)];
}

/**
 * `last -w -n 20` (or wtmpdb's `last`, which replaces it on newer systems): the most recent login
 * that is a person's, not a reboot or shutdown record, nor the "wtmp begins ..." line an empty
 * log prints alone.
 */
export function parseLast(output: string): string | undefined {
  for (const line of output.split('\n')) {
    const user = line.trim().split(/\s+/)[0];
    if (user && !['reboot', 'shutdown', 'wtmp', 'btmp', 'wtmpdb'].includes(user)) return user;
  }
  return undefined;
}

/** The login log's reader: util-linux's last, or wtmpdb where it has replaced wtmp. */
function readLastLogins(): Promise<string | null> | null {
  if (onPath('last')) return runCommand('last', ['-w', '-n', '20'], { timeoutMs: 5000 });
  if (onPath('wtmpdb')) return runCommand('wtmpdb', ['last', '-w', '-n', '20'], { timeoutMs: 5000 });
  return null;
}

export async function collectUnixUsers(): Promise<Users> {
  const [passwd, shadow, group, who, last] = await Promise.all([
    readFile('/etc/passwd', 'utf8').catch(() => undefined),
    readFile('/etc/shadow', 'utf8').catch(() => undefined),
    readFile('/etc/group', 'utf8').catch(() => undefined),
    onPath('who') ? runCommand('who', [], { timeoutMs: 5000 }) : null,
    readLastLogins(),
  ]);
  return repairDeep({
    loggedOn: who === null ? undefined : parseWho(who),
    lastLoggedOn: last === null ? undefined : parseLast(last),
    local: passwd === undefined ? undefined : parsePasswd(passwd, shadow),
    groups: group === undefined ? undefined : parseGroup(group),
  });
}
