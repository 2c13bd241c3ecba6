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
