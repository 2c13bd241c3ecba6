import { useEffect, useRef, useState } from 'preact/hooks';
import type { GlobalSearchAnswer } from '@steward/shared';
import { isAbort } from '../api/api-client.js';
import { globalSearch } from '../api/search.js';
import { useApp } from '../app/app-context.js';
import { assetHref, deviceHref, devicesHref, holderHref, softwareHref } from '../routing/routes.js';
import { navigate } from '../routing/use-route.js';
import { Icon } from './icon.js';

interface Hit {
  key: string;
  href: string;
  title: string;
  detail: string | null;
}

const VIA: Record<NonNullable<GlobalSearchAnswer['devices']>[number]['via'], string> = {
  hostname: 'host name', serial: 'serial number', mac: 'MAC address', ip: 'IP address', asset: 'asset',
};

/** The answer as groups of links, in the order they are shown, kinds the role may not read left out. */
function groupsOf(found: GlobalSearchAnswer): Array<{ label: string; hits: Hit[] }> {
  const groups = [
    { label: 'Devices', hits: (found.devices ?? []).map((d) => ({
      key: `d:${d.id}`, href: deviceHref(d.id), title: d.hostname,
      detail: [d.assetTag ? `asset ${d.assetTag}` : null, d.via === 'hostname' || (d.via === 'asset' && d.assetTag) ? null : `by ${VIA[d.via]}`].filter(Boolean).join(' · ') || null,
    })) },
    { label: 'Assets', hits: (found.assets ?? []).map((a) => ({
      key: `a:${a.id}`, href: assetHref(a.id), title: `${a.tag} · ${a.name}`, detail: [a.serial, a.hostname ? `device ${a.hostname}` : null].filter(Boolean).join(' · ') || null,
    })) },
    { label: 'People', hits: (found.people ?? []).map((p) => ({ key: `p:${p.id}`, href: holderHref(p.id), title: p.name, detail: p.email ?? p.username })) },
    { label: 'Software', hits: (found.software ?? []).map((s) => ({ key: `s:${s.name}:${s.publisher ?? ''}`, href: softwareHref(s.name), title: s.name, detail: s.publisher })) },
  ];
  return groups.filter((g) => g.hits.length > 0);
}

/**
 * One search box for the whole estate, in the top bar: results grouped by kind as the person
 * types. Arrow keys move from the box through the results, Escape closes them, and Enter in the
 * box opens the devices list searched for the text.
 */
export function GlobalSearch() {
  const { api } = useApp();
  const [text, setText] = useState('');
  const [found, setFound] = useState<GlobalSearchAnswer | null>(null);
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);
  const root = useRef<HTMLFormElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const query = text.trim();

  useEffect(() => {
    if (query.length < 2) { setFound(null); return; }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      globalSearch(api, query, abort.signal).then((answer) => { setFound(answer); setFailed(false); }, (error: unknown) => { if (!isAbort(error)) setFailed(true); });
    }, 200);
    return () => { clearTimeout(timer); abort.abort(); };
  }, [api, query]);

  const close = () => { setOpen(false); setText(''); setFound(null); };
  const links = () => [...(root.current?.querySelectorAll<HTMLAnchorElement>('.global-search-results a') ?? [])];
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') { setOpen(false); input.current?.focus(); return; }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const all = links();
    if (all.length === 0) return;
    event.preventDefault();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    const next = event.key === 'ArrowDown' ? Math.min(at + 1, all.length - 1) : at - 1;
    if (next < 0) input.current?.focus();
    else all[next]!.focus();
  };
  const groups = found ? groupsOf(found) : [];
  const showing = open && query.length >= 2 && (found !== null || failed);

  return (
    <form
      ref={root}
      class="quick-search global-search"
      role="search"
      onKeyDown={onKey}
      onFocusOut={(event) => { if (!root.current?.contains(event.relatedTarget as Node | null)) setOpen(false); }}
      onSubmit={(event) => { event.preventDefault(); navigate(devicesHref({ search: query })); close(); }}
    >
      <Icon name="search" />
      <label class="visually-hidden" for="global-search">Search everything: devices, assets, people, software</label>
      <input
        ref={input}
        id="global-search"
        type="search"
        placeholder="Search devices, assets, people, software…"
        value={text}
        maxLength={128}
        autoComplete="off"
        aria-controls="global-search-results"
        aria-expanded={showing}
        onFocus={() => setOpen(true)}
        onInput={(event) => { setText(event.currentTarget.value); setOpen(true); }}
      />
      {showing ? (
        <div id="global-search-results" class="global-search-results" role="region" aria-label="Search results" aria-live="polite" data-testid="global-search-results">
          {failed ? <p class="muted">The search did not answer; try again.</p> : null}
          {!failed && groups.length === 0 ? <p class="muted">Nothing matches “{query}”.</p> : null}
          {groups.map((group) => (
            <section key={group.label} aria-label={group.label}>
              <h2 class="global-search-kind">{group.label}</h2>
              <ul>
                {group.hits.map((hit) => (
                  <li key={hit.key}>
                    <a href={hit.href} onClick={close}>
                      <span class="global-search-title">{hit.title}</span>
                      {hit.detail ? <span class="global-search-detail">{hit.detail}</span> : null}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      ) : null}
    </form>
  );
}
