import { z } from 'zod';
import { isoDateTime, text } from './text.js';

/*
 * The register's work away from the desk and its housekeeping: where a phone was when it scanned or
 * checked out an asset, a person's answer to a check-out they were asked to accept, and merging
 * duplicate reference records.
 */

// ---------------------------------------------------------------- where an asset was seen

/** The browser's position at a scan or check-out, given with the user's consent. */
export const devicePosition = z.object({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  /** Radius in metres within which the true position lies, as the browser reports it. */
  accuracy: z.number().min(0).max(1_000_000).nullable().optional(),
  at: isoDateTime,
});
export type DevicePosition = z.infer<typeof devicePosition>;

export const sightingSource = z.enum(['audit_scan', 'checkout']);
export const sighting = z.object({
  id: z.number().int(), assetId: z.uuid(), latitude: z.number(), longitude: z.number(), accuracy: z.number().nullable(),
  at: isoDateTime, source: sightingSource, recordedBy: z.string(),
});
export type Sighting = z.infer<typeof sighting>;

// ---------------------------------------------------------------- check-out acceptance

export const acceptanceState = z.enum(['pending', 'accepted', 'declined']);
export type AcceptanceState = z.infer<typeof acceptanceState>;

/** The link a person opens to accept a check-out, shown to the administrator who made it. */
export const acceptanceLink = z.object({
  assignmentId: z.uuid(),
  url: z.string(),
  expiresAt: isoDateTime,
  /** Whether the link went out by e-mail, and the relay's answer or why it did not. */
  emailed: z.boolean(),
  emailDetail: z.string().nullable(),
});
export type AcceptanceLink = z.infer<typeof acceptanceLink>;

/** The token travels in the body, never in an address, so request logs and proxies never hold it. */
export const acceptanceLookup = z.object({ token: z.string().min(16).max(128) });
export const acceptanceAnswer = acceptanceLookup.extend({
  decision: z.enum(['accepted', 'declined']),
  note: text(2000).nullable().optional(),
});
export type AcceptanceAnswer = z.infer<typeof acceptanceAnswer>;

/** What the person sees before answering: what they are asked to accept, and nothing more. */
export const acceptanceRequest = z.object({
  assetTag: z.string(), assetName: z.string(), serial: z.string().nullable(), personName: z.string(),
  checkedOutAt: isoDateTime, checkedOutBy: z.string(), expectedReturn: z.string().nullable(), note: z.string().nullable(),
  expiresAt: isoDateTime, state: acceptanceState,
});
export type AcceptanceRequest = z.infer<typeof acceptanceRequest>;

// ---------------------------------------------------------------- merging duplicates

export const mergeRequest = z.object({ intoId: z.uuid() });
export const mergeQuery = z.object({ intoId: z.uuid() });

/** One column that refers to the record being merged, and how many of its rows do. */
export const mergeReference = z.object({ table: z.string(), column: z.string(), rows: z.number().int() });
export const mergePreview = z.object({
  from: z.object({ id: z.uuid(), name: z.string() }),
  into: z.object({ id: z.uuid(), name: z.string() }),
  references: z.array(mergeReference),
  /** Rows that will point at the surviving record instead. */
  total: z.number().int(),
  /** Why the merge cannot be done, when it cannot. */
  refusal: z.string().nullable(),
});
export type MergePreview = z.infer<typeof mergePreview>;
