import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorNotice, LoadingRow } from '../components/notices.js';

type HelpViewType = ComponentType<{ topic: string | null }>;
let loaded: HelpViewType | null = null;

/** The help's text is its own chunk, fetched when someone first opens it, to keep the first load small. */
export function HelpScreen({ topic }: { topic: string | null }) {
  const [view, setView] = useState<HelpViewType | null>(() => loaded);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (view) return;
    let current = true;
    import('./help-view.js').then(
      (module) => { loaded = module.HelpView; if (current) setView(() => module.HelpView); },
      (failure: unknown) => { if (current) setError(failure); },
    );
    return () => { current = false; };
  }, [view]);
  if (error) return <ErrorNotice error={error} onRetry={() => location.reload()} />;
  if (!view) return <LoadingRow text="Loading help…" />;
  const View = view;
  return <View topic={topic} />;
}
