import type { Route, ScreenSection } from './routes.js';

/**
 * The register's own pages at /register/<page>; any other /register/<id> is one asset. The register
 * view dispatches on the same names, and the help browser test follows the register's menu to check
 * that every page it offers is named here.
 */
export const REGISTER_PAGES = ['checkouts', 'audit', 'help', 'people', 'departments', 'locations', 'vendors', 'manufacturers', 'models', 'categories'] as const;
export type RegisterPage = (typeof REGISTER_PAGES)[number];

/** Every screen a person can be on: what help, screenshots and guides are keyed by. */
export type ScreenId =
  | 'overview' | 'devices' | 'device' | 'account' | 'help' | 'not-found'
  | Exclude<ScreenSection, 'register'>
  | 'register' | 'asset' | `register-${RegisterPage}`;

export function screenOf(route: Route): ScreenId {
  switch (route.name) {
    case 'overview':
    case 'devices':
    case 'device':
    case 'account':
    case 'help':
    case 'not-found': return route.name;
    case 'screen': return route.section;
    case 'asset': return (REGISTER_PAGES as readonly string[]).includes(route.id) ? `register-${route.id as RegisterPage}` : 'asset';
  }
}
