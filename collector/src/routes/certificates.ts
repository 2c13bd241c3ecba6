import { X509Certificate } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { certificateListQuery, certificateRegisterRequest, certificateScanRequest } from '@steward/shared';
import { certificateView } from '../certificates/certificate-view.js';
import { registerCertificate } from '../certificates/register-certificate.js';
import type { CollectorContext } from '../context.js';
import { recordAudit } from '../services/audit.js';
import { ApiProblem } from '../services/errors.js';
import { networkRuntimeOf } from '../services/network/network-runtime.js';
import { getCertificate, listCertificates } from '../store/certificates/certificates.js';
import { getCertificateScan } from '../store/certificates/scans.js';
import { trustedCertificateAuthorities, writeTrustedCertificateAuthorities } from '../store/certificates/trust-settings.js';
import { requirePermission } from './auth.js';
import { apiDoc } from './openapi.js';
import { announce } from './register/announce.js';
import { validate } from './validate.js';

const idParams = z.object({ id: z.uuid() });
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;
const trustedAuthorities = z.object({
  pems: z.array(z.string().max(64 * 1024).regex(PEM_CERTIFICATE, 'must be a PEM certificate')
    .refine((pem) => { try { return new X509Certificate(pem).ca; } catch { return false; } }, 'must be a CA certificate')).max(100),
});

/** TLS certificates found on the network, the scans that find them, and the CAs the organisation trusts. */
export function certificateRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.post('/api/v1/certificates/scans', apiDoc({ tags: ['certificates'], summary: 'Probe hosts and ports for the TLS certificates they present, in the background', body: certificateScanRequest }), async (request, reply) => {
    const user = await requirePermission(ctx, request, 'discovery:write');
    const body = validate(certificateScanRequest, request.body, 'scan');
    const view = await networkRuntimeOf(ctx).certificates.start({ username: user.username, role: user.role, sourceIp: request.ip }, body);
    return reply.code(202).header('location', `/api/v1/certificates/scans/${view.id}`).send(view);
  });

  app.get('/api/v1/certificates/scans/:id', apiDoc({ tags: ['certificates'], summary: 'A certificate scan and how it went', params: idParams }), async (request) => {
    await requirePermission(ctx, request, 'discovery:read');
    const { id } = validate(idParams, request.params, 'path');
    const view = await getCertificateScan(ctx.db, id);
    if (!view) throw new ApiProblem(404, 'not_found', `no certificate scan with id ${id}`);
    return view;
  });

  app.get('/api/v1/certificates', apiDoc({ tags: ['certificates'], summary: 'Certificates found, soonest to end first, with where each is presented and what is wrong', querystring: certificateListQuery }), async (request) => {
    await requirePermission(ctx, request, 'discovery:read');
    const query = validate(certificateListQuery, request.query, 'query');
    const now = new Date();
    const items = (await listCertificates(ctx.db, query, now)).map((r) => certificateView(r, now));
    return { items: query.problem ? items.filter((c) => c.endpoints.some((e) => e.problems.includes(query.problem!))) : items };
  });

  app.get('/api/v1/certificates/trusted-authorities', apiDoc({ tags: ['certificates'], summary: "The organisation's own CAs, trusted beside the system's roots" }), async (request) => {
    await requirePermission(ctx, request, 'discovery:read');
    return { pems: await trustedCertificateAuthorities(ctx.db) };
  });

  app.put('/api/v1/certificates/trusted-authorities', apiDoc({ tags: ['certificates'], summary: "Set the organisation's own CAs", body: trustedAuthorities }), async (request) => {
    const user = await requirePermission(ctx, request, 'discovery:write');
    const { pems } = validate(trustedAuthorities, request.body, 'body');
    await ctx.db.transaction(async (tx) => {
      const before = await trustedCertificateAuthorities(tx);
      await writeTrustedCertificateAuthorities(tx, pems);
      await recordAudit(tx, { actor: user.username, actorRole: user.role, sourceIp: request.ip, action: 'certificates.trusted-authorities.update', objectType: 'settings', before: { count: before.length }, after: { count: pems.length } });
    });
    return { pems };
  });

  app.get('/api/v1/certificates/:id', apiDoc({ tags: ['certificates'], summary: 'One certificate with its chain and every place it is presented', params: idParams }), async (request) => {
    await requirePermission(ctx, request, 'discovery:read');
    const { id } = validate(idParams, request.params, 'path');
    const row = await getCertificate(ctx.db, id);
    if (!row) throw new ApiProblem(404, 'not_found', `no certificate with id ${id}`);
    return certificateView(row, new Date());
  });

  app.post('/api/v1/certificates/:id/register', apiDoc({ tags: ['certificates'], summary: 'Keep a found certificate in the register, owned by a person or department', params: idParams, body: certificateRegisterRequest }), async (request, reply) => {
    const user = await requirePermission(ctx, request, 'register:write');
    const { id } = validate(idParams, request.params, 'path');
    const body = validate(certificateRegisterRequest, request.body ?? {}, 'body');
    const asset = await registerCertificate(ctx.db, user, id, body);
    await ctx.db.transaction((tx) => recordAudit(tx, { actor: user.username, actorRole: user.role, sourceIp: request.ip, action: 'certificate.register', objectType: 'certificate', objectId: id, after: { assetId: asset.id, tag: asset.tag } }));
    announce(ctx, 'asset', asset.id, 'created');
    return reply.code(201).send(asset);
  });
}
