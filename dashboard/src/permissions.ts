import { permission, role, roleAllows, type Permission, type Role } from '@steward/shared';

/**
 * What each role may see and do, read from the table the collector enforces (`ROLE_PERMISSIONS` in
 * @steward/shared): the dashboard only spares people screens and buttons that would answer 403.
 */
export type { Role };
export type Action = Permission;

export const ROLES: readonly Role[] = role.options;
export const ACTIONS: readonly Action[] = permission.options;

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  itadmin: 'IT administrator',
  compliance: 'Compliance officer',
  helpdesk: 'Helpdesk',
  auditor: 'Auditor',
};

export function can(who: Role | null | undefined, action: Action): boolean {
  return who ? roleAllows(who, action) : false;
}

/** True when the role holds at least one of `actions`, for screens that serve several duties. */
export function canAny(who: Role | null | undefined, actions: readonly Action[]): boolean {
  return actions.some((action) => can(who, action));
}

export function isRole(value: unknown): value is Role {
  return role.safeParse(value).success;
}

/** Actions that change something, as opposed to reading or running a report. */
export function isChangeAction(action: Action): boolean {
  return /:(write|checkout|command|manage)$/.test(action);
}
