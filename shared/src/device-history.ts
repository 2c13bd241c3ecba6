import { z } from 'zod';
import { isoDateTime } from './text.js';

/** What changed on a device and when: software added, removed or upgraded, newest first. */
export const softwareChangeView = z.object({
  time: isoDateTime,
  change: z.enum(['added', 'removed', 'upgraded']),
  source: z.string(),
  name: z.string(),
  arch: z.string().nullable(),
  oldVersion: z.string().nullable(),
  newVersion: z.string().nullable(),
});
export type SoftwareChangeView = z.infer<typeof softwareChangeView>;

export const deviceHistoryQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) });
export const deviceHistory = z.object({ items: z.array(softwareChangeView) });
export type DeviceHistory = z.infer<typeof deviceHistory>;
