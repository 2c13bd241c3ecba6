import { useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { PageHeader } from '../../components/page-header.js';
import { Tabs } from '../../components/tabs.js';
import { can, canAny, type Action } from '../../permissions.js';
import { AgentsPanel } from './agents-panel.js';
import { AuditPanel } from './audit-panel.js';
import { BackupsPanel } from './backups-panel.js';
import { CredentialsPanel } from './credentials-panel.js';
import { EnrolmentPanel } from './enrolment-panel.js';
import { MatchingPanel } from './matching-panel.js';
import { OrganisationPanel } from './organisation-panel.js';
import { PollingPanel } from './polling-panel.js';
import { RangesPanel } from './ranges-panel.js';
import { RulesPanel } from './rules-panel.js';
import { ServiceTokensPanel } from './service-tokens-panel.js';
import { UsersPanel } from './users-panel.js';

type SettingsTab = 'organisation' | 'discovery' | 'agents' | 'matching' | 'normalisation' | 'users' | 'backups' | 'audit';

/** Each tab, and the permissions of which a role needs one to see it (changes need the write one). */
export const SETTINGS_TABS: readonly { id: SettingsTab; label: string; requires: readonly Action[] }[] = [
  { id: 'discovery', label: 'Discovery', requires: ['discovery:write', 'settings:write'] },
  { id: 'agents', label: 'Agents', requires: ['agents:command', 'settings:write'] },
  { id: 'matching', label: 'Matching rules', requires: ['settings:write', 'audit:read'] },
  { id: 'normalisation', label: 'Normalisation rules', requires: ['licenses:write', 'settings:write', 'audit:read'] },
  { id: 'users', label: 'Users and tokens', requires: ['users:manage'] },
  { id: 'backups', label: 'Backups', requires: ['settings:write'] },
  { id: 'organisation', label: 'Organisation', requires: ['settings:write'] },
  { id: 'audit', label: 'Audit log', requires: ['audit:read'] },
];

/** Discovery, agents and their enrolment, matching and normalisation rules, users, backups, the audit log: what an administrator tunes and an auditor reads. */
export function SettingsView() {
  const { me } = useApp();
  const tabs = SETTINGS_TABS.filter((tab) => canAny(me.role, tab.requires));
  const [chosen, setTab] = useState<SettingsTab>(tabs[0]?.id ?? 'discovery');
  const tab = tabs.some((t) => t.id === chosen) ? chosen : tabs[0]?.id;
  return (
    <>
      <PageHeader title="Settings" subtitle="How Steward discovers, matches and names what it finds, who may use it, and how it is kept safe." />
      <Tabs label="Settings" tabs={tabs} current={tab ?? 'discovery'} onSelect={setTab} idPrefix="settings" />
      <div id="settings-panel" role="tabpanel" aria-labelledby={`settings-tab-${tab}`} class="tab-panel settings-panels" data-testid="settings">
        {tab === 'discovery' ? <><RangesPanel /><CredentialsPanel /><PollingPanel /></> : null}
        {tab === 'agents' ? <><AgentsPanel />{can(me.role, 'settings:write') ? <EnrolmentPanel /> : null}</> : null}
        {tab === 'matching' ? <MatchingPanel /> : null}
        {tab === 'normalisation' ? <RulesPanel /> : null}
        {tab === 'users' ? <><UsersPanel /><ServiceTokensPanel /></> : null}
        {tab === 'backups' ? <BackupsPanel /> : null}
        {tab === 'organisation' ? <OrganisationPanel /> : null}
        {tab === 'audit' ? <AuditPanel /> : null}
      </div>
    </>
  );
}
