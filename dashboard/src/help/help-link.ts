import type { RegisterPage, ScreenId } from '../routing/screens.js';

/** The register's screens keep their help on the register's own help page. */
type RegisterScreen = 'register' | 'asset' | `register-${RegisterPage}`;
type OwnHelpScreen = Exclude<ScreenId, RegisterScreen | 'help' | 'not-found'>;

/** Screens whose help is a topic of /help, in the order of the navigation. Kept apart from the help's text, which loads only with the help. */
export const HELP_SCREENS = [
  'overview', 'devices', 'device', 'software', 'network', 'findings', 'licences', 'reports', 'alerts', 'settings', 'account',
] as const satisfies readonly OwnHelpScreen[];
export type HelpScreen = (typeof HELP_SCREENS)[number];
// A screen added to the routes without a place here fails to compile.
const everyScreenListed: [Exclude<OwnHelpScreen, HelpScreen>] extends [never] ? true : never = true;
void everyScreenListed;

export const REGISTER_HELP_HREF = '/register/help';

/** Each register screen's section of the register help (the ids the register's own Help links use). */
export const REGISTER_HELP_TOPICS: Record<RegisterScreen, string> = {
  register: 'assets',
  asset: 'asset',
  'register-checkouts': 'checkouts',
  'register-audit': 'audit',
  'register-help': 'assets',
  'register-people': 'people',
  'register-departments': 'departments',
  'register-locations': 'locations',
  'register-vendors': 'vendors',
  'register-manufacturers': 'manufacturers',
  'register-models': 'models',
  'register-categories': 'categories',
};

export function isHelpScreen(screen: string): screen is HelpScreen {
  return (HELP_SCREENS as readonly string[]).includes(screen);
}

/**
 * The register's screens carry a Help link in their own header (all but the register help itself);
 * the top bar leaves theirs out, so that every screen has exactly one link named Help.
 */
export function hasOwnHelpLink(screen: ScreenId): boolean {
  return Object.hasOwn(REGISTER_HELP_TOPICS, screen) && screen !== 'register-help';
}

/** Where the Help link of a screen leads: its own topic. */
export function helpHref(screen: ScreenId): string {
  if (isHelpScreen(screen)) return `/help?topic=${screen}`;
  if (screen === 'help' || screen === 'not-found') return '/help';
  return `${REGISTER_HELP_HREF}?topic=${REGISTER_HELP_TOPICS[screen]}`;
}
