import { z } from 'zod';
import { isoDateTime } from './text.js';

/** Live events the collector fans out to dashboards (through PostgreSQL, so every collector sees them). */
export const liveEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('device.changed'),
    deviceId: z.uuid(),
    change: z.enum(['created', 'updated']),
    at: isoDateTime,
  }),
  z.object({
    type: z.literal('agent.connection'),
    agentId: z.uuid(),
    online: z.boolean(),
    at: isoDateTime,
  }),
]);
export type LiveEvent = z.infer<typeof liveEvent>;
