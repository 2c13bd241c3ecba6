import {
  RESYNC_REQUIRED, applyMergePatch, describeIssues, hardwareInfo, osInfo, type InventoryDelta, type SoftwareEntry,
} from '@steward/shared';
import type { z } from 'zod';
import type { Database, Queryable } from '../store/database.js';
import { touchAgent, type AgentRow } from '../store/agents.js';
import { findReport, lockAgentDevice, readDeviceInventory, recordReport, touchDevice, updateDeviceInventory } from '../store/reports.js';
import {
  deleteInstalledSoftware, insertInstalledSoftware, insertSoftwareChanges, readInstalledSoftware, type StoredSoftware,
} from '../store/software.js';
import { storedSoftwareDigest } from '../store/software-digest.js';
import { recordPresentedEvidence } from '../identity/place-agent.js';
import { ApiProblem } from './errors.js';
import {
  ConcurrentTwin, assertOwnReport, contentHashOf, softwareDigestOf, withReplayRace, type IngestOutcome,
} from './ingest.js';
import { diffSoftware, fingerprint, packagesOf } from './software-diff.js';

const resync = (why: string) => new ApiProblem(409, RESYNC_REQUIRED, `send a full report: ${why}`);

/** A stored section with the delta's patch applied, checked against the section's schema like a full report's. */
function patchSection<S extends z.ZodType>(schema: S, stored: unknown, patch: Record<string, unknown> | undefined, name: string): z.infer<S> {
  if (!patch) return stored as z.infer<S>;
  const parsed = schema.safeParse(applyMergePatch(stored, patch));
  if (parsed.success) return parsed.data;
  const issues = describeIssues(parsed.error).map((issue) => `${name}.${issue}`);
  throw new ApiProblem(400, 'invalid_report', `invalid report: ${issues.slice(0, 3).join('; ')}`, issues);
}

/**
 * The software list after a delta: the held list less the removed entries (each must match a held
 * entry exactly, or the collector does not hold the base the agent thinks), plus the added ones.
 */
function applySoftwareDelta(held: StoredSoftware[], change: { added: SoftwareEntry[]; removed: SoftwareEntry[] }): SoftwareEntry[] {
  const byFingerprint = new Map<string, number>();
  for (const entry of held) byFingerprint.set(fingerprint(entry), (byFingerprint.get(fingerprint(entry)) ?? 0) + 1);
  for (const entry of change.removed) {
    const left = byFingerprint.get(fingerprint(entry)) ?? 0;
    if (left === 0) throw resync(`software ${entry.name} ${entry.version ?? ''} is not held for this device`);
    byFingerprint.set(fingerprint(entry), left - 1);
  }
  const kept = held.filter((entry) => {
    const left = byFingerprint.get(fingerprint(entry)) ?? 0;
    if (left === 0) return false;
    byFingerprint.set(fingerprint(entry), left - 1);
    return true;
  });
  const plain = kept.map(({ rowId: _row, firstSeen: _first, ...entry }) => entry);
  return [...plain, ...change.added];
}

/** The digest and count of what the device holds now, from its stored rows. */
async function heldSoftwareDigest(tx: Queryable, deviceId: string, fromDatabase: boolean): Promise<{ digest: string; count: number }> {
  const computed = fromDatabase ? await storedSoftwareDigest(tx, deviceId) : undefined;
  if (computed) return computed;
  const rows = await readInstalledSoftware(tx, deviceId);
  return { digest: softwareDigestOf(rows.map(({ rowId: _row, firstSeen: _first, ...entry }) => entry)), count: rows.length };
}

/**
 * Writes the software rows and history a delta's software change makes, reading only the rows of
 * the packages it names; returns the new digest and count, computed in the database.
 */
async function storeSoftwareDelta(tx: Queryable, deviceId: string, delta: InventoryDelta, now: Date): Promise<{ digest: string; count: number }> {
  const change = { added: delta.software?.added ?? [], removed: delta.software?.removed ?? [] };
  const held = await readInstalledSoftware(tx, deviceId, packagesOf([...change.added, ...change.removed]));
  const next = applySoftwareDelta(held, change);
  const diff = diffSoftware(held, next, now);
  await deleteInstalledSoftware(tx, deviceId, diff.toDelete);
  await insertInstalledSoftware(tx, deviceId, diff.toInsert);
  await insertSoftwareChanges(tx, deviceId, new Date(delta.collectedAt), diff.changes);
  return heldSoftwareDigest(tx, deviceId, true);
}

