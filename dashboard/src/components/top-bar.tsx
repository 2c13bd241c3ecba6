import { useState } from 'preact/hooks';
import type { LiveStatus } from '../api/live-events.js';
import type { Me } from '../api/account.js';
import { can, ROLE_LABELS } from '../permissions.js';
import { devicesHref } from '../routing/routes.js';
import { navigate } from '../routing/use-route.js';
import { ConnectionStatus } from './connection-status.js';
import { Icon } from './icon.js';

interface TopBarProps {
  me: Me;
  liveStatus: LiveStatus;
  onLogOut: () => void;
}

export function TopBar({ me, liveStatus, onLogOut }: TopBarProps) {
  return (
    <header class="top-bar">
      {can(me.role, 'devices:read') ? <QuickSearch /> : <span />}
      <div class="top-bar-end">
        <ConnectionStatus status={liveStatus} />
        <a class="user" href="/account" title="Your account and API tokens" data-testid="current-user">
          <span class="user-avatar" aria-hidden="true">{me.username.slice(0, 1).toUpperCase()}</span>
          <span class="user-text">
            <span class="user-name">{me.username}</span>
            <span class="user-role">{ROLE_LABELS[me.role]}</span>
          </span>
        </a>
        <button type="button" class="button button-quiet" onClick={onLogOut}>
          <Icon name="log-out" />
          <span>Sign out</span>
        </button>
      </div>
    </header>
  );
}

/** Finds a device from any screen: the devices list does the searching. */
function QuickSearch() {
  const [value, setValue] = useState('');
  return (
    <form
      class="quick-search"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        navigate(devicesHref({ search: value.trim() }));
        setValue('');
      }}
    >
      <Icon name="search" />
      <label class="visually-hidden" for="quick-search">Find a device</label>
      <input
        id="quick-search"
        type="search"
        placeholder="Find a device…"
        value={value}
        maxLength={256}
        onInput={(event) => setValue(event.currentTarget.value)}
      />
    </form>
  );
}
