import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../../store/database.js';
import { readImportReferences } from '../../../store/register/import-references.js';
import { insertManyRecords, type RecordTable } from '../../../store/register/record-table.js';
import {
  departmentsTable, locationsTable, manufacturersTable, modelsTable, peopleTable, vendorsTable,
} from '../../../store/register/reference-tables.js';
import type { RegisterChange } from '../record-changes.js';
import type { ImportedAsset } from './check-rows.js';
import { ReferenceIndex } from './reference-index.js';

type NewRecord = { id: string } & Record<string, unknown>;

async function insertWithHistory(tx: Queryable, spec: RecordTable, records: NewRecord[], history: RegisterChange[]) {
  await insertManyRecords(tx, spec, records);
  for (const after of records) history.push({ objectType: spec.objectType, objectId: after.id, action: 'created', before: null, after: { ...after, source: 'csv import' } });
}

/** Names to new records, one per distinct name (compared without case). */
function newByName(names: Iterable<string>, make: (name: string) => Record<string, unknown>): Map<string, NewRecord> {
  const made = new Map<string, NewRecord>();
  for (const name of names) if (!made.has(name.toLowerCase())) made.set(name.toLowerCase(), { id: randomUUID(), ...make(name) });
  return made;
}

/** The location paths not yet in the register, each missing level created beneath the one above. */
function newLocations(assets: ImportedAsset[], refs: ReferenceIndex): NewRecord[] {
  const created = new Map<string, NewRecord>();
  for (const parts of assets.map((a) => a.location).filter((l): l is string[] => Boolean(l))) {
    if (refs.location(parts)) continue;
    let parentId: string | null = null;
    parts.forEach((name, depth) => {
      const path = parts.slice(0, depth + 1);
      const key = path.join(' / ').toLowerCase();
      const existing = refs.location(path);
      const id: string = existing ?? created.get(key)?.id ?? (() => {
        const record = { id: randomUUID(), name, parentId, kind: 'other' };
        created.set(key, record);
        return record.id;
      })();
      parentId = id;
    });
  }
  return [...created.values()];
}

/**
 * Creates the manufacturers, vendors, departments, locations, models and people the rows name but
 * the register lacks, inside the import's transaction; returns an index that finds them all and
 * the records created, for the import's history and audit entry.
 */
export async function createMissingReferences(tx: Queryable, assets: ImportedAsset[]): Promise<{ refs: ReferenceIndex; created: RegisterChange[] }> {
  let refs = new ReferenceIndex(await readImportReferences(tx));
  const history: RegisterChange[] = [];
  const missing = (kind: 'manufacturers' | 'vendors' | 'departments', pick: (a: ImportedAsset) => string | null | undefined) =>
    newByName(assets.map(pick).filter((n): n is string => Boolean(n) && !refs.find(kind, n!)), (name) => ({ name }));

  await insertWithHistory(tx, manufacturersTable, [...missing('manufacturers', (a) => a.model?.manufacturer).values()], history);
  await insertWithHistory(tx, vendorsTable, [...missing('vendors', (a) => a.supplier).values()], history);
  await insertWithHistory(tx, departmentsTable, [...missing('departments', (a) => a.department).values()], history);
  await insertWithHistory(tx, locationsTable, newLocations(assets, refs), history);
  refs = new ReferenceIndex(await readImportReferences(tx));

  const models = new Map<string, NewRecord>();
  for (const a of assets) {
    if (!a.model || refs.model(a.model.name, a.model.manufacturer ?? undefined)) continue;
    const key = `${a.model.manufacturer ?? ''}|${a.model.name}`.toLowerCase();
    if (!models.has(key)) {
      const manufacturerId = a.model.manufacturer ? refs.find('manufacturers', a.model.manufacturer) ?? null : null;
      models.set(key, { id: randomUUID(), name: a.model.name, modelNumber: a.model.number, manufacturerId, categoryId: a.categoryId });
    }
  }
  await insertWithHistory(tx, modelsTable, [...models.values()], history);

  const people = new Map<string, NewRecord>();
  for (const a of assets) {
    if (!a.assignee || refs.person(a.assignee)) continue;
    const { name, email, username, employeeNumber } = a.assignee;
    const key = (email ?? username ?? employeeNumber ?? name ?? '').toLowerCase();
    if (!people.has(key)) people.set(key, { id: randomUUID(), name: name ?? email ?? username ?? employeeNumber, email, username, employeeNumber, active: true });
  }
  await insertWithHistory(tx, peopleTable, [...people.values()], history);
  return { refs: new ReferenceIndex(await readImportReferences(tx)), created: history };
}
