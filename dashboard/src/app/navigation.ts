import type { IconName } from '../components/icon.js';
import type { Action } from '../permissions.js';
import type { Route, ScreenSection } from '../routing/routes.js';

export type SectionId = 'overview' | 'devices' | ScreenSection;

export interface NavigationItem {
  id: SectionId;
  label: string;
  href: string;
  icon: IconName;
  /** The role must hold one of these to see the entry at all. */
  requires: readonly Action[];
}

export const NAVIGATION: readonly NavigationItem[] = [
  { id: 'overview', label: 'Overview', href: '/', icon: 'overview', requires: ['devices:read'] },
  { id: 'devices', label: 'Devices', href: '/devices', icon: 'devices', requires: ['devices:read'] },
  { id: 'software', label: 'Software', href: '/software', icon: 'software', requires: ['devices:read'] },
  { id: 'network', label: 'Network', href: '/network', icon: 'network', requires: ['discovery:read'] },
  { id: 'findings', label: 'Findings', href: '/findings', icon: 'findings', requires: ['findings:read'] },
  { id: 'licences', label: 'Licences', href: '/licences', icon: 'licences', requires: ['licenses:read'] },
  { id: 'register', label: 'Register', href: '/register', icon: 'register', requires: ['register:read'] },
  { id: 'reports', label: 'Reports', href: '/reports', icon: 'reports', requires: ['reports:run'] },
  { id: 'alerts', label: 'Alerts', href: '/alerts', icon: 'alerts', requires: ['alerts:read'] },
  { id: 'settings', label: 'Settings', href: '/settings', icon: 'settings', requires: ['settings:write', 'users:manage', 'discovery:write', 'licenses:write', 'audit:read'] },
];

/** The navigation entry a route belongs to, to mark it as the current page. */
export function sectionOf(route: Route): SectionId | null {
  switch (route.name) {
    case 'overview': return 'overview';
    case 'devices':
    case 'device': return 'devices';
    case 'asset': return 'register';
    case 'screen': return route.section;
    // Every signed-in person has an account page: it belongs to no section a role could lack.
    case 'account':
    case 'help':
    case 'not-found': return null;
  }
}

export function navigationItem(id: SectionId): NavigationItem {
  const item = NAVIGATION.find((entry) => entry.id === id);
  if (!item) throw new Error(`no navigation entry ${id}`);
  return item;
}
