import { z } from 'zod';
import { text } from './text.js';

/** One search box across the estate: devices, register assets, people and software titles. */
export const globalSearchQuery = z.object({
  q: text(128).trim().min(2, 'type at least 2 characters'),
  /** Results per kind. */
  limit: z.coerce.number().int().min(1).max(25).default(6),
});
export type GlobalSearchQuery = z.infer<typeof globalSearchQuery>;

/** What a device was found by: its own identifiers, or the asset it is linked to. */
export const deviceHitVia = z.enum(['hostname', 'serial', 'mac', 'ip', 'asset']);

export const globalSearchAnswer = z.object({
  /** Each kind is present only when the caller's role may read it. */
  devices: z.array(z.object({
    id: z.uuid(),
    hostname: z.string(),
    kind: z.enum(['agent', 'snmp', 'ssh']),
    serialNumber: z.string().nullable(),
    via: deviceHitVia,
    assetTag: z.string().nullable(),
  })).optional(),
  assets: z.array(z.object({
    id: z.uuid(),
    tag: z.string(),
    name: z.string(),
    serial: z.string().nullable(),
    status: z.string(),
    hostname: z.string().nullable(),
  })).optional(),
  people: z.array(z.object({
    id: z.uuid(),
    name: z.string(),
    email: z.string().nullable(),
    username: z.string().nullable(),
  })).optional(),
  software: z.array(z.object({ name: z.string(), publisher: z.string().nullable() })).optional(),
});
export type GlobalSearchAnswer = z.infer<typeof globalSearchAnswer>;
