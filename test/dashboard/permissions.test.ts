import { describe, expect, it } from 'vitest';
import { NAVIGATION } from '../../dashboard/src/app/navigation.js';
import { ACTIONS, ROLES, can, isChangeAction, isRole } from '../../dashboard/src/permissions.js';

describe('can(role, action)', () => {
  it('lets an auditor see every screen and change nothing', () => {
    for (const action of ACTIONS) {
      const expected = !isChangeAction(action) || action === 'reports.run';
      expect(can('auditor', action), action).toBe(expected);
    }
  });

  it('gives the administrator every action and every other role strictly less', () => {
    for (const action of ACTIONS) expect(can('admin', action)).toBe(true);
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      expect(ACTIONS.filter((a) => can(role, a)).length, role).toBeLessThan(ACTIONS.length);
    }
  });

  it('keeps user management with administrators only', () => {
    expect(ROLES.filter((role) => can(role, 'users.manage'))).toEqual(['admin']);
  });

  it('lets every role reach the overview and the devices list', () => {
    for (const role of ROLES) {
      expect(can(role, 'overview.view'), role).toBe(true);
      expect(can(role, 'devices.view'), role).toBe(true);
    }
  });

  it('never shows a role a change it cannot also see the screen for', () => {
    const screenOf = (action: string) => `${action.split('.')[0]}.view`;
    for (const role of ROLES) {
      for (const action of ACTIONS.filter(isChangeAction)) {
        if (!can(role, action) || action.startsWith('users.')) continue;
        expect(can(role, screenOf(action) as (typeof ACTIONS)[number]), `${role} ${action}`).toBe(true);
      }
    }
  });

  it('denies everything without a role, and recognises only the collector\'s roles', () => {
    for (const action of ACTIONS) expect(can(null, action)).toBe(false);
    expect(ROLES.every(isRole)).toBe(true);
    expect(isRole('root')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });

  it('gives every navigation entry a view action of the table', () => {
    for (const item of NAVIGATION) expect(ACTIONS, item.id).toContain(item.requires);
    expect(new Set(NAVIGATION.map((item) => item.href)).size).toBe(NAVIGATION.length);
  });
});
