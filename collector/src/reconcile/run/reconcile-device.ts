import type { Database, Queryable } from '../../store/database.js';
import { deviceExists, deviceMacs, devicesSeenBySwitch, devicesWithMacs, matchDevices, refreshIdentityKeys } from '../../store/reconcile/identity.js';
import { deviceAssetOpenAsMissing, refreshFindings } from '../../store/reconcile/findings.js';
import { refreshDeviceInstalls } from '../../store/reconcile/installs.js';
import { queueDevices, queueProducts } from '../../store/reconcile/queue.js';
import { readReconcileSettings } from '../../store/reconcile/settings.js';
import { withoutJit } from '../../store/reconcile/temp-table.js';
import { addDeviceTitles, staleDeviceTitles } from '../../store/reconcile/titles.js';
import { ensureShippedCatalogue } from '../catalogue/ensure-catalogue.js';
import { junkIdentifiers } from '../identity/junk-identifiers.js';
import { normaliseStoredTitles } from '../normalise/normalise-stored-titles.js';
import { recomputePositionsIn } from './recompute-positions.js';

/** Any fixed number: one device is reconciled by one transaction at a time. */
const DEVICE_LOCK = 7_210_555;

export interface DeviceReconciliation {
  deviceId: string;
  /** Products whose position this device moves; queued for recomputation. */
  products: string[];
  /** Other devices queued because a MAC address they share appeared or went. */
  neighbours: string[];
}

/**
 * Reconciles one device inside the caller's transaction: normalises its new titles, refreshes its
 * licensable installs, its identifiers, its match to the register and its findings, and queues
 * the products whose position it moves. With `softwareOnly` (only its software moved since it was
 * queued) the identifiers, match and findings, which read none of the software, are left as they are,
 * unless an asset linked to the device is open as missing, which the device's report settles.
 */
export async function reconcileDeviceIn(
  owner: object, tx: Queryable, deviceId: string, options: { softwareOnly?: boolean } = {},
): Promise<DeviceReconciliation> {
  await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [DEVICE_LOCK, deviceId]);
  await withoutJit(tx);
  const junk = junkIdentifiers();
  const oldMacs = await deviceMacs(tx, deviceId);
  if (!(await deviceExists(tx, deviceId))) {
    const neighbours = await devicesWithMacs(tx, deviceId, oldMacs);
    await queueDevices(tx, neighbours);
    return { deviceId, products: [], neighbours };
  }
  await addDeviceTitles(tx, deviceId);
  await normaliseStoredTitles(owner, tx, (generation) => staleDeviceTitles(tx, deviceId, generation));
  const products = await refreshDeviceInstalls(tx, deviceId);
  if (options.softwareOnly && !(await deviceAssetOpenAsMissing(tx, deviceId))) {
    await queueProducts(tx, products);
    return { deviceId, products, neighbours: [] };
  }
  await refreshIdentityKeys(tx, [deviceId], junk);
  const newMacs = await deviceMacs(tx, deviceId);
  const changedMacs = [...oldMacs.filter((m) => !newMacs.includes(m)), ...newMacs.filter((m) => !oldMacs.includes(m))];
  const neighbours = await devicesWithMacs(tx, deviceId, changedMacs);
  const settings = await readReconcileSettings(tx);
  const changes = await matchDevices(tx, [deviceId], settings.identityKeys);
  const assets = changes.flatMap((c) => [c.before, c.after]).filter((a): a is string => a !== null);
  await refreshFindings(tx, [deviceId], assets, junk, new Date());
  // A switch's forwarding table places other devices: their location findings follow it.
  const placed = await devicesSeenBySwitch(tx, deviceId);
  if (placed.length) await refreshFindings(tx, placed, [], junk, new Date());
  await queueProducts(tx, products);
  await queueDevices(tx, neighbours);
  return { deviceId, products, neighbours };
}

/**
 * Reconciles one device after an agent report or an SNMP poll. Its licence positions are queued
 * for the worker, or recomputed here with `positions: true`.
 */
export async function reconcileDevice(db: Database, deviceId: string, options: { positions?: boolean } = {}): Promise<DeviceReconciliation> {
  await ensureShippedCatalogue(db);
  return db.transaction(async (tx) => {
    const outcome = await reconcileDeviceIn(db, tx, deviceId);
    if (options.positions) {
      await recomputePositionsIn(tx, outcome.products, new Date(), 'changed');
      await tx.query('delete from reconcile_product_queue where product_id = any($1::text[])', [outcome.products]);
    }
    return outcome;
  });
}
