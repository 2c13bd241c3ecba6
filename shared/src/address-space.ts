import { z } from 'zod';
import { isoDateTime } from './text.js';

/*
 * The IP address space: the subnets the organisation uses (from sweep ranges and the interfaces
 * agents and network devices report), which addresses are in use by which device and MAC, what is
 * free, and addresses held by two MACs at once.
 */

export const addressSource = z.enum(['sweep', 'agent', 'snmp', 'ssh']);

export const subnetSummary = z.object({
  cidr: z.string(),
  /** Where the subnet was learnt from. */
  sources: z.array(addressSource),
  /** Usable addresses (IPv4 only: an IPv6 subnet is not counted). */
  size: z.number().int().nullable(),
  used: z.number().int(),
  free: z.number().int().nullable(),
  conflicts: z.number().int(),
});
export type SubnetSummary = z.infer<typeof subnetSummary>;

export const addressHolder = z.object({
  mac: z.string().nullable(),
  deviceId: z.uuid(),
  hostname: z.string(),
  kind: z.enum(['agent', 'snmp', 'ssh']),
  firstSeen: isoDateTime,
  lastSeen: isoDateTime,
});

export const addressInUse = z.object({
  address: z.string(),
  holders: z.array(addressHolder),
  /** Two or more MACs held the address within the conflict window. */
  conflict: z.boolean(),
});
export type AddressInUse = z.infer<typeof addressInUse>;

export const freeRange = z.object({ first: z.string(), last: z.string(), count: z.number().int() });

export const subnetDetail = z.object({
  subnet: subnetSummary,
  addresses: z.array(addressInUse),
  /** Runs of unused addresses (IPv4 subnets up to a /16). */
  freeRanges: z.array(freeRange).nullable(),
});
export type SubnetDetail = z.infer<typeof subnetDetail>;

export const subnetQuery = z.object({ cidr: z.string().min(3).max(64) });
