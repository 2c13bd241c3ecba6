import type { LiveStatus } from '../api/live-events.js';
import type { Me } from '../api/account.js';
import { can, ROLE_LABELS } from '../permissions.js';
import { ConnectionStatus } from './connection-status.js';
import { GlobalSearch } from './global-search.js';
import { Icon } from './icon.js';

interface TopBarProps {
  me: Me;
  liveStatus: LiveStatus;
  onLogOut: () => void;
  /** The help of the screen shown; null where the screen has a Help link of its own. */
  helpHref: string | null;
}

export function TopBar({ me, liveStatus, onLogOut, helpHref }: TopBarProps) {
  return (
    <header class="top-bar">
      {can(me.role, 'devices:read') || can(me.role, 'register:read') ? <GlobalSearch /> : <span />}
      <div class="top-bar-end">
        <ConnectionStatus status={liveStatus} />
        {helpHref ? (
          <a class="button button-quiet" href={helpHref} title="Help on this screen" data-testid="help-link">
            <Icon name="help" />
            <span>Help</span>
          </a>
        ) : null}
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
