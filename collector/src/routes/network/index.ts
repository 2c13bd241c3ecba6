import type { FastifyInstance } from 'fastify';
import type { CollectorContext } from '../../context.js';
import { credentialRoutes } from './credential-routes.js';
import { networkDeviceRoutes } from './device-routes.js';
import { discoveryRoutes } from './discovery-routes.js';
import { sweepRoutes } from './sweep-routes.js';

/** Everything under /api/v1/network: SNMP credentials, sweeps, discovered devices and polling. */
export function networkRoutes(app: FastifyInstance, ctx: CollectorContext): void {
  credentialRoutes(app, ctx);
  sweepRoutes(app, ctx);
  networkDeviceRoutes(app, ctx);
  discoveryRoutes(app, ctx);
}
