import {
  assetModel, categoryRecord, departmentRecord, listAnswer, locationRecord, manufacturerRecord, personRecord, vendorRecord,
} from '@steward/shared';
import type { z } from 'zod';
import type { AnswerSchema, ApiClient } from './api-client.js';
import { noContent } from './no-content.js';

/** The register's reference lists, each under /api/v1/register/<path>. */
export const REFERENCE_SCHEMAS = {
  people: personRecord,
  departments: departmentRecord,
  locations: locationRecord,
  vendors: vendorRecord,
  manufacturers: manufacturerRecord,
  models: assetModel,
  categories: categoryRecord,
} as const;
export type ReferencePath = keyof typeof REFERENCE_SCHEMAS;
export type ReferenceRecord<P extends ReferencePath> = z.infer<(typeof REFERENCE_SCHEMAS)[P]>;
/** What every reference record has, for screens that treat them alike. */
export interface AnyReference { id: string; name: string; [field: string]: unknown }

const LIST_LIMIT = 500;

export function fetchReferences<P extends ReferencePath>(api: ApiClient, path: P, signal?: AbortSignal) {
  const schema = listAnswer(REFERENCE_SCHEMAS[path]) as unknown as AnswerSchema<{ items: ReferenceRecord<P>[]; total: number; totalCapped: boolean }>;
  return api.request(schema, `/api/v1/register/${path}`, { signal, query: { limit: LIST_LIMIT, sort: 'name' } });
}

export function createReference(api: ApiClient, path: ReferencePath, body: Record<string, unknown>): Promise<AnyReference> {
  return api.request(REFERENCE_SCHEMAS[path] as unknown as AnswerSchema<AnyReference>, `/api/v1/register/${path}`, { method: 'POST', body });
}

export function updateReference(api: ApiClient, path: ReferencePath, id: string, body: Record<string, unknown>): Promise<AnyReference> {
  return api.request(REFERENCE_SCHEMAS[path] as unknown as AnswerSchema<AnyReference>, `/api/v1/register/${path}/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function deleteReference(api: ApiClient, path: ReferencePath, id: string): Promise<null> {
  return api.request(noContent, `/api/v1/register/${path}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
