import type { FastifyInstance, FastifySchema } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { z } from 'zod';
import { COLLECTOR_VERSION } from '../version.js';

/**
 * Documents a route from its zod schemas. The JSON schemas are for the OpenAPI document only:
 * validation stays with zod in the handler, whose errors name the offending field.
 */
export function apiDoc(doc: {
  tags: string[];
  summary: string;
  body?: z.ZodType;
  querystring?: z.ZodType;
  params?: z.ZodType;
}): { schema: FastifySchema } {
  const json = (s?: z.ZodType) => (s ? (z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>) : undefined);
  return {
    schema: {
      tags: doc.tags,
      summary: doc.summary,
      ...(doc.body ? { body: json(doc.body) } : {}),
      ...(doc.querystring ? { querystring: json(doc.querystring) } : {}),
      ...(doc.params ? { params: json(doc.params) } : {}),
    } as FastifySchema,
  };
}

/** OpenAPI 3 at /docs/json and its browser at /docs. */
export async function openApiRoutes(app: FastifyInstance): Promise<void> {
  // Zod validates in every handler; fastify's own JSON-schema validation would only duplicate it.
  app.setValidatorCompiler(() => () => true);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Steward API', version: COLLECTOR_VERSION, description: 'IT asset management and discovery' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
}
