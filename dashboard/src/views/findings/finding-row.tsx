import { useState } from 'preact/hooks';
import type { Finding } from '@steward/shared';
import { useApp } from '../../app/app-context.js';
import { formatDateTime, timeAgo } from '../../format/time.js';
import { can } from '../../permissions.js';
import { deviceHref } from '../../routing/routes.js';
import { DismissForm, DuplicateActions, LinkForm, RegisterForm } from './finding-forms.js';
import { FINDING_STATE_LABELS, FINDING_TYPE_LABELS, isClosed } from './finding-labels.js';

type Panel = 'register' | 'link' | 'dismiss' | null;

/** One finding with the decisions the signed-in role may take on it, opened beneath the row. */
export function FindingRow({ finding, onChanged }: { finding: Finding; onChanged: (finding: Finding) => void }) {
  const { me } = useApp();
  const [panel, setPanel] = useState<Panel>(null);
  const closed = isClosed(finding.state);
  const mayAct = can(me.role, 'findings:write') && !closed;
  const hasDevice = finding.deviceId !== null;
  const done = (next: Finding) => {
    setPanel(null);
    onChanged(next);
  };
  const toggle = (next: Panel) => setPanel((current) => (current === next ? null : next));

  return (
    <>
      <tr class={closed ? 'row-closed' : undefined} data-finding-id={finding.id}>
        <td class="cell-primary">
          <div>{finding.summary}</div>
          {finding.deviceId ? <div class="cell-sub"><a href={deviceHref(finding.deviceId)}>Discovered device</a></div> : null}
          {finding.reason ? <div class="cell-sub">Reason: {finding.reason}</div> : null}
        </td>
        <td>{FINDING_TYPE_LABELS[finding.type]}</td>
        <td><span class={`pill ${closed ? 'pill-ok' : 'pill-warn'}`} data-testid="finding-state">{FINDING_STATE_LABELS[finding.state]}</span></td>
        <td class="optional"><time dateTime={finding.lastDetected} title={formatDateTime(finding.lastDetected)}>{timeAgo(finding.lastDetected)}</time></td>
        <td class="row-actions">
          {mayAct && hasDevice && finding.type === 'unregistered' && can(me.role, 'register:write')
            ? <button type="button" class="button button-primary" aria-expanded={panel === 'register'} onClick={() => toggle('register')}>Register</button>
            : null}
          {mayAct && finding.type === 'duplicate' && finding.subtype === 'possible-duplicate'
            ? <DuplicateActions finding={finding} onDone={done} />
            : null}
          {mayAct && hasDevice
            ? <button type="button" class="button" aria-expanded={panel === 'link'} onClick={() => toggle('link')}>Link</button>
            : null}
          {mayAct
            ? <button type="button" class="button button-quiet" aria-expanded={panel === 'dismiss'} onClick={() => toggle('dismiss')}>Dismiss</button>
            : null}
        </td>
      </tr>
      {panel && !closed ? (
        <tr class="row-panel">
          <td colSpan={5}>
            {panel === 'register' ? <RegisterForm finding={finding} onDone={done} onCancel={() => setPanel(null)} /> : null}
            {panel === 'link' ? <LinkForm finding={finding} onDone={done} onCancel={() => setPanel(null)} /> : null}
            {panel === 'dismiss' ? <DismissForm finding={finding} onDone={done} onCancel={() => setPanel(null)} /> : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}
