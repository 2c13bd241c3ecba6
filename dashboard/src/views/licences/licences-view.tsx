import { useState } from 'preact/hooks';
import { PageHeader } from '../../components/page-header.js';
import { Tabs } from '../../components/tabs.js';
import { EntitlementsPanel } from './entitlements-panel.js';
import { PositionPanel } from './position-panel.js';
import { TriagePanel } from './triage-panel.js';

type LicenceTab = 'position' | 'entitlements' | 'triage';
const TABS = [
  { id: 'position', label: 'Position' },
  { id: 'entitlements', label: 'Entitlements' },
  { id: 'triage', label: 'Unrecognised software' },
] as const;

/** What is owned against what is installed, per product, with the installs behind each shortfall. */
export function LicencesView() {
  const [tab, setTab] = useState<LicenceTab>('position');
  return (
    <>
      <PageHeader title="Licences" subtitle="Entitlements held against the installs discovery found." />
      <Tabs label="Licence views" tabs={TABS} current={tab} onSelect={setTab} idPrefix="licences" />
      <div id="licences-panel" role="tabpanel" aria-labelledby={`licences-tab-${tab}`} class="tab-panel">
        {tab === 'position' ? <PositionPanel /> : null}
        {tab === 'entitlements' ? <EntitlementsPanel /> : null}
        {tab === 'triage' ? <TriagePanel /> : null}
      </div>
    </>
  );
}
