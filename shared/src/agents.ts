import { z } from 'zod';
import { isoDateTime } from './text.js';

/** Clock offsets from this many seconds on are shown as a problem: Kerberos refuses sign-in past five minutes. */
export const CLOCK_SKEW_WARN_SECONDS = 300;

/** "4 min 10 s ahead", "2 h 5 min behind": an agent's clock against the collector's, in the words one checks a clock with. */
export function describeClockSkew(seconds: number): string {
  const total = Math.round(Math.abs(seconds));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const parts = h > 0 ? [`${h} h`, m > 0 ? `${m} min` : ''] : m > 0 ? [`${m} min`, s > 0 ? `${s} s` : ''] : [`${s} s`];
  return `${parts.filter(Boolean).join(' ')} ${seconds >= 0 ? 'ahead' : 'behind'}`;
}

/** retired: another agent took its machine over (a reinstall); its history stays with the device. */
export const agentStatus = z.enum(['online', 'offline', 'revoked', 'retired', 'never-seen']);
export type AgentStatus = z.infer<typeof agentStatus>;

/** An enrolled agent as administrators see it. */
export const agentView = z.object({
  id: z.uuid(),
  hostname: z.string(),
  platform: z.string(),
  agentVersion: z.string(),
  deviceId: z.uuid().nullable(),
  enrolledAt: isoDateTime,
  lastSeenAt: isoDateTime.nullable(),
  lastAddress: z.string().nullable(),
  status: agentStatus,
  revokedBy: z.string().nullable(),
  /** How far the agent's clock was from the collector's at its last heartbeat (positive: ahead). */
  clockSkewSeconds: z.number().nullable(),
});
export type AgentView = z.infer<typeof agentView>;

export const agentList = z.object({ total: z.number().int().nonnegative(), items: z.array(agentView) });
export type AgentList = z.infer<typeof agentList>;

export const enrollmentSecretInput = z.object({
  label: z.string().trim().min(1).max(128),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
  /** How many enrolments the secret admits; absent for no limit. */
  maxUses: z.number().int().min(1).max(1_000_000).optional(),
  /** One enrolment only: an installer's secret. Same as maxUses 1. */
  singleUse: z.boolean().optional(),
}).refine((v) => !(v.singleUse && v.maxUses !== undefined && v.maxUses !== 1), { path: ['maxUses'], message: 'a single-use secret admits exactly 1 enrolment' });
export type EnrollmentSecretInput = z.infer<typeof enrollmentSecretInput>;

/** An enrolment secret as listed: never the secret itself, which is shown once when made. */
export const enrollmentSecretView = z.object({
  id: z.uuid(),
  label: z.string(),
  createdAt: isoDateTime,
  createdBy: z.string(),
  expiresAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
  maxUses: z.number().int().nullable(),
  uses: z.number().int(),
});
export type EnrollmentSecretView = z.infer<typeof enrollmentSecretView>;

export const enrollmentSecretList = z.object({ items: z.array(enrollmentSecretView) });

/** The answer to making a secret: the one time its text is given out. */
export const createdEnrollmentSecret = z.object({
  id: z.uuid(),
  label: z.string(),
  secret: z.string(),
  expiresAt: isoDateTime.nullable(),
  maxUses: z.number().int().nullable(),
});
export type CreatedEnrollmentSecret = z.infer<typeof createdEnrollmentSecret>;

/** The answer to revoking an agent or an enrolment secret. */
export const revokedAnswer = z.object({ revoked: z.literal(true) });
