import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { makeReport } from './reports.js';

/**
 * Property-based fuzzing of the collector through fastify's in-process injection (the whole
 * request lifecycle: hooks, parsers, routes, the store), so thousands of requests fit in CI.
 * The property: no answer is a 5xx. Runs are reproducible from their seed.
 */

export interface FuzzTally {
  runs: number;
  statuses: Record<number, number>;
}

/** Text that has broken collectors: control characters, lone surrogates, injection, formulas, sizes. */
const oddText = fc.constantFrom(
  '', '\u0000', 'a\u0000b', '\ud800', 'x\udc00y', '\ud83d\ude00', '\u202e', '%', '_', '\\', "'; drop table devices; --",
  '=cmd|"/c calc"!A1', 'javascript:alert(1)', '<script>alert(1)</script>', '../../etc/passwd', '__proto__', 'A'.repeat(5000),
);
export const hostileText = fc.oneof(
  { arbitrary: fc.string({ maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 2 },
  { arbitrary: oddText, weight: 2 },
);
export const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 0.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 2 ** 63, 1e308, -1e308),
);
const dateRange = { min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true };
export const hostileDateTime = fc.oneof(
  { arbitrary: fc.date(dateRange).map((d) => d.toISOString()), weight: 3 },
  {
    arbitrary: fc.constantFrom(
      '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2026-02-30T00:00:00Z', '2026-01-01T00:00:00+15:59', '2026-01-01T00:00:00-16:00',
      '2026-01-01T24:00:00Z', '+275760-09-13T00:00:00.000Z', 'yesterday', '2026-01-01T00:00:00.123456789Z',
    ),
    weight: 2,
  },
);
export const hostileDate = fc.oneof(fc.date(dateRange).map((d) => d.toISOString().slice(0, 10)), fc.constantFrom('0000-01-01', '9999-12-31', '2026-02-30', '2026-13-01'));
const wrongType = fc.oneof(hostileText, hostileNumber, fc.constant(null), fc.boolean(), fc.constant([]), fc.constant({}));

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}

/** Mostly what the schema asks for, sometimes anything at all: both paths of every handler. */
export function fromSchema(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: conforming(schema, depth), weight: 5 }, { arbitrary: wrongType, weight: 1 });
}

function conforming(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices?.length) return fc.oneof(...choices.map((s) => fromSchema(s, depth)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') ?? 'null' : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'uuid') return fc.uuid();
      if (schema.format === 'date-time') return hostileDateTime;
      if (schema.format === 'date') return hostileDate;
      if (schema.format === 'email') return fc.oneof(fc.emailAddress(), hostileText);
      if (schema.format === 'uri') return fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'http://127.0.0.1:1/', 'file:///etc/passwd'));
      return fc.oneof(fc.string({ minLength: 1, maxLength: Math.min(schema.maxLength ?? 30, 30) }), hostileText);
    case 'integer':
      return fc.oneof(fc.integer({ min: Math.max(schema.minimum ?? -1000, -(2 ** 31)), max: Math.min(schema.maximum ?? 1000, 2 ** 31 - 1) }), hostileNumber);
    case 'number':
      return fc.oneof(fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true }), hostileNumber);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return depth > 4 ? fc.constant([]) : fc.array(schema.items ? fromSchema(schema.items, depth + 1) : wrongType, { maxLength: 4 });
    case 'object': {
      if (depth > 4 || !schema.properties) return fc.dictionary(hostileText, wrongType, { maxKeys: 3 });
      const fields = Object.fromEntries(Object.entries(schema.properties).map(([k, s]) => [k, fromSchema(s, depth + 1)]));
      return fc.record(fields, { requiredKeys: schema.required?.filter((k) => k in fields) ?? [] });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** An agent report: a valid one with some fields made hostile, sometimes cut short or not JSON at all. */
export function agentReportBody(agentId: string): fc.Arbitrary<string> {
  const software = fc.array(fc.record({
    name: fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), hostileText),
    version: fc.option(hostileText, { nil: undefined }),
    publisher: fc.option(hostileText, { nil: undefined }),
    source: fc.constantFrom('dpkg', 'rpm', 'registry', 'brew', 'bogus'),
    installDate: fc.option(fc.oneof(hostileDate, hostileDateTime), { nil: undefined }),
  }, { requiredKeys: ['name', 'source'] }), { maxLength: 6 });
  // Each field is left as the agent would send it most of the time, so a good share of reports is stored.
  const sometimes = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 7 }, { arbitrary, weight: 1 });
  const changes = fc.record({
    kind: sometimes(fc.constantFrom('delta', 'other')),
    collectedAt: sometimes(hostileDateTime),
    hostname: sometimes(fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), hostileText)),
    macAddresses: sometimes(fc.array(fc.oneof(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 6, maxLength: 6 }).map((b) => b.map((x) => x.toString(16).padStart(2, '0')).join(':')), hostileText), { maxLength: 3 })),
    memory: sometimes(hostileNumber),
    cores: sometimes(hostileNumber),
    software: fc.oneof({ arbitrary: fc.constant(undefined), weight: 1 }, { arbitrary: software, weight: 1 }),
    extra: sometimes(fc.dictionary(hostileText, wrongType, { maxKeys: 2 })),
  });
  const report = fc.tuple(fc.uuid(), changes).map(([reportId, c]) => {
    const base = makeReport(agentId, { reportId }) as unknown as Record<string, any>;
    if (c.kind !== undefined) base.kind = c.kind;
    if (c.collectedAt !== undefined) base.collectedAt = c.collectedAt;
    if (c.hostname !== undefined) base.identity.hostname = c.hostname;
    if (c.macAddresses !== undefined) base.identity.macAddresses = c.macAddresses;
    if (c.memory !== undefined) base.hardware.memory.totalBytes = c.memory;
    if (c.cores !== undefined) base.hardware.cpu.cores = c.cores;
    if (c.software !== undefined) base.software = c.software;
    return JSON.stringify({ ...base, ...(c.extra ?? {}) });
  });
  return fc.oneof(
    { arbitrary: report, weight: 8 },
    { arbitrary: fc.tuple(report, fc.nat()).map(([text, cut]) => text.slice(0, cut % Math.max(1, text.length))), weight: 1 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), weight: 1 },
  );
}

