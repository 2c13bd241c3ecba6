import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorNotice, LoadingRow } from '../components/notices.js';
import type { ScreenSection } from '../routing/routes.js';

/** Each screen is its own chunk, fetched on first visit, so the first page load stays small. */
/** `id` is for screens that also show one item (an asset) at their own address. */
type Screen = ComponentType<{ id?: string }>;

const LOADERS: Record<ScreenSection, () => Promise<Screen>> = {
  software: () => import('../views/software/software-view.js').then((m) => m.SoftwareView),
  findings: () => import('../views/findings/findings-view.js').then((m) => m.FindingsView),
  network: () => import('../views/network/network-view.js').then((m) => m.NetworkView),
  alerts: () => import('../views/alerts/alerts-view.js').then((m) => m.AlertsView),
  register: () => import('../views/register/register-view.js').then((m) => m.RegisterView),
  licences: () => import('../views/licences/licences-view.js').then((m) => m.LicencesView),
  reports: () => import('../views/reports/reports-view.js').then((m) => m.ReportsView),
  settings: () => import('../views/settings/settings-view.js').then((m) => m.SettingsView),
};

const loaded = new Map<ScreenSection, Screen>();

export function LazyScreen({ section, id }: { section: ScreenSection; id?: string }) {
  const [screen, setScreen] = useState<{ section: ScreenSection; view: Screen } | null>(() => {
    const view = loaded.get(section);
    return view ? { section, view } : null;
  });
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (screen?.section === section) return;
    let current = true;
    setError(null);
    LOADERS[section]().then(
      (view) => {
        loaded.set(section, view);
        if (current) setScreen({ section, view });
      },
      (failure: unknown) => { if (current) setError(failure); },
    );
    return () => { current = false; };
  }, [section]);
  if (error) return <ErrorNotice error={error} onRetry={() => location.reload()} />;
  if (!screen || screen.section !== section) return <LoadingRow text="Loading…" />;
  const View = screen.view;
  return <View id={id} />;
}
