import type { IconName } from '../components/icon.js';
import type { Action } from '../permissions.js';
import type { PendingSection, Route } from '../routing/routes.js';

export type SectionId = 'overview' | 'devices' | PendingSection;

export interface NavigationItem {
  id: SectionId;
  label: string;
  href: string;
  icon: IconName;
  /** The role must hold this to see the entry at all. */
  requires: Action;
}

export const NAVIGATION: readonly NavigationItem[] = [
  { id: 'overview', label: 'Overview', href: '/', icon: 'overview', requires: 'overview.view' },
  { id: 'devices', label: 'Devices', href: '/devices', icon: 'devices', requires: 'devices.view' },
  { id: 'network', label: 'Network', href: '/network', icon: 'network', requires: 'network.view' },
  { id: 'findings', label: 'Findings', href: '/findings', icon: 'findings', requires: 'findings.view' },
  { id: 'licences', label: 'Licences', href: '/licences', icon: 'licences', requires: 'licences.view' },
  { id: 'register', label: 'Register', href: '/register', icon: 'register', requires: 'register.view' },
  { id: 'reports', label: 'Reports', href: '/reports', icon: 'reports', requires: 'reports.view' },
  { id: 'alerts', label: 'Alerts', href: '/alerts', icon: 'alerts', requires: 'alerts.view' },
  { id: 'settings', label: 'Settings', href: '/settings', icon: 'settings', requires: 'settings.view' },
];

/** The navigation entry a route belongs to, to mark it as the current page. */
export function sectionOf(route: Route): SectionId | null {
  switch (route.name) {
    case 'overview': return 'overview';
    case 'devices':
    case 'device': return 'devices';
    case 'pending': return route.section;
    case 'not-found': return null;
  }
}

export function navigationItem(id: SectionId): NavigationItem {
  const item = NAVIGATION.find((entry) => entry.id === id);
  if (!item) throw new Error(`no navigation entry ${id}`);
  return item;
}
