import { describe, expect, it } from 'vitest';
import { NAVIGATION } from '../../dashboard/src/app/navigation.js';
import { ACTIONS, ROLES, can, canAny, isChangeAction, isRole, type Role } from '../../dashboard/src/permissions.js';

function visibleSections(who: Role): string[] {
  return NAVIGATION.filter((item) => canAny(who, item.requires)).map((item) => item.id);
}

describe('can(role, action)', () => {
  it('lets an auditor change nothing', () => {
    const changes = ACTIONS.filter((action) => can('auditor', action) && isChangeAction(action));
    expect(changes).toEqual([]);
  });

  it('gives the administrator every action and every other role strictly less', () => {
    for (const action of ACTIONS) expect(can('admin', action)).toBe(true);
    for (const who of ROLES.filter((r) => r !== 'admin')) {
      expect(ACTIONS.filter((a) => can(who, a)).length, who).toBeLessThan(ACTIONS.length);
    }
  });

  it('keeps user management with administrators only', () => {
    expect(ROLES.filter((who) => can(who, 'users:manage'))).toEqual(['admin']);
  });

  it('never lets a role change what it cannot read', () => {
    for (const who of ROLES) {
      for (const action of ACTIONS.filter((a) => can(who, a) && a.endsWith(':write'))) {
        const read = action.replace(':write', ':read');
        if ((ACTIONS as readonly string[]).includes(read)) expect(can(who, read as typeof action), `${who} ${action}`).toBe(true);
      }
    }
  });

  it('denies everything without a role, and recognises only the collector\'s roles', () => {
    for (const action of ACTIONS) expect(can(null, action)).toBe(false);
    expect(ROLES.every(isRole)).toBe(true);
    expect(isRole('root')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});

describe('navigation by role', () => {
  it('shows every role the overview and the devices list', () => {
    for (const who of ROLES) expect(visibleSections(who), who).toEqual(expect.arrayContaining(['overview', 'devices']));
  });

  it('shows the administrator every section', () => {
    expect(visibleSections('admin')).toEqual(NAVIGATION.map((item) => item.id));
  });

  it('hides sections whose permissions the role lacks', () => {
    for (const who of ROLES) {
      for (const item of NAVIGATION) {
        expect(visibleSections(who).includes(item.id), `${who} ${item.id}`).toBe(item.requires.some((a) => can(who, a)));
      }
    }
    expect(visibleSections('helpdesk')).not.toContain('settings');
    expect(visibleSections('helpdesk')).not.toContain('reports');
  });

  it('names only permissions of the shared table, with one address per section', () => {
    for (const item of NAVIGATION) for (const action of item.requires) expect(ACTIONS, item.id).toContain(action);
    expect(new Set(NAVIGATION.map((item) => item.href)).size).toBe(NAVIGATION.length);
  });
});
