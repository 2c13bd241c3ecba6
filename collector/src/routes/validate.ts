import { describeIssues } from '@steward/shared';
import type { z } from 'zod';
import { ApiProblem } from '../services/errors.js';

/** Validates a request part against its shared schema, answering 400 with every offending field named. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = describeIssues(parsed.error);
  throw new ApiProblem(400, `invalid_${what}`, `invalid ${what}: ${issues.slice(0, 3).join('; ')}`, issues);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Where text the database cannot store first appears in a value, with what is wrong with it. */
function unstorableText(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return `${path}: must not contain NUL characters`;
    if (LONE_SURROGATE.test(value)) return `${path}: must not contain unpaired UTF-16 surrogates`;
    return undefined;
  }
  // Deeper than any request shape: the schema refuses such a value on its own.
  if (value === null || typeof value !== 'object' || depth > 64) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const where = path ? `${path}.${key}` : key;
    const problem = unstorableText(key, where, depth + 1) ?? unstorableText(item, where, depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * Refuses text no column can hold (NUL, unpaired surrogates) anywhere in a request's path,
 * query or body, naming the field, before any route sees it: PostgreSQL would refuse it deep
 * inside a statement, or the driver would silently replace it.
 */
export function refuseUnstorableText(request: { params: unknown; query: unknown; body: unknown }): void {
  for (const [part, value] of [['path', request.params], ['query', request.query], ['body', request.body]] as const) {
    const problem = unstorableText(value, '');
    if (problem) throw new ApiProblem(400, `invalid_${part}`, `invalid ${part}: ${problem}`, [problem]);
  }
}
