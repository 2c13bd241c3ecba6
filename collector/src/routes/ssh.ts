import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sshCredentialInput, sshCredentialOrder, sshCredentialUpdate, sshHostKeyAccept, sshScanRequest } from '@steward/shared';
import type { CollectorContext } from '../context.js';
import { ApiProblem } from '../services/errors.js';
import { networkRuntimeOf } from '../services/network/network-runtime.js';
import { acceptHostKey } from '../ssh/host-keys.js';
import {
  createSshCredentialSet, deleteSshCredentialSet, listSshCredentialSets, reorderSshCredentialSets, updateSshCredentialSet,
} from '../ssh/ssh-credentials.js';
import { listHostKeys } from '../store/ssh/host-keys.js';
import { listSshHosts } from '../store/ssh/hosts.js';
import { getSshScan } from '../store/ssh/scans.js';
import { requirePermission } from './auth.js';
import { apiDoc } from './openapi.js';
import { validate } from './validate.js';

const idParams = z.object({ id: z.uuid() });
const keyQuery = z.object({ changed: z.enum(['true', 'false']).optional() });

/** Hosts without an agent read over SSH: credential sets (secrets write-only), pinned host keys, scans and each host's last outcome. */
export function sshRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  const actor = async (request: Parameters<typeof requirePermission>[1], permission: 'discovery:read' | 'discovery:write') => {
    const user = await requirePermission(ctx, request, permission);
    return { username: user.username, role: user.role, sourceIp: request.ip };
  };

  app.get('/api/v1/ssh/credentials', apiDoc({ tags: ['ssh'], summary: 'SSH credential sets in the order they are tried (ids, names, kinds and user names only)' }), async (request) => {
    await actor(request, 'discovery:read');
    return { items: await listSshCredentialSets(ctx) };
  });

  app.post('/api/v1/ssh/credentials', apiDoc({ tags: ['ssh'], summary: 'Add an SSH credential set (a key or a password), stored sealed', body: sshCredentialInput }), async (request, reply) => {
    const by = await actor(request, 'discovery:write');
    return reply.code(201).send(await createSshCredentialSet(ctx, by, validate(sshCredentialInput, request.body, 'body')));
  });

  app.put('/api/v1/ssh/credentials/order', apiDoc({ tags: ['ssh'], summary: 'Set the order SSH credential sets are tried in', body: sshCredentialOrder }), async (request) => {
    const by = await actor(request, 'discovery:write');
    return { items: await reorderSshCredentialSets(ctx, by, validate(sshCredentialOrder, request.body, 'body').ids) };
  });

  app.put('/api/v1/ssh/credentials/:id', apiDoc({ tags: ['ssh'], summary: 'Replace an SSH credential set; secrets left out keep their stored values', params: idParams, body: sshCredentialUpdate }), async (request) => {
    const by = await actor(request, 'discovery:write');
    const { id } = validate(idParams, request.params, 'path');
    return updateSshCredentialSet(ctx, by, id, validate(sshCredentialUpdate, request.body, 'body'));
  });

  app.delete('/api/v1/ssh/credentials/:id', apiDoc({ tags: ['ssh'], summary: 'Delete an SSH credential set', params: idParams }), async (request, reply) => {
    const by = await actor(request, 'discovery:write');
    await deleteSshCredentialSet(ctx, by, validate(idParams, request.params, 'path').id);
    return reply.code(204).send();
  });

  app.get('/api/v1/ssh/host-keys', apiDoc({ tags: ['ssh'], summary: 'Host keys pinned per host and port, with any other key a host offered since', querystring: keyQuery }), async (request) => {
    await actor(request, 'discovery:read');
    const { changed } = validate(keyQuery, request.query, 'query');
    return { items: await listHostKeys(ctx.db, changed === 'true') };
  });

  app.post('/api/v1/ssh/host-keys/accept', apiDoc({ tags: ['ssh'], summary: 'Pin the key a host now offers in place of the old one', body: sshHostKeyAccept }), async (request) => {
    const by = await actor(request, 'discovery:write');
    return acceptHostKey(ctx, by, validate(sshHostKeyAccept, request.body, 'body'));
  });

  app.get('/api/v1/ssh/hosts', apiDoc({ tags: ['ssh'], summary: 'Each scanned host and port with the outcome of its last scan' }), async (request) => {
    await actor(request, 'discovery:read');
    return { items: await listSshHosts(ctx.db) };
  });

  app.post('/api/v1/ssh/scans', apiDoc({ tags: ['ssh'], summary: 'Scan hosts over SSH with the stored credential sets, in the background', body: sshScanRequest }), async (request, reply) => {
    const by = await actor(request, 'discovery:write');
    const view = await networkRuntimeOf(ctx).ssh.start(by, validate(sshScanRequest, request.body, 'body'));
    return reply.code(202).header('location', `/api/v1/ssh/scans/${view.id}`).send(view);
  });

  app.get('/api/v1/ssh/scans/:id', apiDoc({ tags: ['ssh'], summary: 'An SSH scan and how it went', params: idParams }), async (request) => {
    await actor(request, 'discovery:read');
    const { id } = validate(idParams, request.params, 'path');
    const view = await getSshScan(ctx.db, id);
    if (!view) throw new ApiProblem(404, 'not_found', `no SSH scan with id ${id}`);
    return view;
  });
}
