import type { CustomFieldDefinition } from '@steward/shared';
import type { Queryable } from '../database.js';

export interface NamedRow { id: string; name: string }
export interface CategoryRef extends NamedRow { key: string | null; parentId: string | null; customFields: CustomFieldDefinition[] }
export interface ModelRef extends NamedRow { manufacturerId: string | null; categoryId: string; modelNumber: string | null }
export interface LocationRef extends NamedRow { parentId: string | null }
export interface PersonRef extends NamedRow { email: string | null; username: string | null; employeeNumber: string | null; active: boolean }

/** Everything an import resolves names against, read at once: reference tables stay small beside assets. */
export interface ImportReferences {
  categories: CategoryRef[];
  models: ModelRef[];
  manufacturers: NamedRow[];
  vendors: NamedRow[];
  departments: NamedRow[];
  locations: LocationRef[];
  people: PersonRef[];
}

export async function readImportReferences(db: Queryable): Promise<ImportReferences> {
  // One after another: inside a transaction the queries share one connection anyway.
  const categories = await db.query<CategoryRef>('select id, name, key, parent_id as "parentId", custom_fields as "customFields" from register_categories');
  const models = await db.query<ModelRef>('select id, name, manufacturer_id as "manufacturerId", category_id as "categoryId", model_number as "modelNumber" from register_models');
  const manufacturers = await db.query<NamedRow>('select id, name from register_manufacturers');
  const vendors = await db.query<NamedRow>('select id, name from register_vendors');
  const departments = await db.query<NamedRow>('select id, name from register_departments');
  const locations = await db.query<LocationRef>('select id, name, parent_id as "parentId" from register_locations');
  const people = await db.query<PersonRef>('select id, name, email, username, employee_number as "employeeNumber", active from register_people');
  return {
    categories: categories.rows, models: models.rows, manufacturers: manufacturers.rows, vendors: vendors.rows,
    departments: departments.rows, locations: locations.rows, people: people.rows,
  };
}
