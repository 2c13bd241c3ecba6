import { randomUUID } from 'node:crypto';
import type { SnmpProbeResult } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import type { Queryable } from '../../store/database.js';
import { replaceDeviceInventory } from '../../store/network/inventory.js';
import {
  findDeviceByAddress, findDeviceBySerial, lockDevice, lockDiscoveryKeys, updateSnmpDevice, upsertTarget,
} from '../../store/network/targets.js';
import { junkIdentifiers } from '../../reconcile/identity/junk-identifiers.js';
import { insertDevice } from '../../store/reports.js';
import { deleteInstalledSoftware, insertInstalledSoftware, insertSoftwareChanges, readInstalledSoftware } from '../../store/software.js';
import { diffSoftware } from '../software-diff.js';
import { deviceFieldsOf } from './discovered-device.js';
import { currentPollingSettings } from './polling-settings.js';

export interface StoredDiscovery {
  deviceId: string;
  change: 'created' | 'updated';
}

/**
 * Stores what one probe found, in one transaction: the device (matched to a known SNMP device by
 * serial and maker, else by sysObjectID, sysName and address), how to reach it, its interfaces,
 * addresses, neighbours, forwarding table, supplies and modules, and its installed software with
 * the changes since the last probe. Publishes the change to live dashboards once committed.
 */
export async function storeDiscovery(ctx: CollectorContext, result: SnmpProbeResult, credentialId: string | null): Promise<StoredDiscovery> {
  const stored = await ctx.db.transaction((tx) => storeDiscoveryIn(tx, result, credentialId));
  await ctx.live.publish({ type: 'device.changed', deviceId: stored.deviceId, change: stored.change, at: new Date().toISOString() })
    .catch((error: Error) => ctx.log.warn({ err: error.message }, 'live event not published'));
  return stored;
}

/** The same, inside a transaction the caller holds (which may also store the credential it names). */
export async function storeDiscoveryIn(tx: Queryable, result: SnmpProbeResult, credentialId: string | null): Promise<StoredDiscovery> {
  const fields = deviceFieldsOf(result);
  const match = {
    sysObjectID: result.system.sysObjectID ?? null, sysName: result.system.sysName ?? null,
    host: result.target.host, port: result.target.port,
  };
  const serial = identifyingSerial(fields.serialNumber);
  const serialKey = serial ? JSON.stringify(['serial', serial, fields.manufacturer]) : undefined;
  const addressKey = JSON.stringify(['address', match.sysObjectID, match.sysName, match.host, match.port]);
  await lockDiscoveryKeys(tx, serialKey ? [serialKey, addressKey] : [addressKey]);
  let deviceId = (serial ? await findDeviceBySerial(tx, serial, fields.manufacturer) : undefined) ?? await findDeviceByAddress(tx, match);
  const created = deviceId === undefined;
  if (deviceId === undefined) {
    deviceId = randomUUID();
    await insertDevice(tx, deviceId, 'snmp', fields.hostname);
  } else {
    await lockDevice(tx, deviceId);
  }
  const settings = await currentPollingSettings(tx);
  await updateSnmpDevice(tx, deviceId, fields);
  await upsertTarget(tx, deviceId, {
    host: result.target.host, port: result.target.port, credentialId, system: result.system, identity: result.identity,
    problems: result.problems, probedAt: result.probedAt,
  }, settings.defaultIntervalSeconds);
  await replaceDeviceInventory(tx, deviceId, {
    interfaces: result.interfaces, addresses: result.addresses, neighbours: result.neighbours, forwarding: result.forwarding,
    supplies: result.printer?.supplies ?? [], entities: result.entities,
  }, result.probedAt);
  await storeSoftware(tx, deviceId, result, created);
  return { deviceId, change: created ? 'created' : 'updated' };
}

/** A serial that tells devices apart: not a placeholder such as "0" or "N/A" that many devices share. */
function identifyingSerial(serial: string | null): string | undefined {
  const trimmed = serial?.trim();
  if (!trimmed || trimmed.length < 3 || junkIdentifiers().serials.includes(trimmed.toUpperCase())) return undefined;
  return trimmed;
}

/** hrSWInstalled goes through the same diff as agent inventories, so its history is kept alike. */
async function storeSoftware(tx: Queryable, deviceId: string, result: SnmpProbeResult, created: boolean): Promise<void> {
  const previous = await readInstalledSoftware(tx, deviceId);
  const diff = diffSoftware(previous, result.software, new Date());
  await deleteInstalledSoftware(tx, deviceId, diff.toDelete);
  await insertInstalledSoftware(tx, deviceId, diff.toInsert);
  // The first probe of a device is its baseline, not a list of changes.
  if (!created) await insertSoftwareChanges(tx, deviceId, new Date(result.probedAt), diff.changes);
}
