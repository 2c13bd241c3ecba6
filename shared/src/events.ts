import { z } from 'zod';
import { isoDateTime } from './text.js';

/** Live events the collector fans out to dashboards (through PostgreSQL, so every collector sees them). */
export const liveEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('device.changed'),
    deviceId: z.uuid(),
    change: z.enum(['created', 'updated']),
    /** Only the device's software moved: its identity, hardware and OS are as they were. */
    softwareOnly: z.boolean().optional(),
    at: isoDateTime,
  }),
  z.object({
    type: z.literal('agent.connection'),
    agentId: z.uuid(),
    online: z.boolean(),
    at: isoDateTime,
  }),
  z.object({
    type: z.literal('alert.changed'),
    alertId: z.uuid(),
    ruleId: z.uuid(),
    change: z.enum(['opened', 'updated', 'acknowledged', 'snoozed', 'reminded', 'resolved']),
    severity: z.enum(['info', 'warning', 'critical']),
    summary: z.string(),
    at: isoDateTime,
  }),
  z.object({
    type: z.literal('register.changed'),
    /** asset, category, model, person, ... as in the register's history. */
    objectType: z.string(),
    /** The object changed; for a CSV import, the import's id. */
    objectId: z.string(),
    action: z.string(),
    at: isoDateTime,
  }),
  z.object({
    type: z.literal('finding.changed'),
    findingId: z.uuid(),
    /** The finding's state after the change. */
    state: z.enum(['open', 'acknowledged', 'resolved', 'dismissed']),
    action: z.string(),
    at: isoDateTime,
  }),
]);
export type LiveEvent = z.infer<typeof liveEvent>;

/**
 * What a dashboard sends on `/api/v1/events`: browsers cannot set headers on a WebSocket, so the
 * session token comes as the first message, never in the URL where logs would keep it.
 */
export const dashboardMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('auth'), token: z.string().min(1).max(512) }),
]);
export type DashboardMessage = z.infer<typeof dashboardMessage>;

/** What the collector answers on `/api/v1/events` besides live events. */
export const eventsControlMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type EventsControlMessage = z.infer<typeof eventsControlMessage>;
