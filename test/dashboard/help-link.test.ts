import { describe, expect, it } from 'vitest';
import { permission } from '@steward/shared';
import { HELP_SCREENS, REGISTER_HELP_TOPICS, hasOwnHelpLink, helpHref, isHelpScreen } from '../../dashboard/src/help/help-link.js';
import { HELP_TOPICS } from '../../dashboard/src/help/help-topics.js';
import { parseRoute, routeHref } from '../../dashboard/src/routing/routes.js';
import { REGISTER_PAGES, screenOf } from '../../dashboard/src/routing/screens.js';

const screenAt = (href: string) => {
  const url = new URL(href, 'http://steward.example');
  return screenOf(parseRoute(url.pathname, url.search));
};

describe('help links', () => {
  it('reads and writes the help address with its topic', () => {
    expect(parseRoute('/help', '?topic=licences')).toEqual({ name: 'help', topic: 'licences' });
    expect(parseRoute('/help', '')).toEqual({ name: 'help', topic: null });
    expect(routeHref({ name: 'help', topic: 'a b' })).toBe('/help?topic=a%20b');
    expect(parseRoute('/help/more', '').name).toBe('not-found');
  });

  it('tells the register pages from an asset at the same depth', () => {
    for (const page of REGISTER_PAGES) expect(screenAt(`/register/${page}`)).toBe(`register-${page}`);
    expect(screenAt('/register/0b7c8f1e-1234-4cde-8abc-1234567890ab')).toBe('asset');
    expect(screenAt('/register')).toBe('register');
    expect(screenAt('/devices/abc?tab=software')).toBe('device');
  });

  it('sends each screen to its own topic, the register screens to their section of the register help', () => {
    expect(helpHref('devices')).toBe('/help?topic=devices');
    expect(helpHref('register-people')).toBe('/register/help?topic=people');
    expect(helpHref('asset')).toBe('/register/help?topic=asset');
    expect(helpHref('not-found')).toBe('/help');
    expect(hasOwnHelpLink('register-people')).toBe(true);
    expect(hasOwnHelpLink('register-help')).toBe(false);
    expect(hasOwnHelpLink('licences')).toBe(false);
    expect(isHelpScreen('constructor')).toBe(false);
    expect(Object.keys(REGISTER_HELP_TOPICS)).toHaveLength(REGISTER_PAGES.length + 2);
  });

  it('has a complete topic for each screen and none for a screen that does not exist', () => {
    expect(Object.keys(HELP_TOPICS).sort()).toEqual([...HELP_SCREENS].sort());
    const titles = new Set<string>();
    for (const screen of HELP_SCREENS) {
      const topic = HELP_TOPICS[screen];
      expect(titles.has(topic.title), topic.title).toBe(false);
      titles.add(topic.title);
      expect(topic.summary.length, screen).toBeGreaterThan(20);
      expect(topic.sections.length, screen).toBeGreaterThan(0);
      if (topic.href) expect(screenAt(topic.href), screen).toBe(screen);
      for (const needed of [...topic.sees, ...topic.actions.flatMap((a) => (a.requires ? [a.requires] : []))]) {
        expect(permission.options, `${screen}: ${needed}`).toContain(needed);
      }
    }
  });
});
