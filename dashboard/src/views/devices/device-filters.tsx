import { useEffect, useRef, useState } from 'preact/hooks';
import { Icon } from '../../components/icon.js';
import { useSlashFocus } from '../../hooks/use-slash-focus.js';
import type { DeviceKindFilter } from '../../routing/routes.js';

const KIND_CHOICES: Array<{ value: DeviceKindFilter; label: string }> = [
  { value: undefined, label: 'All' },
  { value: 'agent', label: 'Agents' },
  { value: 'snmp', label: 'SNMP' },
];

interface DeviceFiltersProps {
  search: string;
  kind: DeviceKindFilter;
  onSearch: (search: string) => void;
  onKind: (kind: DeviceKindFilter) => void;
}

/** Search box and kind filter; typing settles for a moment before the list asks the collector. */
export function DeviceFilters({ search, kind, onSearch, onKind }: DeviceFiltersProps) {
  const [draft, setDraft] = useState(search);
  const input = useRef<HTMLInputElement | null>(null);
  const onSearchRef = useRef(onSearch);
  onSearchRef.current = onSearch;
  useSlashFocus(input);

  // The address can change under us (header search, Back): follow it.
  useEffect(() => setDraft(search), [search]);
  useEffect(() => {
    if (draft === search) return undefined;
    const timer = setTimeout(() => onSearchRef.current(draft.trim()), 250);
    return () => clearTimeout(timer);
  }, [draft, search]);

  return (
    <div class="filters">
      <div class="search-field">
        <Icon name="search" />
        <label for="device-search" class="visually-hidden">Search devices</label>
        <input
          ref={input}
          id="device-search"
          type="search"
          value={draft}
          maxLength={256}
          placeholder="Hostname, serial, model, OS…"
          aria-keyshortcuts="/"
          onInput={(event) => setDraft(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onSearch(draft.trim());
          }}
        />
        <kbd class="shortcut" aria-hidden="true">/</kbd>
      </div>
      <fieldset class="segmented">
        <legend class="visually-hidden">Kind of device</legend>
        {KIND_CHOICES.map((choice) => (
          <label key={choice.label} class={choice.value === kind ? 'checked' : undefined}>
            <input
              type="radio"
              name="device-kind"
              value={choice.value ?? ''}
              checked={choice.value === kind}
              onChange={() => onKind(choice.value)}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
