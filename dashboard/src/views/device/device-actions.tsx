import { useCallback, useState } from 'preact/hooks';
import type { DeviceDetail } from '@steward/shared';
import { askAgentToCollect } from '../../api/agents.js';
import { fetchAssets } from '../../api/register.js';
import { useApp } from '../../app/app-context.js';
import { Icon } from '../../components/icon.js';
import { ErrorNotice } from '../../components/notices.js';
import { useLoader } from '../../hooks/use-loader.js';
import { useSubmit } from '../../hooks/use-submit.js';
import { can } from '../../permissions.js';

type ActionDevice = Pick<DeviceDetail, 'id' | 'hostname' | 'serialNumber' | 'agentId'>;

/** The register form, filled in from what the device says about itself. */
function registerHref(device: ActionDevice): string {
  const params = new URLSearchParams({ register: 'device', deviceId: device.id, name: device.hostname });
  if (device.serialNumber) params.set('serial', device.serialNumber);
  return `/register?${params.toString()}`;
}

/**
 * What the signed-in role may do to a device: ask its agent to collect now, open (or create) its
 * register record, check it out. Actions the role may not take, or that do not apply to this device, are not drawn.
 */
export function DeviceActions({ device }: { device: ActionDevice }) {
  const { api, me } = useApp();
  const registerRole = can(me.role, 'register:write') || can(me.role, 'register:checkout');
  const record = useLoader(`device-actions:${device.id}`, useCallback(
    (signal: AbortSignal) => (registerRole ? fetchAssets(api, { deviceId: device.id, limit: 1, offset: 0 }, signal) : Promise.resolve(null)),
    [api, device.id, registerRole],
  ));
  const collect = useSubmit();
  const [asked, setAsked] = useState(false);
  const asset = record.data?.items[0];
  const mayCollect = can(me.role, 'agents:command') && Boolean(device.agentId);
  const mayEdit = can(me.role, 'register:write') && record.data !== undefined;
  const mayCheckOut = can(me.role, 'register:checkout') && Boolean(asset);
  if (!mayCollect && !mayEdit && !mayCheckOut) return null;
  return (
    <div class="action-bar" data-testid="device-actions">
      {mayCollect ? (
        <button type="button" class="button" data-action="agents:command" disabled={collect.busy}
          onClick={() => void collect.run(() => askAgentToCollect(api, device.agentId!), () => setAsked(true))}>
          <Icon name="refresh" /><span>Collect now</span>
        </button>
      ) : null}
      {mayEdit ? (
        <a class="button" data-action="register:write" href={asset ? `/register/${asset.id}?edit=1` : registerHref(device)}>
          <Icon name="register" /><span>{asset ? 'Edit register record' : 'Register this device'}</span>
        </a>
      ) : null}
      {mayCheckOut && asset ? (
        <a class="button" data-action="register:checkout" href={`/register/${asset.id}#checkout`}>
          <Icon name="log-out" /><span>{asset.assignedTo ? 'Check in' : 'Check out'}</span>
        </a>
      ) : null}
      {asked ? <span role="status" class="toolbar-status">Asked the agent to collect; the page updates when its report arrives.</span> : null}
      {collect.error ? <ErrorNotice error={collect.error} /> : null}
    </div>
  );
}
