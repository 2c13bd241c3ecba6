import { z } from 'zod';
import { isoDateTime } from './text.js';

/** One entry of the append-only, hash-chained audit log. */
export const auditEntry = z.object({
  id: z.number().int(),
  at: isoDateTime,
  actor: z.string(),
  actorRole: z.string().nullable(),
  sourceIp: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditList = z.object({ items: z.array(auditEntry), total: z.number().int().nonnegative() });

/** Which entries: by who, what kind of object, actions starting with a prefix, and a period. */
export const auditListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  objectType: z.string().max(64).optional(),
  actor: z.string().max(128).optional(),
  /** "agent." finds every agent action; "agent.revoke" that one. */
  action: z.string().max(128).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  order: z.enum(['newest', 'oldest']).default('newest'),
  format: z.enum(['json', 'csv']).default('json'),
});
export type AuditListQuery = z.infer<typeof auditListQuery>;

/** The outcome of recomputing every hash of the chain. */
export const auditVerdict = z.object({
  entries: z.number().int().nonnegative(),
  intact: z.boolean(),
  brokenAt: z.object({ id: z.number().int(), reason: z.string() }).optional(),
});
export type AuditVerdict = z.infer<typeof auditVerdict>;
