import { z } from 'zod';
import { isoDateTime, optionalText } from './text.js';

/** What the identity rules conclude about two sets of evidence. */
export const identityVerdict = z.enum(['same-device', 'separate', 'possible-duplicate']);
export type IdentityVerdict = z.infer<typeof identityVerdict>;

/** Why a person is asked about a device's identity. */
export const identityReviewKind = z.enum([
  /** Two devices whose evidence is not conclusive: merge them or keep them apart. */
  'possible-duplicate',
  /** A second agent presented the identity of a machine another agent (or the register) holds. */
  'claimed',
]);
export type IdentityReviewKind = z.infer<typeof identityReviewKind>;

export const identityReviewState = z.enum(['open', 'kept-apart', 'merged', 'accepted']);

export const identityReview = z.object({
  id: z.uuid(),
  kind: identityReviewKind,
  deviceId: z.uuid(),
  otherDeviceId: z.uuid().nullable(),
  agentId: z.uuid().nullable(),
  rule: z.string(),
  state: identityReviewState,
  evidence: z.record(z.string(), z.unknown()),
  createdAt: isoDateTime,
  decidedAt: isoDateTime.nullable(),
  decidedBy: z.string().nullable(),
});
export type IdentityReview = z.infer<typeof identityReview>;
export const identityReviewList = z.object({ items: z.array(identityReview) });

/** Merging two devices: the one kept, and the one folded into it. */
export const deviceMergeInput = z.object({
  keepDeviceId: z.uuid(),
  mergeDeviceId: z.uuid(),
  reason: optionalText(1024),
}).refine((v) => v.keepDeviceId !== v.mergeDeviceId, { path: ['mergeDeviceId'], message: 'a device cannot be merged into itself' });
export type DeviceMergeInput = z.infer<typeof deviceMergeInput>;

/** Keeping two devices apart: the rules' doubt is settled for this pair. */
export const keepApartInput = z.object({
  deviceId: z.uuid(),
  otherDeviceId: z.uuid(),
  reason: optionalText(1024),
}).refine((v) => v.deviceId !== v.otherDeviceId, { path: ['otherDeviceId'], message: 'a device is never apart from itself' });
export type KeepApartInput = z.infer<typeof keepApartInput>;

export const deviceMerge = z.object({
  id: z.uuid(),
  keptDeviceId: z.uuid(),
  mergedDeviceId: z.uuid(),
  mergedHostname: z.string(),
  mergedAt: isoDateTime,
  mergedBy: z.string(),
  unmergedAt: isoDateTime.nullable(),
  unmergedBy: z.string().nullable(),
});
export type DeviceMerge = z.infer<typeof deviceMerge>;
export const deviceMergeList = z.object({ items: z.array(deviceMerge) });

export const keptApartAnswer = z.object({ keptApart: z.literal(true) });

/** Letting a revoked machine enrol again: a person's decision, with a reason for the audit log. */
export const allowEnrolmentInput = z.object({ reason: optionalText(1024) });
