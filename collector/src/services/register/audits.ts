import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AuditResult, auditRound, auditRoundInput, auditScanInput } from '@steward/shared';
import type { Database, Queryable } from '../../store/database.js';
import { findAssetsByTags, setAssetLocation, touchAssetAudit } from '../../store/register/assets.js';
import {
  auditRoundsTable, closeAuditRound, insertAuditScan, lockAuditRound, readExpectedAssets, readScannedAssets, readUnknownTags,
  type AuditedAsset,
} from '../../store/register/audits.js';
import { insertRecord } from '../../store/register/record-table.js';
import { subtreeOf } from '../../store/register/tree.js';
import { ApiProblem } from '../errors.js';
import type { Actor } from './actor.js';
import { withConstraintAnswers } from './constraint-errors.js';
import { readRecord } from './records.js';
import { recordSighting } from './sightings.js';
import { auditChanges, recordChanges } from './record-changes.js';

type AuditRound = z.infer<typeof auditRound>;

export async function startAudit(db: Database, actor: Actor, input: z.infer<typeof auditRoundInput>): Promise<AuditRound> {
  return withConstraintAnswers(() => db.transaction(async (tx) => {
    const id = randomUUID();
    await insertRecord(tx, auditRoundsTable, id, { ...input, startedBy: actor.username });
    const after = await readRecord<AuditRound>(tx, auditRoundsTable, id);
    await recordChanges(tx, actor, [{ objectType: 'audit_round', objectId: id, action: 'started', before: null, after }]);
    return after;
  }));
}

async function scopeOf(tx: Queryable, round: { locationId: string; includeSublocations: boolean }): Promise<string[]> {
  return round.includeSublocations ? subtreeOf(tx, 'register_locations', [round.locationId]) : [round.locationId];
}

async function openRound(tx: Queryable, id: string) {
  const round = await lockAuditRound(tx, id);
  if (!round) throw new ApiProblem(404, 'not_found', `no audit round with id ${id}`);
  if (round.closed) throw new ApiProblem(409, 'audit_closed', 'this audit round is closed');
  return round;
}

export type ScanVerdict = 'expected' | 'wrong_place' | 'not_expected' | 'unknown';

/** Records one scanned tag: the asset's last-audited time is updated and the scan judged at once. */
export async function scanTag(db: Database, actor: Actor, roundId: string, scan: z.infer<typeof auditScanInput>) {
  return withConstraintAnswers(() => db.transaction(async (tx) => {
    const round = await openRound(tx, roundId);
    const scope = await scopeOf(tx, round);
    const locationId = scan.locationId ?? round.locationId;
    if (!scope.includes(locationId)) {
      throw new ApiProblem(400, 'outside_round', 'locationId: not within the location this round audits', ['locationId: not within the round']);
    }
    const [asset] = await findAssetsByTags(tx, [scan.tag]);
    await insertAuditScan(tx, { roundId, tag: scan.tag, assetId: asset?.id ?? null, locationId, scannedBy: actor.username });
    if (!asset) {
      await auditChanges(tx, actor, [{ objectType: 'audit_round', objectId: roundId, action: 'scanned', before: null, after: { tag: scan.tag, locationId, verdict: 'unknown' } }]);
      return { tag: scan.tag, assetId: null, verdict: 'unknown' as ScanVerdict };
    }
    await touchAssetAudit(tx, asset.id, new Date());
    if (scan.position) await recordSighting(tx, actor, asset.id, scan.position, 'audit_scan');
    const verdict: ScanVerdict = !asset.locationId || !scope.includes(asset.locationId) ? 'not_expected'
      : asset.locationId === locationId ? 'expected' : 'wrong_place';
    await auditChanges(tx, actor, [{ objectType: 'asset', objectId: asset.id, action: 'scanned', before: null, after: { auditRound: roundId, locationId, verdict } }]);
    return { tag: asset.tag, assetId: asset.id, verdict };
  }));
}

const ref = (a: AuditedAsset) => ({
  assetId: a.assetId, tag: a.tag, name: a.name, recordedLocation: a.recordedLocation, scannedLocation: a.scannedLocation,
});

/**
 * The round's three lists: expected here but not found, found but registered elsewhere (or nowhere),
 * and found within the round's area but in another place than the register says.
 */
export async function auditResult(db: Queryable, roundId: string): Promise<AuditResult> {
  const round = await readRecord<AuditRound>(db, auditRoundsTable, roundId);
  const scope = new Set(await scopeOf(db, round));
  const [expected, scanned, unknownTags] = [
    await readExpectedAssets(db, [...scope]), await readScannedAssets(db, roundId), await readUnknownTags(db, roundId),
  ];
  const found = new Set(scanned.map((s) => s.assetId));
  const inScope = (s: AuditedAsset) => s.recordedLocationId !== null && scope.has(s.recordedLocationId);
  const byTag = (a: { tag: string }, b: { tag: string }) => a.tag.localeCompare(b.tag);
  return {
    round,
    expectedNotFound: expected.filter((e) => !found.has(e.assetId)).map(ref),
    foundNotExpected: scanned.filter((s) => !inScope(s)).sort(byTag).map(ref),
    foundWrongPlace: scanned.filter((s) => inScope(s) && s.recordedLocationId !== s.scannedLocationId).sort(byTag).map(ref),
    unknownTags,
  };
}

/** Closes a round; optionally moves what was found elsewhere to where it was scanned. */
export async function closeAudit(db: Database, actor: Actor, roundId: string, relocateFound: boolean): Promise<AuditResult> {
  await db.transaction(async (tx) => {
    await openRound(tx, roundId);
    if (relocateFound) {
      const result = await auditResult(tx, roundId);
      const moved = [...result.foundWrongPlace, ...result.foundNotExpected];
      const scanned = new Map((await readScannedAssets(tx, roundId)).map((s) => [s.assetId, s]));
      for (const item of moved) {
        const to = scanned.get(item.assetId)!;
        await setAssetLocation(tx, item.assetId, to.scannedLocationId);
      }
      await recordChanges(tx, actor, moved.map((m) => ({
        objectType: 'asset' as const, objectId: m.assetId, action: 'relocated_by_audit',
        before: { location: m.recordedLocation }, after: { location: m.scannedLocation, auditRound: roundId },
      })), { action: 'audit_round.relocate', objectType: 'audit_round', objectId: roundId });
    }
    await closeAuditRound(tx, roundId, actor.username);
    await recordChanges(tx, actor, [{ objectType: 'audit_round', objectId: roundId, action: 'closed', before: null, after: { relocateFound } }]);
  });
  return auditResult(db, roundId);
}
