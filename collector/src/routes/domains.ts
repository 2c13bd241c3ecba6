import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { domainInput, domainName, rdapServers } from '@steward/shared';
import type { CollectorContext } from '../context.js';
import { domainView } from '../domains/domain-view.js';
import { lookupDomain } from '../domains/lookup-domain.js';
import { registerDomain } from '../domains/register-domain.js';
import { recordAudit } from '../services/audit.js';
import { ApiProblem } from '../services/errors.js';
import { deleteDomain, getDomain, insertDomain, listDomains } from '../store/domains/domains.js';
import { readRdapServers, writeRdapServers } from '../store/domains/rdap-servers.js';
import { requirePermission } from './auth.js';
import { apiDoc } from './openapi.js';
import { announce } from './register/announce.js';
import { validate } from './validate.js';

const nameParams = z.object({ name: domainName });
const registerBody = z.object({ ownerDepartmentId: z.uuid().optional() });

async function viewOf(ctx: CollectorContext, name: string) {
  const row = await getDomain(ctx.db, name);
  if (!row) throw new ApiProblem(404, 'not_found', `${name} is not watched`);
  return domainView(row, new Date());
}

/** The organisation's domains, refreshed from their registries over RDAP. */
export function domainRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get('/api/v1/domains', apiDoc({ tags: ['domains'], summary: 'Watched domains, soonest to lapse first' }), async (request) => {
    await requirePermission(ctx, request, 'discovery:read');
    const now = new Date();
    return { items: (await listDomains(ctx.db)).map((d) => domainView(d, now)) };
  });

  app.post('/api/v1/domains', apiDoc({ tags: ['domains'], summary: 'Watch a domain; its registry is asked at once', body: domainInput }), async (request, reply) => {
    const user = await requirePermission(ctx, request, 'discovery:write');
    const body = validate(domainInput, request.body, 'domain');
    const added = await ctx.db.transaction(async (tx) => {
      const inserted = await insertDomain(tx, body.name, body.rdapBaseUrl ?? null, user.username);
      if (inserted) await recordAudit(tx, { actor: user.username, actorRole: user.role, sourceIp: request.ip, action: 'domain.add', objectType: 'domain', objectId: body.name, after: body });
      return inserted;
    });
    if (!added) throw new ApiProblem(409, 'duplicate', `name: ${body.name} is already watched`, [`name: ${body.name} is already watched`]);
    await lookupDomain(ctx, body.name);
    return reply.code(201).send(await viewOf(ctx, body.name));
  });

  app.get('/api/v1/domains/rdap-servers', apiDoc({ tags: ['domains'], summary: 'Where RDAP look-ups go, per top-level domain' }), async (request) => {
    await requirePermission(ctx, request, 'discovery:read');
    return { servers: await readRdapServers(ctx.db) };
  });

  app.put('/api/v1/domains/rdap-servers', apiDoc({ tags: ['domains'], summary: 'Set where RDAP look-ups go', body: rdapServers }), async (request) => {
    const user = await requirePermission(ctx, request, 'discovery:write');
    const { servers } = validate(rdapServers, request.body, 'body');
    await ctx.db.transaction(async (tx) => {
      const before = await readRdapServers(tx);
      await writeRdapServers(tx, servers);
      await recordAudit(tx, { actor: user.username, actorRole: user.role, sourceIp: request.ip, action: 'domains.rdap-servers.update', objectType: 'settings', before, after: servers });
    });
    return { servers };
  });

  app.get('/api/v1/domains/:name', apiDoc({ tags: ['domains'], summary: 'One watched domain', params: nameParams }), async (request) => {
    await requirePermission(ctx, request, 'discovery:read');
    return viewOf(ctx, validate(nameParams, request.params, 'path').name);
  });

  app.post('/api/v1/domains/:name/refresh', apiDoc({ tags: ['domains'], summary: 'Ask the registry again now', params: nameParams }), async (request) => {
    await requirePermission(ctx, request, 'discovery:write');
    const { name } = validate(nameParams, request.params, 'path');
    await viewOf(ctx, name);
    await lookupDomain(ctx, name);
    return viewOf(ctx, name);
  });

  app.post('/api/v1/domains/:name/register', apiDoc({ tags: ['domains'], summary: 'Keep a watched domain in the register', params: nameParams, body: registerBody }), async (request, reply) => {
    const user = await requirePermission(ctx, request, 'register:write');
    const { name } = validate(nameParams, request.params, 'path');
    const { ownerDepartmentId } = validate(registerBody, request.body ?? {}, 'body');
    const asset = await registerDomain(ctx.db, user, name, ownerDepartmentId);
    await ctx.db.transaction((tx) => recordAudit(tx, { actor: user.username, actorRole: user.role, sourceIp: request.ip, action: 'domain.register', objectType: 'domain', objectId: name, after: { assetId: asset.id, tag: asset.tag } }));
    announce(ctx, 'asset', asset.id, 'created');
    return reply.code(201).send(asset);
  });

  app.delete('/api/v1/domains/:name', apiDoc({ tags: ['domains'], summary: 'Stop watching a domain', params: nameParams }), async (request, reply) => {
    const user = await requirePermission(ctx, request, 'discovery:write');
    const { name } = validate(nameParams, request.params, 'path');
    const removed = await ctx.db.transaction(async (tx) => {
      const gone = await deleteDomain(tx, name);
      if (gone) await recordAudit(tx, { actor: user.username, actorRole: user.role, sourceIp: request.ip, action: 'domain.remove', objectType: 'domain', objectId: name });
      return gone;
    });
    if (!removed) throw new ApiProblem(404, 'not_found', `${name} is not watched`);
    return reply.code(204).send();
  });
}
