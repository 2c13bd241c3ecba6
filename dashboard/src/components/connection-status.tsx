import type { LiveStatus } from '../api/live-events.js';
import { Icon, type IconName } from './icon.js';

const LOOK: Record<LiveStatus, { icon: IconName; text: string; tone: string }> = {
  live: { icon: 'live', text: 'Live', tone: 'ok' },
  connecting: { icon: 'clock', text: 'Connecting…', tone: 'neutral' },
  reconnecting: { icon: 'warning', text: 'Offline', tone: 'warn' },
  stopped: { icon: 'offline', text: 'Not connected', tone: 'neutral' },
};

/** The header's word on live updates: an icon and a word, never colour alone. */
export function ConnectionStatus({ status }: { status: LiveStatus }) {
  const look = LOOK[status];
  return (
    <span class={`pill pill-${look.tone}`} data-testid="connection-status" title="Live updates from the collector">
      <Icon name={look.icon} size={14} />
      <span>{look.text}</span>
    </span>
  );
}
