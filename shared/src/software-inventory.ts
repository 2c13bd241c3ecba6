import { z } from 'zod';
import { isoDateTime } from './text.js';

/** Installed software across the estate, found by name: which titles, on how many devices. */
export const softwareSearchQuery = z.object({
  search: z.string().trim().min(2, 'type at least 2 characters').max(128),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type SoftwareSearchQuery = z.infer<typeof softwareSearchQuery>;

export const softwareTitleSummary = z.object({
  name: z.string(),
  publisher: z.string().nullable(),
  /** The versions installed, lowest first (at most 20 of them). */
  versions: z.array(z.string()),
  devices: z.number().int().nonnegative(),
  installs: z.number().int().nonnegative(),
});
export type SoftwareTitleSummary = z.infer<typeof softwareTitleSummary>;
export const softwareSearchAnswer = z.object({ items: z.array(softwareTitleSummary) });

/** The devices holding one title (by exact name, and publisher and version when given). */
export const softwareHoldersQuery = z.object({
  name: z.string().min(1).max(512),
  publisher: z.string().max(512).optional(),
  version: z.string().max(256).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type SoftwareHoldersQuery = z.infer<typeof softwareHoldersQuery>;

export const softwareHolder = z.object({
  deviceId: z.uuid(),
  hostname: z.string(),
  version: z.string().nullable(),
  installDate: z.string().nullable(),
  lastSeen: isoDateTime,
});
export type SoftwareHolder = z.infer<typeof softwareHolder>;
export const softwareHoldersAnswer = z.object({ items: z.array(softwareHolder), total: z.number().int().nonnegative() });