export interface ApiRoute {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: JsonSchema;
}

/** Routes of the OpenAPI document that take a body (or might), minus those whose work is not a request's to fuzz. */
export function fuzzableRoutes(doc: { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>> }, skip: RegExp): ApiRoute[] {
  const routes: ApiRoute[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const verb = method.toUpperCase();
      if (!['POST', 'PUT', 'PATCH'].includes(verb) || skip.test(`${verb} ${path}`)) continue;
      routes.push({ method: verb as ApiRoute['method'], path, body: op.requestBody?.content?.['application/json']?.schema });
    }
  }
  return routes;
}

/** A request to one of the routes: path ids real-looking or not, body after its schema or any JSON. */
export function apiRequest(routes: ApiRoute[]): fc.Arbitrary<{ method: string; url: string; payload: string }> {
  return fc.constantFrom(...routes).chain((route) => fc.record({
    url: fc.array(fc.oneof({ arbitrary: fc.uuid(), weight: 4 }, { arbitrary: hostileText.filter((t) => t.isWellFormed()).map(encodeURIComponent), weight: 1 }), { minLength: 4, maxLength: 4 })
      .map((ids) => { let i = 0; return route.path.replace(/\{[^}]+\}/g, () => ids[i++] || 'x'); }),
    payload: (route.body ? fromSchema(route.body) : fc.jsonValue({ maxDepth: 3 })).map((b) => JSON.stringify(b) ?? 'null'),
  }).map((r) => ({ method: route.method, ...r })));
}

/** Sends every generated request in process; fails (with the shrunk request) on the first 5xx. */
export async function fuzz<T extends { method?: string; url?: string; payload: string }>(
  app: FastifyInstance, requests: fc.Arbitrary<T>, fixed: { method?: string; url?: string; headers: Record<string, string> },
  options: { runs: number; seed: number },
): Promise<FuzzTally> {
  const tally: FuzzTally = { runs: 0, statuses: {} };
  await fc.assert(fc.asyncProperty(requests, async (r) => {
    const response = await app.inject({
      method: (r.method ?? fixed.method ?? 'POST') as 'POST',
      url: r.url ?? fixed.url!,
      headers: { 'content-type': 'application/json', ...fixed.headers },
      payload: r.payload,
    });
    tally.runs++;
    tally.statuses[response.statusCode] = (tally.statuses[response.statusCode] ?? 0) + 1;
    if (response.statusCode >= 500) throw new Error(`${response.statusCode} ${response.body}`);
  }), { numRuns: options.runs, seed: options.seed, endOnFailure: true });
  return tally;
}

/**
 * Routes left out of body fuzzing: they end the fuzzer's own session, start work that outlives a
 * request (sweeps of the network, reconciliation, backups, PDFs of labels, deliveries to the
 * outside), or read CSV rather than JSON; each has tests of its own.
 */
export const FUZZ_SKIP = /auth\/logout|reconcile\/run|network\/sweeps|register\/labels|\/backups|alerts\/evaluate|test-email|webhooks\/\{id\}\/test|\/tickets|report-schedules\/\{id\}\/run|register\/import|agents\/report/;
