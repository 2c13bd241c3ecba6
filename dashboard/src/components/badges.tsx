import { Icon } from './icon.js';

/** Online or offline, said in words with an icon so it reads without colour. */
export function OnlineBadge({ online }: { online: boolean }) {
  return (
    <span class={`badge ${online ? 'badge-ok' : 'badge-muted'}`}>
      <Icon name={online ? 'online' : 'offline'} size={14} />
      {online ? 'Online' : 'Offline'}
    </span>
  );
}

const KIND_LABELS = { agent: 'Agent', snmp: 'SNMP' } as const;

export function KindBadge({ kind }: { kind: 'agent' | 'snmp' }) {
  return (
    <span class="badge badge-outline" title={kind === 'agent' ? 'Reported by the Steward agent' : 'Discovered over SNMP'}>
      <Icon name={kind} size={14} />
      {KIND_LABELS[kind]}
    </span>
  );
}
