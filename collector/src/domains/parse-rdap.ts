import { z } from 'zod';

/** What Steward keeps of a registry's RDAP answer for a domain. */
export interface RdapDomain {
  registrar: string | null;
  registeredOn: string | null;
  expiresOn: string | null;
  nameServers: string[];
  statuses: string[];
}

const vcard = z.array(z.unknown());
const entity: z.ZodType<{ roles?: string[]; vcardArray?: unknown[]; handle?: string; entities?: unknown[] }> = z.object({
  roles: z.array(z.string()).optional(),
  vcardArray: vcard.optional(),
  handle: z.string().optional(),
  entities: z.array(z.unknown()).optional(),
}).loose();

const rdapAnswer = z.object({
  objectClassName: z.literal('domain'),
  ldhName: z.string().optional(),
  events: z.array(z.object({ eventAction: z.string(), eventDate: z.string() }).loose()).default([]),
  entities: z.array(entity).default([]),
  nameservers: z.array(z.object({ ldhName: z.string() }).loose()).default([]),
  status: z.array(z.string()).default([]),
}).loose();

/** The formatted name ("fn") of a jCard: ["vcard", [["fn", {}, "text", "Name"], ...]]. */
function vcardName(card: unknown[] | undefined): string | null {
  const properties = Array.isArray(card?.[1]) ? (card[1] as unknown[]) : [];
  for (const p of properties) {
    if (Array.isArray(p) && p[0] === 'fn' && typeof p[3] === 'string' && p[3].trim()) return p[3].trim();
  }
  return null;
}

function isoOrNull(value: string | undefined): string | null {
  if (!value) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}

export class RdapAnswerError extends Error {}

/** Reads a registry's answer; anything that is not an RDAP domain object is refused, never half-read. */
export function parseRdapDomain(body: unknown): RdapDomain {
  const parsed = rdapAnswer.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RdapAnswerError(`not an RDAP domain answer (${issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'unreadable'})`);
  }
  const answer = parsed.data;
  const event = (action: string) => isoOrNull(answer.events.find((e) => e.eventAction === action)?.eventDate);
  const registrar = answer.entities.find((e) => e.roles?.includes('registrar'));
  return {
    registrar: registrar ? vcardName(registrar.vcardArray) ?? registrar.handle ?? null : null,
    registeredOn: event('registration'),
    expiresOn: event('expiration'),
    nameServers: answer.nameservers.map((n) => n.ldhName.toLowerCase().replace(/\.$/, '')).sort(),
    statuses: answer.status,
  };
}
