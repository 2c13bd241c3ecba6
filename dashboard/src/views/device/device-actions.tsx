import { can, type Action, type Role } from '../../permissions.js';
import { Icon, type IconName } from '../../components/icon.js';

interface DeviceAction {
  action: Action;
  label: string;
  icon: IconName;
  /** Set once the collector offers the endpoint behind it. */
  run?: () => void;
}

const DEVICE_ACTIONS: readonly DeviceAction[] = [
  { action: 'agents:command', label: 'Collect now', icon: 'refresh' },
  { action: 'register:write', label: 'Edit register record', icon: 'register' },
  { action: 'register:checkout', label: 'Check out', icon: 'log-out' },
];

/**
 * What the signed-in role may do to a device. Actions the role may not take are not drawn at all;
 * those the collector cannot perform yet are drawn disabled and say so.
 */
export function DeviceActions({ role }: { role: Role }) {
  const allowed = DEVICE_ACTIONS.filter((entry) => can(role, entry.action));
  if (allowed.length === 0) return null;
  return (
    <div class="action-bar" data-testid="device-actions">
      {allowed.map((entry) => (
        <button
          key={entry.action}
          type="button"
          class="button"
          data-action={entry.action}
          disabled={!entry.run}
          title={entry.run ? undefined : 'Not available yet'}
          onClick={entry.run}
        >
          <Icon name={entry.icon} />
          <span>{entry.label}</span>
          {entry.run ? null : <span class="visually-hidden"> (not available yet)</span>}
        </button>
      ))}
    </div>
  );
}
