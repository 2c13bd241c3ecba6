import { outboundPolicy, type OutboundPolicy } from '../alerts/outbound/address-policy.js';
import { currentPolicy } from '../alerts/outbound/current-policy.js';
import { outboundRequest } from '../alerts/outbound/outbound-request.js';
import type { CollectorContext } from '../context.js';
import { getDomain, listDomains, recordDomainLookup, recordDomainLookupError } from '../store/domains/domains.js';
import { readRdapServers } from '../store/domains/rdap-servers.js';
import { parseRdapDomain } from './parse-rdap.js';

/** The public bootstrap service that redirects to each TLD's registry, where nothing else is configured. */
export const DEFAULT_RDAP_BASE = 'https://rdap.org/';
/** The bootstrap service answers with a redirect to the registry; a chain longer than this is not RDAP. */
const MAX_REDIRECTS = 3;
/** An RDAP answer for one domain is a few kilobytes; anything far larger is not one. */
const MAX_ANSWER_BYTES = 1024 * 1024;

function rdapBaseFor(name: string, servers: Record<string, string>, override: string | null): string {
  const tld = name.slice(name.lastIndexOf('.') + 1);
  const base = override ?? servers[tld] ?? servers['*'] ?? DEFAULT_RDAP_BASE;
  return base.endsWith('/') ? base : `${base}/`;
}

/** GETs the answer under the outbound policy, each redirect checked like the first address. */
async function fetchRdap(policy: OutboundPolicy, url: string, timeoutMs: number): Promise<unknown> {
  let at = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const answer = await outboundRequest(policy, { method: 'GET', url: at, headers: { accept: 'application/rdap+json, application/json' }, timeoutMs });
    const location = answer.headers.location;
    if (answer.status >= 300 && answer.status < 400 && location) {
      at = new URL(location, at).toString();
      continue;
    }
    if (answer.status === 404) throw new Error('the registry does not know this domain (404)');
    if (answer.status < 200 || answer.status >= 300) throw new Error(`the registry answered ${answer.status}`);
    if (answer.body.length > MAX_ANSWER_BYTES) throw new Error('the registry answered more than an RDAP domain object');
    try {
      return JSON.parse(answer.body) as unknown;
    } catch {
      throw new Error('the registry answered something that is not JSON');
    }
  }
  throw new Error(`more than ${MAX_REDIRECTS} redirects from ${url}`);
}

/** Asks the registry about one watched domain; a failure keeps the last good data and records why. */
export async function lookupDomain(ctx: CollectorContext, name: string): Promise<{ ok: boolean; error?: string }> {
  const domain = await getDomain(ctx.db, name);
  if (!domain) return { ok: false, error: 'not watched' };
  const url = `${rdapBaseFor(name, await readRdapServers(ctx.db), domain.rdap_url)}domain/${encodeURIComponent(name)}`;
  try {
    const timeoutMs = ctx.config.rdapTimeoutSeconds * 1000;
    // The administrator's "public addresses only" setting covers registries too: read at each look-up.
    const policy = await currentPolicy(ctx.db, outboundPolicy(ctx.config.outboundAllow));
    const found = parseRdapDomain(await fetchRdap(policy, url, timeoutMs));
    await recordDomainLookup(ctx.db, name, found);
    return { ok: true };
  } catch (error) {
    const message = (error as Error).message;
    ctx.log.warn({ domain: name, err: message }, 'domain look-up failed');
    await recordDomainLookupError(ctx.db, name, message);
    return { ok: false, error: message };
  }
}

/** Refreshes every watched domain, a few at a time so one slow registry does not hold the others. */
export async function refreshDomains(ctx: CollectorContext): Promise<{ checked: number; failed: number }> {
  const names = (await listDomains(ctx.db)).map((d) => d.name);
  let failed = 0;
  let next = 0;
  const worker = async () => {
    while (next < names.length) if (!(await lookupDomain(ctx, names[next++]!)).ok) failed++;
  };
  await Promise.all(Array.from({ length: Math.min(4, names.length) }, worker));
  return { checked: names.length, failed };
}
