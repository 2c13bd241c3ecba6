import { z } from 'zod';

export const role = z.enum(['admin', 'itadmin', 'compliance', 'helpdesk', 'auditor']);
export type Role = z.infer<typeof role>;

/** What a user may do; every route names the one it needs. */
export const permission = z.enum([
  'devices:read',
  'register:read',
  'register:write',
  'register:checkout',
  'discovery:read',
  'discovery:write',
  'findings:read',
  'findings:write',
  'licenses:read',
  'licenses:write',
  'reports:run',
  'alerts:read',
  'alerts:write',
  'agents:command',
  'audit:read',
  'users:manage',
  'settings:write',
]);
export type Permission = z.infer<typeof permission>;

const READ_ALL: Permission[] = ['devices:read', 'register:read', 'discovery:read', 'findings:read', 'licenses:read', 'alerts:read'];

/**
 * The roles and what each may do. The dashboard uses the same table to hide what a user cannot do;
 * the collector enforces it on every route.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: permission.options,
  itadmin: [...READ_ALL, 'register:write', 'register:checkout', 'discovery:write', 'findings:write', 'reports:run', 'alerts:write', 'agents:command'],
  compliance: [...READ_ALL, 'licenses:write', 'reports:run', 'audit:read'],
  helpdesk: [...READ_ALL, 'register:checkout'],
  auditor: [...READ_ALL, 'audit:read'],
};

export function roleAllows(r: Role, p: Permission): boolean {
  return ROLE_PERMISSIONS[r].includes(p);
}
