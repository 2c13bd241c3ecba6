import { randomUUID } from 'node:crypto';
import type { Database } from '../../../store/database.js';
import { findTakenTags, settleAssetsAfterLoad } from '../../../store/register/assets.js';
import { insertAssignments, type NewAssignment } from '../../../store/register/assignments.js';
import { finishImport, getImport } from '../../../store/register/imports.js';
import { insertImportedAssets } from '../../../store/register/imported-assets.js';
import { ApiProblem } from '../../errors.js';
import type { Actor } from '../actor.js';
import { withConstraintAnswers } from '../constraint-errors.js';
import { auditChanges, recordChanges } from '../record-changes.js';
import { allocateTags } from '../tags.js';
import type { ImportedAsset } from './check-rows.js';
import { createMissingReferences } from './create-references.js';
import { settledCheck, type StoredCheck } from './preview.js';
import type { ReferenceIndex } from './reference-index.js';

/** Columns the store manages itself that an import sets: who holds each checked-out asset. */
const HOLDER_COLUMNS = {
  assignedType: { column: 'assigned_type', type: 'text' },
  assignedId: { column: 'assigned_id', type: 'uuid' },
} as const;

async function refuseTakenTags(db: Parameters<typeof findTakenTags>[0], assets: ImportedAsset[]): Promise<void> {
  const taken = await findTakenTags(db, assets.map((a) => a.tag).filter((t): t is string => Boolean(t)));
  if (taken.size === 0) return;
  const issues = assets.filter((a) => a.tag && taken.has(a.tag.toLowerCase())).map((a) => `row ${a.row}: tag ${a.tag} was added to the register after the preview`);
  throw new ApiProblem(409, 'tags_taken', 'some tags were registered since the preview; preview the file again', issues.slice(0, 100));
}

function assetRecord(a: ImportedAsset, id: string, tag: string, refs: ReferenceIndex, personId: string | undefined) {
  return {
    id, tag, name: a.name, categoryId: a.categoryId, status: a.status, serial: a.serial,
    modelId: a.model ? refs.model(a.model.name, a.model.manufacturer ?? undefined) ?? null : null,
    locationId: a.location ? refs.location(a.location) ?? null : null,
    departmentId: a.department ? refs.find('departments', a.department) ?? null : null,
    vendorId: a.supplier ? refs.find('vendors', a.supplier) ?? null : null,
    purchaseDate: a.purchaseDate, purchaseCost: a.purchaseCost, currency: a.currency, orderNumber: a.orderNumber,
    invoiceNumber: a.invoiceNumber, warrantyExpires: a.warrantyExpires, expiresOn: a.expiresOn, eolDate: a.eolDate,
    notes: a.notes, customFields: a.customFields,
    assignedType: personId ? 'person' : null, assignedId: personId ?? null,
  };
}

/**
 * Writes a previewed import in one transaction. With rows in error nothing is written unless the
 * user accepts importing the good rows; either way the register never holds half an import.
 */
export async function commitImport(db: Database, actor: Actor, importId: string, acceptValidRows: boolean) {
  const answer = await writeImport(db, actor, importId, acceptValidRows);
  if (answer.imported >= 1_000) await settleAssetsAfterLoad(db);
  return answer;
}

async function writeImport(db: Database, actor: Actor, importId: string, acceptValidRows: boolean) {
  return withConstraintAnswers(() => db.transaction(async (tx) => {
    const stored = await getImport(tx, importId, true);
    if (!stored) throw new ApiProblem(404, 'not_found', `no import with id ${importId}`);
    if (stored.state !== 'previewed') throw new ApiProblem(409, 'import_settled', `this import was already ${stored.state}`);
    if (stored.errorRows > 0 && !acceptValidRows) {
      throw new ApiProblem(409, 'import_has_errors', `${stored.errorRows} rows have errors; fix the file, or accept importing only the ${stored.totalRows - stored.errorRows} good rows`);
    }
    const check = JSON.parse(stored.checked) as StoredCheck;
    const assets = check.assets ?? [];
    await refuseTakenTags(tx, assets);
    const { refs, created } = await createMissingReferences(tx, assets);
    const newTags = await allocateTags(tx, assets.filter((a) => !a.tag).length);
    const now = new Date();
    const records = [];
    const assignments: NewAssignment[] = [];
    for (const a of assets) {
      const id = randomUUID();
      const found = a.assignee ? refs.person(a.assignee) : undefined;
      const personId = found && 'id' in found ? found.id : undefined;
      records.push(assetRecord(a, id, a.tag ?? newTags.shift()!, refs, personId));
      if (personId) {
        assignments.push({ id: randomUUID(), assetId: id, targetType: 'person', targetId: personId, checkedOutAt: now, checkedOutBy: actor.username, expectedReturn: null, note: 'imported from CSV' });
      }
    }
    await insertImportedAssets(tx, records, HOLDER_COLUMNS, actor.username, `imported from CSV (${importId})`);
    await insertAssignments(tx, assignments);
    await finishImport(tx, importId, 'committed', records.length, settledCheck(check));
    // One audit entry names every asset and reference the import created and every check-out it made.
    await recordChanges(tx, actor, created, {
      action: 'import.commit', objectType: 'import', objectId: importId,
      also: [
        ...records.map((r) => ({ objectType: 'asset' as const, objectId: r.id, action: 'imported' })),
        ...assignments.map((g) => ({ objectType: 'asset' as const, objectId: g.assetId, action: 'checked_out' })),
      ],
      details: { fileName: stored.fileName ?? null, imported: records.length, skipped: stored.errorRows },
    });
    return { importId, imported: records.length, skipped: stored.errorRows };
  }));
}

export async function discardImport(db: Database, actor: Actor, importId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const stored = await getImport(tx, importId, true);
    if (!stored) throw new ApiProblem(404, 'not_found', `no import with id ${importId}`);
    if (stored.state !== 'previewed') throw new ApiProblem(409, 'import_settled', `this import was already ${stored.state}`);
    await finishImport(tx, importId, 'discarded', null, settledCheck(JSON.parse(stored.checked) as StoredCheck));
    await auditChanges(tx, actor, [], { action: 'import.discard', objectType: 'import', objectId: importId, details: { fileName: stored.fileName ?? null } });
  });
}
