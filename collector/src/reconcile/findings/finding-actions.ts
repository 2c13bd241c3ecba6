import { roleAllows, type Finding, type FindingAction, type Role } from '@steward/shared';
import { recordAudit } from '../../services/audit.js';
import { ApiProblem } from '../../services/errors.js';
import { createAsset } from '../../services/register/assets.js';
import type { Database, Queryable } from '../../store/database.js';
import { linkDevice } from '../../store/reconcile/asset-links.js';
import { getFinding, lockFinding, noteFindingResolver, setFindingState } from '../../store/reconcile/findings.js';
import { assetExistsForLink, deviceForRegistration } from '../../store/reconcile/identity.js';
import { ensureShippedCatalogue } from '../catalogue/ensure-catalogue.js';
import { reconcileDeviceIn } from '../run/reconcile-device.js';

export interface FindingActor {
  id: string;
  username: string;
  role: Role;
  sourceIp?: string;
}

function audit(tx: Queryable, actor: FindingActor, finding: Finding, action: string, after: unknown) {
  return recordAudit(tx, {
    actor: actor.username, actorRole: actor.role, sourceIp: actor.sourceIp, action: `finding.${action}`,
    objectType: 'finding', objectId: finding.id, before: { state: finding.state, reason: finding.reason }, after,
  });
}

async function locked(tx: Queryable, id: string): Promise<Finding> {
  const finding = await lockFinding(tx, id);
  if (!finding) throw new ApiProblem(404, 'not_found', `no finding with id ${id}`);
  return finding;
}

function deviceOf(finding: Finding): string {
  if (!finding.deviceId) throw new ApiProblem(409, 'no_device', `a ${finding.type} finding has no discovered device to link or register`);
  return finding.deviceId;
}

/**
 * Links the finding's device to an asset by hand (or as registered for it), then reconciles the
 * device so its findings follow; the finding this resolves names the asset and who resolved it.
 */
async function linkAndReconcile(db: Database, actor: FindingActor, id: string, assetId: string, action: 'link' | 'register'): Promise<void> {
  await db.transaction(async (tx) => {
    const finding = await locked(tx, id);
    const deviceId = deviceOf(finding);
    if (!(await assetExistsForLink(tx, assetId))) throw new ApiProblem(400, 'unknown_asset', `assetId: no register asset ${assetId}`);
    await linkDevice(tx, deviceId, assetId, action === 'register' ? 'register' : 'manual', actor.username);
    await reconcileDeviceIn(db, tx, deviceId);
    await noteFindingResolver(tx, id, assetId, actor.username);
    await audit(tx, actor, finding, action, { deviceId, assetId });
  });
}

/**
 * Acts on a finding: acknowledge, dismiss with a reason, reopen, link its device to an existing
 * asset, or register its device as a new asset. Linking never merges assets; it only says which
 * asset a discovered device is.
 */
export async function actOnFinding(db: Database, actor: FindingActor, id: string, action: FindingAction): Promise<Finding> {
  await ensureShippedCatalogue(db);
  switch (action.action) {
    case 'acknowledge':
    case 'dismiss':
    case 'reopen':
      await db.transaction(async (tx) => {
        const finding = await locked(tx, id);
        if (finding.state === 'resolved') throw new ApiProblem(409, 'resolved', 'the cause of this finding is gone; it cannot be changed');
        if (action.action === 'acknowledge' && finding.state === 'dismissed') throw new ApiProblem(409, 'dismissed', 'reopen a dismissed finding before acknowledging it');
        const state = action.action === 'acknowledge' ? 'acknowledged' : action.action === 'dismiss' ? 'dismissed' : 'open';
        const reason = action.action === 'dismiss' ? action.reason : null;
        await setFindingState(tx, id, state, actor.username, reason, new Date());
        await audit(tx, actor, finding, action.action, { state, reason });
      });
      break;
    case 'link':
      await linkAndReconcile(db, actor, id, action.assetId, 'link');
      break;
    case 'register': {
      if (!roleAllows(actor.role, 'register:write')) throw new ApiProblem(403, 'forbidden', `your role (${actor.role}) does not allow register:write`);
      const finding = await getFinding(db, id);
      if (!finding) throw new ApiProblem(404, 'not_found', `no finding with id ${id}`);
      if (finding.state === 'resolved') throw new ApiProblem(409, 'resolved', 'the cause of this finding is gone; it cannot be changed');
      const deviceId = deviceOf(finding);
      const device = await deviceForRegistration(db, deviceId);
      if (!device) throw new ApiProblem(409, 'device_gone', 'the discovered device no longer exists');
      // The register keeps its own transaction; the asset it creates names the device, so even
      // without the link written below the next reconciliation matches them.
      const asset = await createAsset(db, actor, {
        ...action.asset,
        name: action.asset.name ?? device.hostname,
        serial: action.asset.serial ?? device.serial_number,
        deviceId,
        customFields: action.asset.customFields ?? {},
      });
      await linkAndReconcile(db, actor, id, asset.id, 'register');
      break;
    }
  }
  const after = await getFinding(db, id);
  if (!after) throw new ApiProblem(404, 'not_found', `no finding with id ${id}`);
  return after;
}