/**
 * Applies a delta report in one transaction on top of what the collector holds for the device, only
 * when that is the content the delta was made against (its base hash), and only when the result is
 * the content the agent now holds (its hash): otherwise nothing is stored and the agent is told to
 * send a full report. Replays, conflicting bodies and late reports follow the full report's rules.
 */
export async function ingestDelta(db: Database, agent: AgentRow, delta: InventoryDelta, bodySha256: string): Promise<IngestOutcome> {
  assertOwnReport(agent, delta.agentId);
  // A replay is found under the lock below (findReport), and answered as such by withReplayRace.
  return withReplayRace(db, delta.reportId, bodySha256, () => db.transaction(async (tx) => {
    const locked = await lockAgentDevice(tx, agent.id);
    if (!locked) throw new ApiProblem(401, 'unknown_agent', 'this agent is not enrolled');
    if (await findReport(tx, delta.reportId)) throw new ConcurrentTwin();
    const deviceId = locked.device_id;
    if (!deviceId) throw resync('this agent has no device yet');
    const held = await readDeviceInventory(tx, deviceId);
    if (!held?.contentHash || !held.softwareDigest || !held.identity || !held.hardware || !held.os) throw resync('no inventory is held for this device');
    const now = new Date();
    const record = (applied: boolean, softwareCount: number) => recordReport(tx, {
      reportId: delta.reportId, agentId: agent.id, deviceId, bodySha256, collectedAt: delta.collectedAt, softwareCount, applied, kind: 'delta',
    });
    if (held.lastCollectedAt && new Date(delta.collectedAt) < held.lastCollectedAt) {
      // Older than what is applied: kept for the record only. The hash answered tells the agent where things stand.
      await record(false, held.softwareCount);
      await touchDevice(tx, deviceId);
      await touchAgent(tx, agent.id, now);
      return { answer: { reportId: delta.reportId, deviceId, duplicate: false, softwareCount: held.softwareCount, contentHash: held.contentHash } };
    }
    if (delta.baseHash !== held.contentHash) throw resync('the delta was made against content this collector does not hold');
    const identity = delta.identity ?? held.identity;
    const hardware = patchSection(hardwareInfo, held.hardware, delta.hardware, 'hardware');
    const os = patchSection(osInfo, held.os, delta.os, 'os');
    const movesSoftware = (delta.software?.added.length ?? 0) + (delta.software?.removed.length ?? 0) > 0;
    let software = movesSoftware ? await storeSoftwareDelta(tx, deviceId, delta, now) : { digest: held.softwareDigest, count: held.softwareCount };
    let contentHash = contentHashOf({ identity, hardware, os }, software.digest);
    if (contentHash !== delta.hash && movesSoftware) {
      // The database's sort may differ from the protocol's for characters beyond U+FFFF: the rows decide.
      software = await heldSoftwareDigest(tx, deviceId, false);
      contentHash = contentHashOf({ identity, hardware, os }, software.digest);
    }
    if (contentHash !== delta.hash) throw resync('the delta does not lead to the content the agent holds');
    await record(true, software.count);
    await updateDeviceInventory(tx, deviceId, {
      identity, hardware, os, softwareCount: software.count, softwareDigest: software.digest, contentHash,
      reportId: delta.reportId, collectedAt: delta.collectedAt,
    });
    if (delta.identity || delta.hardware) await recordPresentedEvidence(tx, deviceId, { identity, hardware });
    await touchAgent(tx, agent.id, now);
    return {
      answer: { reportId: delta.reportId, deviceId, duplicate: false, softwareCount: software.count, contentHash },
      ...(contentHash !== held.contentHash ? { change: 'updated' as const, ...(delta.identity || delta.hardware || delta.os ? {} : { softwareOnly: true as const }) } : {}),
    };
  }));
}
