import type { FastifyInstance } from 'fastify';
import { contractInput, contractListQuery } from '@steward/shared';
import type { CollectorContext } from '../../context.js';
import { contractsTable } from '../../store/register/reference-tables.js';
import { setContractAssets } from '../../store/register/contracts.js';
import { recordRoutes } from './record-routes.js';

/** Warranties, support, lease, SaaS and service agreements, with the assets each covers. */
export function contractRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  recordRoutes(app, ctx, {
    path: 'contracts', spec: contractsTable, input: contractInput, listQuery: contractListQuery,
    hook: (body) => (Array.isArray(body.assetIds) ? (tx, id) => setContractAssets(tx, id, body.assetIds as string[]) : undefined),
  });
}
