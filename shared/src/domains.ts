import { z } from 'zod';
import { isoDateTime, text } from './text.js';

/*
 * The organisation's domain names as their registry describes them over RDAP (RFC 9083): who the
 * registrar is, when the registration ends and which name servers it delegates to.
 */

const DOMAIN_NAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

export const domainName = text(253).trim().toLowerCase().transform((s) => s.replace(/\.$/, ''))
  .refine((s) => DOMAIN_NAME.test(s), 'must be a domain name such as example.org');

export const domainInput = z.object({
  name: domainName,
  /** The RDAP service to ask, when it is not the one configured for the domain's TLD. */
  rdapBaseUrl: z.url({ protocol: /^https?$/ }).optional(),
});
export type DomainInput = z.infer<typeof domainInput>;

export const domainView = z.object({
  name: z.string(),
  registrar: z.string().nullable(),
  registeredOn: isoDateTime.nullable(),
  expiresOn: isoDateTime.nullable(),
  /** Whole days from now to the end of the registration (negative once it has lapsed). */
  daysLeft: z.number().int().nullable(),
  nameServers: z.array(z.string()),
  statuses: z.array(z.string()),
  rdapUrl: z.string().nullable(),
  checkedAt: isoDateTime.nullable(),
  lastGoodAt: isoDateTime.nullable(),
  /** Why the last look-up failed; the data shown is then the last good one. */
  lastError: z.string().nullable(),
  assetId: z.uuid().nullable(),
  assetTag: z.string().nullable(),
});
export type DomainView = z.infer<typeof domainView>;

/** Where RDAP look-ups go, per top-level domain ("*" for all others). */
export const rdapServers = z.object({
  servers: z.record(z.string().regex(/^(\*|[a-z0-9-]{2,63})$/, 'must be a top-level domain or *'), z.url({ protocol: /^https?$/ })),
});
export type RdapServers = z.infer<typeof rdapServers>;
