import type { FastifyInstance } from 'fastify';
import {
  acquisitionInput, assetCreateRequest, assetListQuery, assetPatch, assignmentListQuery, checkinRequest, checkoutRequest,
  registerHistoryQuery, sanitisationInput, transitionRequest,
} from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import { createAsset, deleteAsset, readAsset, updateAsset } from '../../services/register/assets.js';
import { checkOutWithLink } from '../../services/register/acceptance-link.js';
import { checkInAsset } from '../../services/register/checkout.js';
import { recordAcquisition, recordSanitisation, transitionAsset } from '../../services/register/lifecycle.js';
import { getAcquisition } from '../../store/register/acquisitions.js';
import { assetsTable, assignmentsTable } from '../../store/register/asset-tables.js';
import { listHistory } from '../../store/register/history.js';
import { listRecords } from '../../store/register/record-table.js';
import { getSanitisation } from '../../store/register/sanitisations.js';
import { listTransitions } from '../../store/register/transitions.js';
import { requirePermission } from '../auth.js';
import { validate } from '../validate.js';
import { announce } from './announce.js';
import { idParams } from './record-routes.js';

const base = '/api/v1/register/assets';

export function assetRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.get(base, async (request) => {
    await requirePermission(ctx, request, 'register:read');
    return listRecords(ctx.db, assetsTable, validate(assetListQuery, request.query, 'query'));
  });

  app.get(`${base}/:id`, async (request) => {
    await requirePermission(ctx, request, 'register:read');
    return readAsset(ctx.db, validate(idParams, request.params, 'path').id);
  });

  app.post(base, async (request, reply) => {
    const user = await requirePermission(ctx, request, 'register:write');
    const body = validate(assetCreateRequest, request.body, 'body');
    const asset = await createAsset(ctx.db, user, body);
    announce(ctx, 'asset', asset.id, 'created');
    return reply.code(201).send(asset);
  });

  app.patch(`${base}/:id`, async (request) => {
    const user = await requirePermission(ctx, request, 'register:write');
    const { id } = validate(idParams, request.params, 'path');
    const asset = await updateAsset(ctx.db, user, id, validate(assetPatch, request.body, 'body'));
    announce(ctx, 'asset', id, 'updated');
    return asset;
  });

  app.delete(`${base}/:id`, async (request, reply) => {
    const user = await requirePermission(ctx, request, 'register:write');
    const { id } = validate(idParams, request.params, 'path');
    await deleteAsset(ctx.db, user, id);
    announce(ctx, 'asset', id, 'deleted');
    return reply.code(204).send();
  });

  app.post(`${base}/:id/transitions`, async (request) => {
    const user = await requirePermission(ctx, request, 'register:write');
    const { id } = validate(idParams, request.params, 'path');
    const asset = await transitionAsset(ctx.db, user, id, validate(transitionRequest, request.body, 'body'));
    announce(ctx, 'asset', id, `status:${asset.status}`);
    return asset;
  });

  app.get(`${base}/:id/transitions`, async (request) => {
    await requirePermission(ctx, request, 'register:read');
    const { id } = validate(idParams, request.params, 'path');
    await readAsset(ctx.db, id);
    return { items: await listTransitions(ctx.db, id) };
  });

  app.get(`${base}/:id/acquisition`, async (request) => {
    await requirePermission(ctx, request, 'register:read');
    const { id } = validate(idParams, request.params, 'path');
    await readAsset(ctx.db, id);
    return (await getAcquisition(ctx.db, id)) ?? null;
  });

  app.put(`${base}/:id/acquisition`, async (request) => {
    const user = await requirePermission(ctx, request, 'register:write');
    const { id } = validate(idParams, request.params, 'path');
    return recordAcquisition(ctx.db, user, id, validate(acquisitionInput, request.body, 'body'));
  });

  app.get(`${base}/:id/sanitisation`, async (request) => {
    await requirePermission(ctx, request, 'register:read');
    const { id } = validate(idParams, request.params, 'path');
    await readAsset(ctx.db, id);
    return (await getSanitisation(ctx.db, id)) ?? null;
  });

  app.put(`${base}/:id/sanitisation`, async (request) => {
    const user = await requirePermission(ctx, request, 'register:write');
    const { id } = validate(idParams, request.params, 'path');
    return recordSanitisation(ctx.db, user, id, validate(sanitisationInput, request.body, 'body'));
  });

  app.post(`${base}/:id/checkout`, async (request) => {
    const user = await requirePermission(ctx, request, 'register:checkout');
    const { id } = validate(idParams, request.params, 'path');
    const asset = await checkOutWithLink(ctx, user, id, validate(checkoutRequest, request.body, 'body'), `${request.protocol}://${request.host}`);
    announce(ctx, 'asset', id, 'checked_out');
    return asset;
  });

  app.post(`${base}/:id/checkin`, async (request) => {
    const user = await requirePermission(ctx, request, 'register:checkout');
    const { id } = validate(idParams, request.params, 'path');
    const asset = await checkInAsset(ctx.db, user, id, validate(checkinRequest, request.body ?? {}, 'body'));
    announce(ctx, 'asset', id, 'checked_in');
    return asset;
  });

  app.get(`${base}/:id/history`, async (request) => {
    await requirePermission(ctx, request, 'register:read');
    const { id } = validate(idParams, request.params, 'path');
    const query = validate(registerHistoryQuery, request.query, 'query');
    return listHistory(ctx.db, { ...query, objectType: 'asset', objectId: id });
  });

  app.get('/api/v1/register/assignments', async (request) => {
    await requirePermission(ctx, request, 'register:read');
    return listRecords(ctx.db, assignmentsTable, validate(assignmentListQuery, request.query, 'query'));
  });

  app.get('/api/v1/register/history', async (request) => {
    await requirePermission(ctx, request, 'register:read');
    return listHistory(ctx.db, validate(registerHistoryQuery, request.query, 'query'));
  });
}
