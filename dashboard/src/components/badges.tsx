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

const KIND_LABELS = { agent: 'Agent', snmp: 'SNMP', ssh: 'SSH' } as const;
const KIND_TITLES = { agent: 'Reported by the Steward agent', snmp: 'Discovered over SNMP', ssh: 'Scanned over SSH, without an agent' } as const;

export function KindBadge({ kind }: { kind: 'agent' | 'snmp' | 'ssh' }) {
  return (
    <span class="badge badge-outline" title={KIND_TITLES[kind]}>
      <Icon name={kind === 'ssh' ? 'agent' : kind} size={14} />
      {KIND_LABELS[kind]}
    </span>
  );
}
