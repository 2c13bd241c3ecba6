import { useEffect, useState } from 'preact/hooks';
import { parseRoute, type Route } from './routes.js';

/** The current route, following the location hash. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return route;
}

/** Changes the address without adding a history entry, for edits such as typing in a search box. */
export function replaceHash(href: string): void {
  if (window.location.hash === href) return;
  history.replaceState(history.state, '', href);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
