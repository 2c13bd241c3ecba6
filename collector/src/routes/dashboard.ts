import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/** The built dashboard: next to the collector in the repository, or where the configuration says. */
export function findDashboardDir(configured?: string): string | undefined {
  const candidates = configured
    ? [configured]
    : [path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dashboard/dist')];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html')));
}

export async function dashboardRoutes(app: FastifyInstance, dashboardDir: string | undefined): Promise<void> {
  if (!dashboardDir) {
    app.get('/', async (_request, reply) =>
      reply.type('text/plain').send('The dashboard is not built: run `npm run build` and restart the collector.'));
    return;
  }
  await app.register(fastifyStatic, { root: dashboardDir, wildcard: false, index: ['index.html'] });
  // Client-side routes (/devices/…) load the app, which then asks the API.
  app.setNotFoundHandler((request, reply) => {
    if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.code(404).send({ error: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` });
  });
}
