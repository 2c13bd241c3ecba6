import { useEffect, useState } from 'preact/hooks';
import { parseRoute, type Route } from './routes.js';

const NAVIGATED = 'steward:navigated';

function currentRoute(): Route {
  return parseRoute(window.location.pathname, window.location.search);
}

/** The current route, following the address bar (links, Back and Forward). */
export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const follow = () => setRoute(currentRoute());
    window.addEventListener('popstate', follow);
    window.addEventListener(NAVIGATED, follow);
    return () => {
      window.removeEventListener('popstate', follow);
      window.removeEventListener(NAVIGATED, follow);
    };
  }, []);
  return route;
}

/**
 * Goes to another address of the app without reloading. `replace` is for edits such as typing in
 * a search box, which should not leave one history entry per keystroke.
 */
export function navigate(href: string, { replace = false }: { replace?: boolean } = {}): void {
  const here = `${window.location.pathname}${window.location.search}`;
  if (href === here) return;
  if (replace) {
    history.replaceState(null, '', href);
  } else {
    history.pushState(null, '', href);
    window.scrollTo(0, 0);
  }
  window.dispatchEvent(new Event(NAVIGATED));
}

/**
 * Lets ordinary links (`<a href="/devices">`) move within the app: plain left clicks on same-origin
 * app addresses are handled here; new-tab clicks, downloads and API links keep the browser's way.
 */
export function followAppLinks(root: Document = document): () => void {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (!link || (link.target && link.target !== '_self') || link.hasAttribute('download')) return;
    const url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
    if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return;
    event.preventDefault();
    navigate(`${url.pathname}${url.search}`);
  };
  root.addEventListener('click', onClick);
  return () => root.removeEventListener('click', onClick);
}
