import type { FastifyInstance } from 'fastify';
import type { CollectorContext } from '../../context.js';
import { seedDefaultCategories } from '../../services/register/default-categories.js';
import { acceptanceRoutes } from './acceptance-routes.js';
import { assetRoutes } from './asset-routes.js';
import { attachmentRoutes } from './attachment-routes.js';
import { bulkRoutes } from './bulk-routes.js';
import { auditRoundRoutes } from './audit-routes.js';
import { contractRoutes } from './contract-routes.js';
import { exportRoutes } from './export-routes.js';
import { importRoutes } from './import-routes.js';
import { labelRoutes } from './label-routes.js';
import { maintenanceRoutes } from './maintenance-routes.js';
import { referenceRoutes } from './reference-routes.js';
import { settingsRoutes } from './settings-routes.js';
import { valuationRoutes } from './valuation-routes.js';

/** Everything under /api/v1/register: the asset register and its lifecycle. */
export function registerRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  app.addHook('onReady', async () => {
    const seeded = await seedDefaultCategories(ctx.db);
    if (seeded) ctx.log.info({ categories: seeded }, 'register: default categories installed');
  });
  referenceRoutes(app, ctx);
  assetRoutes(app, ctx);
  bulkRoutes(app, ctx);
  settingsRoutes(app, ctx);
  valuationRoutes(app, ctx);
  importRoutes(app, ctx);
  maintenanceRoutes(app, ctx);
  contractRoutes(app, ctx);
  exportRoutes(app, ctx);
  auditRoundRoutes(app, ctx);
  labelRoutes(app, ctx);
  attachmentRoutes(app, ctx);
  acceptanceRoutes(app, ctx);
}
