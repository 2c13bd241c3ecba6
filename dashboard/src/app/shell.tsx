import { useCallback, useEffect, useRef } from 'preact/hooks';
import { fetchHealth } from '../api/health.js';
import { whenIdle } from '../api/when-idle.js';
import { ConnectionBanner } from '../components/connection-banner.js';
import { Sidebar } from '../components/sidebar.js';
import { TopBar } from '../components/top-bar.js';
import { useLiveState } from '../hooks/use-live-state.js';
import { useLoader } from '../hooks/use-loader.js';
import { canAny } from '../permissions.js';
import type { Route } from '../routing/routes.js';
import { useRoute } from '../routing/use-route.js';
import { screenOf } from '../routing/screens.js';
import { hasOwnHelpLink, helpHref } from '../help/help-link.js';
import { HelpScreen } from '../help/help-screen.js';
import { DeviceView } from '../views/device/device-view.js';
import { DevicesView } from '../views/devices/devices-view.js';
import { AccountView } from '../views/account/account-view.js';
import { ForbiddenView } from '../views/forbidden-view.js';
import { NotFoundView } from '../views/not-found-view.js';
import { OverviewView } from '../views/overview/overview-view.js';
import { LazyScreen } from './lazy-screen.js';
import { useApp } from './app-context.js';
import { navigationItem, sectionOf } from './navigation.js';

const DATABASE_LABELS = { embedded: 'embedded database', postgres: 'PostgreSQL', timescaledb: 'TimescaleDB' } as const;

/** The frame around every signed-in screen: navigation, header, connection banner, the page. */
export function Shell() {
  const { api, me, live, logOut } = useApp();
  const route = useRoute();
  const liveState = useLiveState(live);
  // Only the sidebar's footer needs it: it waits until the screen's own requests are out.
  const health = useLoader('health', useCallback(async (signal: AbortSignal) => {
    await whenIdle(signal);
    return fetchHealth(api, signal);
  }, [api]));
  const section = sectionOf(route);
  const screen = screenOf(route);
  useFocusOnNavigation(route);
  const footer = health.data ? `Steward ${health.data.version} · ${DATABASE_LABELS[health.data.database]}` : undefined;
  const allowed = section === null || canAny(me.role, navigationItem(section).requires);

  return (
    <div class="shell">
      <a class="skip-link" href="#main" onClick={(event) => { event.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <Sidebar role={me.role} current={section} footer={footer} />
      <div class="workspace">
        <TopBar me={me} liveStatus={liveState.status} onLogOut={logOut} helpHref={hasOwnHelpLink(screen) ? null : helpHref(screen)} />
        <ConnectionBanner state={liveState} />
        <main id="main" class="content" tabIndex={-1}>
          {allowed ? <Screen route={route} /> : <ForbiddenView title={navigationItem(section).label} />}
        </main>
      </div>
    </div>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'overview': return <OverviewView />;
    case 'devices': return <DevicesView list={route.list} />;
    case 'device': return <DeviceView key={route.id} id={route.id} tab={route.tab} />;
    case 'screen': return <LazyScreen section={route.section} />;
    case 'asset': return <LazyScreen section="register" id={route.id} />;
    case 'account': return <AccountView />;
    case 'help': return <HelpScreen topic={route.topic} />;
    case 'not-found': return <NotFoundView path={route.path} />;
  }
}

/**
 * Moving to another screen puts keyboard focus on its heading, as a page load would; changes within
 * a screen (filters, pages, tabs) leave focus where the person is working.
 */
function useFocusOnNavigation(route: Route): void {
  const screen = route.name === 'device' ? `device:${route.id}` : route.name === 'asset' ? `asset:${route.id}` : route.name === 'screen' ? route.section : route.name === 'help' ? `help:${route.topic ?? ''}` : route.name;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    requestAnimationFrame(() => document.getElementById('page-title')?.focus());
  }, [screen]);
}
